// Annotations through the dispatcher: create (the quote comes from the stored text), edit,
// undoable delete, proposal links and reattach, with refusals that leave the stored rows unchanged.
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { toAnnotationView } from '../../src/core/annotation-domain'
import { fullAnnotations, rangeOf, useSampleWorkbench } from './helpers/annotations'
import { queryFile } from './helpers/raw-db'
import { callError, callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

/** Every stored annotation row with its tags and links, deleted ones too: proof that a refused call wrote nothing. */
const snapshot = () => ({
  annotations: queryFile(wb.dbPath, 'SELECT * FROM annotations ORDER BY seq'),
  tags: queryFile(wb.dbPath, 'SELECT * FROM annotation_tags ORDER BY annotation_id, position'),
  links: queryFile(wb.dbPath, 'SELECT * FROM annotation_proposals ORDER BY annotation_id, proposal_id'),
})

describe('annotations.create', () => {
  it('takes the quote and its context from the report text, the author from the settings', async () => {
    await callOk(wb, 'settings.update', { authorName: 'Nguyễn Thị Hà'.normalize('NFD') })
    const range = rangeOf(text, 'kinh doanh xăng dầu')
    const created = await callOk(wb, 'annotations.create', { reportId, ...range, body: 'Cần số liệu cửa hàng' })
    expect(created).toMatchObject({
      reportId,
      ...range,
      status: 'placed',
      exact: 'kinh doanh xăng dầu',
      prefix: text.slice(range.start - 32, range.start),
      suffix: text.slice(range.end, range.end + 32),
      kind: 'note',
      colour: 'blue',
      author: 'Nguyễn Thị Hà'.normalize('NFC'),
      tags: [],
      proposalIds: [],
      includeInMinutes: false,
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.createdAt).toBe(created.updatedAt)
  })

  it('defaults to a yellow highlight without a body, and stores note and tags in NFC', async () => {
    const highlight = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'cháy rừng') })
    expect(highlight).toMatchObject({ kind: 'highlight', colour: 'yellow', body: '' })

    const decomposed = 'Đề nghị bổ sung đường giao thông'.normalize('NFD')
    const note = await callOk(wb, 'annotations.create', {
      reportId,
      ...rangeOf(text, 'điện lưới'),
      kind: 'question',
      body: decomposed,
      tags: ['  hạ tầng '.normalize('NFD'), 'điện', 'điện'],
    })
    expect(note).toMatchObject({ kind: 'question', colour: 'purple', body: decomposed.normalize('NFC'), tags: ['hạ tầng', 'điện'] })
    const [row] = queryFile<{ body: string }>(wb.dbPath, 'SELECT body FROM annotations WHERE id = ?', note.id)
    expect(row!.body).toBe(decomposed.normalize('NFC'))
  })

  it('links proposals given at creation, and lists in document order with unplaced ones last', async () => {
    const [p1, p2] = await callOk(wb, 'proposals.list', { reportId })
    const later = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'nước sạch'), proposalIds: [p2!.id, p1!.id, p2!.id] })
    const earlier = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'Kỳ Sơn') })
    expect(later.proposalIds).toEqual([p1!.id, p2!.id].sort((a, b) => a - b))
    expect((await callOk(wb, 'annotations.list', { reportId })).map((a) => a.id)).toEqual([earlier.id, later.id])
  })

  it('refuses ranges outside the text, blank ranges, foreign or missing proposals, writing nothing', async () => {
    const other = await callOk(wb, 'reports.import', { text: 'Báo cáo khác.\n\nĐề nghị hỗ trợ.', title: 'Khác' })
    const sector = (await callOk(wb, 'sectors.list', {}))[0]!.code
    const foreign = await callOk(wb, 'proposals.create', { reportId: other.id, title: 'Y', sector })
    const blank = text.indexOf('\n\n')
    const before = snapshot()
    const cases: [unknown, string][] = [
      [{ reportId, start: 10, end: 10 }, 'bad_request'],
      [{ reportId, start: 20, end: 10 }, 'bad_request'],
      [{ reportId, start: text.length - 2, end: text.length + 3 }, 'bad_request'],
      [{ reportId, start: blank, end: blank + 2 }, 'bad_request'],
      [{ reportId, start: 0, end: 5, kind: 'rumour' }, 'bad_request'],
      [{ reportId, start: 0, end: 5, colour: 'black' }, 'bad_request'],
      [{ reportId, start: 0, end: 5, tags: ['x'.repeat(65)] }, 'bad_request'],
      [{ reportId, start: 0, end: 5, exact: 'client quote' }, 'bad_request'],
      [{ reportId, start: 0, end: 5, proposalIds: [foreign.id] }, 'bad_request'],
      [{ reportId, start: 0, end: 5, proposalIds: [99_999] }, 'not_found'],
      [{ reportId: 999, start: 0, end: 5 }, 'not_found'],
    ]
    for (const [args, code] of cases) expect((await callError(wb, 'annotations.create', args)).code, JSON.stringify(args)).toBe(code)
    expect(snapshot()).toEqual(before)
  })
})

describe('annotations.update', () => {
  it('changes the patched fields only, replaces tags, and moves updatedAt forward', async () => {
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'cháy rừng'), tags: ['rừng'] })
    const updated = await callOk(wb, 'annotations.update', {
      id: created.id,
      patch: { kind: 'concern', body: 'Số liệu chưa rõ', tags: ['rừng', 'số liệu'], includeInMinutes: true },
    })
    expect(updated).toEqual({
      ...created,
      kind: 'concern',
      body: 'Số liệu chưa rõ',
      tags: ['rừng', 'số liệu'],
      includeInMinutes: true,
      updatedAt: updated.updatedAt,
      version: created.version + 1,
    })
    expect(updated.updatedAt > created.updatedAt).toBe(true)
    expect(await callOk(wb, 'annotations.update', { id: created.id, patch: {} })).toEqual(updated)
    expect(await callOk(wb, 'annotations.update', { id: created.id, patch: { colour: updated.colour } })).toEqual(updated)
  })

  it('refuses a wrong patch or a missing id, writing nothing', async () => {
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'cháy rừng') })
    const before = snapshot()
    expect((await callError(wb, 'annotations.update', { id: created.id, patch: { kind: 'rumour' } })).code).toBe('bad_request')
    expect((await callError(wb, 'annotations.update', { id: created.id, patch: { start: 3 } })).code).toBe('bad_request')
    expect((await callError(wb, 'annotations.update', { id: 'not-a-uuid', patch: {} })).code).toBe('bad_request')
    expect((await callError(wb, 'annotations.update', { id: '00000000-0000-4000-8000-000000000000', patch: {} })).code).toBe('not_found')
    expect(snapshot()).toEqual(before)
  })
})

describe('annotations.delete and restore', () => {
  it('hides a deleted annotation, keeps its tags and links, and brings it back whole', async () => {
    const [p1] = await callOk(wb, 'proposals.list', { reportId })
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'nước sạch'), tags: ['nước'], proposalIds: [p1!.id] })
    expect(await callOk(wb, 'annotations.delete', { id: created.id })).toEqual({ id: created.id })
    expect(await callOk(wb, 'annotations.list', { reportId })).toEqual([])
    expect((await callError(wb, 'annotations.update', { id: created.id, patch: { body: 'x' } })).code).toBe('not_found')
    expect(await callOk(wb, 'annotations.delete', { id: created.id })).toEqual({ id: created.id })

    const restored = await callOk(wb, 'annotations.restore', { id: created.id })
    expect(restored).toEqual({ ...created, updatedAt: restored.updatedAt, version: created.version + 2 })
    expect(await callOk(wb, 'annotations.list', { reportId })).toEqual([toAnnotationView(restored)])
    expect(fullAnnotations(wb, reportId)).toEqual([restored])
  })

  it('answers not_found for missing ids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await callError(wb, 'annotations.delete', { id: missing })).code).toBe('not_found')
    expect((await callError(wb, 'annotations.restore', { id: missing })).code).toBe('not_found')
  })
})

describe('annotations.link and unlink', () => {
  it('links and unlinks proposals of the same report, idempotently', async () => {
    const [p1, p2] = await callOk(wb, 'proposals.list', { reportId })
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới') })
    const linked = await callOk(wb, 'annotations.link', { id: created.id, proposalId: p2!.id })
    expect(linked.proposalIds).toEqual([p2!.id])
    expect(linked.updatedAt > created.updatedAt).toBe(true)
    expect(await callOk(wb, 'annotations.link', { id: created.id, proposalId: p2!.id })).toEqual(linked)
    expect((await callOk(wb, 'annotations.link', { id: created.id, proposalId: p1!.id })).proposalIds).toEqual([p1!.id, p2!.id])
    expect((await callOk(wb, 'annotations.unlink', { id: created.id, proposalId: p2!.id })).proposalIds).toEqual([p1!.id])
    const unchanged = await callOk(wb, 'annotations.unlink', { id: created.id, proposalId: p2!.id })
    expect(unchanged.proposalIds).toEqual([p1!.id])
  })

  it('keeps links to a deleted proposal out of proposalIds until it is restored', async () => {
    const [p1] = await callOk(wb, 'proposals.list', { reportId })
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới'), proposalIds: [p1!.id] })
    await callOk(wb, 'proposals.delete', { id: p1!.id })
    expect((await callOk(wb, 'annotations.list', { reportId }))[0]!.proposalIds).toEqual([])
    await callOk(wb, 'proposals.restore', { id: p1!.id })
    expect((await callOk(wb, 'annotations.list', { reportId }))[0]!.proposalIds).toEqual([p1!.id])
    expect(queryFile(wb.dbPath, 'SELECT * FROM annotation_proposals')).toEqual([{ annotation_id: created.id, proposal_id: p1!.id }])
  })

  it('refuses a deleted, foreign or missing proposal, writing nothing', async () => {
    const [p1] = await callOk(wb, 'proposals.list', { reportId })
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới') })
    await callOk(wb, 'proposals.delete', { id: p1!.id })
    const other = await callOk(wb, 'reports.import', { text: 'Báo cáo khác.\n\nĐề nghị hỗ trợ.', title: 'Khác' })
    const foreign = await callOk(wb, 'proposals.create', { reportId: other.id, title: 'Y', sector: p1!.sector })
    const before = snapshot()
    expect((await callError(wb, 'annotations.link', { id: created.id, proposalId: p1!.id })).code).toBe('not_found')
    expect((await callError(wb, 'annotations.link', { id: created.id, proposalId: foreign.id })).code).toBe('bad_request')
    expect((await callError(wb, 'annotations.link', { id: created.id, proposalId: 99_999 })).code).toBe('not_found')
    expect(snapshot()).toEqual(before)
  })
})

describe('annotations.reattach', () => {
  it('moves an annotation to a new range with the quote of that range', async () => {
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới'), body: 'giữ' })
    const range = rangeOf(text, 'nước sạch')
    const moved = await callOk(wb, 'annotations.reattach', { id: created.id, ...range })
    expect(moved).toMatchObject({ ...range, status: 'placed', exact: 'nước sạch', body: 'giữ' })
    expect(moved.updatedAt > created.updatedAt).toBe(true)
    expect((await callError(wb, 'annotations.reattach', { id: created.id, start: 5, end: text.length + 1 })).code).toBe('bad_request')
  })
})

describe('annotations of a report that is gone', () => {
  it('answers not_found for a missing report', async () => {
    expect((await callError(wb, 'annotations.list', { reportId: 999 })).code).toBe('not_found')
  })
})
