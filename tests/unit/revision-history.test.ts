// Revisions that ask first, on a real SQLite file: the preview counts what applying will do (and
// changes nothing), an earlier revision is made current again as a new one, the newest revision
// is undone with every anchor back where it was, and any two revisions can be compared.
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { fullAnnotations, rangeOf, useSampleWorkbench } from './helpers/annotations'
import { queryFile } from './helpers/raw-db'
import { callError, callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

const paragraphs = (t: string) => t.split('\n\n')
const OPENING = 'Đoạn mở đầu mới được bổ sung trong bản sửa đổi của báo cáo.'

/** A revision that adds a paragraph, removes the one about forest fires and edits one word elsewhere. */
function revisedVersion(): string {
  const list = paragraphs(text)
  const edited = list.findIndex((p) => p.includes('kinh doanh xăng dầu'))
  const out = list.filter((p) => !p.includes('cháy rừng'))
  const i = out.indexOf(list[edited]!)
  out[i] = out[i]!.replace('kinh doanh xăng dầu', 'kinh doanh xăng dầu, khí đốt')
  return [OPENING, ...out].join('\n\n')
}

/** What the user sees of a report; `versions: false` leaves out record versions, which every write moves on. */
async function snapshot({ versions = true } = {}) {
  const strip = <T extends { version?: number }>(rows: T[]) => (versions ? rows : rows.map(({ version: _v, ...rest }) => rest))
  return {
    text: (await callOk(wb, 'reports.get', { id: reportId })).text,
    annotations: strip(fullAnnotations(wb, reportId)),
    proposals: strip(await callOk(wb, 'proposals.list', { reportId })),
    revisions: await callOk(wb, 'reports.revisions', { reportId }),
  }
}

async function annotateThree() {
  const fire = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'không để xảy ra cháy rừng') })
  const fuel = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'kinh doanh xăng dầu') })
  const first = paragraphs(text)[0]!
  const head = await callOk(wb, 'annotations.create', { reportId, start: 0, end: Math.min(12, first.length) })
  return { fire, fuel, head }
}

describe('reports.previewRevision', () => {
  it('counts paragraphs and anchor outcomes exactly as applying then does, and writes nothing', async () => {
    await annotateThree()
    const before = await snapshot()
    const revised = revisedVersion()

    const preview = await callOk(wb, 'reports.previewRevision', { reportId, text: revised, fileName: 'ban-sua.txt' })
    expect(preview.identical).toBe(false)
    expect(preview.paragraphs.stats).toMatchObject({ added: 1, changed: 1 })
    expect(preview.paragraphs.stats.removed).toBeGreaterThanOrEqual(1)
    const changed = preview.paragraphs.blocks.find((b) => b.kind === 'changed')
    if (changed?.kind !== 'changed') throw new Error('no changed paragraph')
    // Only the inserted words are marked; the old paragraph reads back from the unmarked and removed pieces.
    expect(changed.pieces.filter((p) => p.op === 'added').map((p) => p.text.replace(/[\s,]/g, ''))).toEqual(['khíđốt'])
    expect(changed.pieces.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual([])
    expect(changed.pieces.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(paragraphs(text).find((p) => p.includes('kinh doanh xăng dầu')))
    expect(preview.paragraphs.blocks.find((b) => b.kind === 'added')).toEqual({ kind: 'added', text: OPENING })
    expect(preview.annotations).toMatchObject({ total: 3, outcomes: { placed: 2, unplaced: 1 } })
    // The two placed ones move: everything after the new opening paragraph shifts.
    expect(preview.annotations.moved).toBe(2)
    expect(await snapshot()).toEqual(before)

    const applied = await callOk(wb, 'reports.revise', { reportId, text: revised, fileName: 'ban-sua.txt' })
    expect(applied).toMatchObject({ revision: 2, placed: preview.annotations.outcomes.placed, unplaced: preview.annotations.outcomes.unplaced })
    expect(applied.proposalSources.placed).toBe(preview.proposalSources.outcomes.placed ?? 0)
    expect(applied.proposalSources.unplaced).toBe(preview.proposalSources.outcomes.unplaced ?? 0)
  })

  it('says when a text is the current one, and previews an earlier revision by number', async () => {
    expect(await callOk(wb, 'reports.previewRevision', { reportId, text })).toMatchObject({ identical: true, paragraphs: { stats: { added: 0, removed: 0, changed: 0 } } })
    await callOk(wb, 'reports.revise', { reportId, text: revisedVersion() })
    const back = await callOk(wb, 'reports.previewRevision', { reportId, revision: 1 })
    expect(back.identical).toBe(false)
    expect(back.paragraphs.stats).toMatchObject({ removed: 1, changed: 1 })
    expect((await callError(wb, 'reports.previewRevision', { reportId, revision: 9 })).code).toBe('not_found')
    expect((await callError(wb, 'reports.previewRevision', { reportId })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.previewRevision', { reportId, revision: 1, text: 'x' })).code).toBe('bad_request')
  })
})

describe('reports.restoreRevision', () => {
  it('makes an earlier text current again as a new revision, keeping every revision', async () => {
    const { fire } = await annotateThree()
    await callOk(wb, 'reports.revise', { reportId, text: revisedVersion(), fileName: 'ban-sua.txt' })
    expect(fullAnnotations(wb, reportId).find((a) => a.id === fire.id)!.status).toBe('unplaced')

    const outcome = await callOk(wb, 'reports.restoreRevision', { reportId, revision: 1 })
    expect(outcome.revision).toBe(3)
    expect((await callOk(wb, 'reports.get', { id: reportId })).text).toBe(text)
    const revisions = await callOk(wb, 'reports.revisions', { reportId })
    expect(revisions.map((r) => [r.revision, r.restoredFrom, r.current])).toEqual([[1, null, false], [2, null, false], [3, 1, true]])
    expect(revisions[1]!.change).toMatchObject({ added: 1, changed: 1 })
    expect(revisions[2]!.change).toMatchObject({ removed: 1, changed: 1 })
    // The annotation whose text came back is found again by its quote.
    const back = fullAnnotations(wb, reportId).find((a) => a.id === fire.id)!
    expect(back).toMatchObject({ status: 'placed', ...rangeOf(text, 'không để xảy ra cháy rừng') })
    expect((await callError(wb, 'reports.restoreRevision', { reportId, revision: 7 })).code).toBe('not_found')
  })
})

describe('reports.undoRevision', () => {
  it('puts the text and every annotation and proposal source back exactly, and forgets the revision', async () => {
    await annotateThree()
    const proposal = (await callOk(wb, 'proposals.list', { reportId }))[0]!
    const fireRange = rangeOf(text, 'không để xảy ra cháy rừng')
    await callOk(wb, 'proposals.update', { id: proposal.id, patch: { source: { ...fireRange, exact: 'không để xảy ra cháy rừng' } } })
    const before = await snapshot({ versions: false })

    await callOk(wb, 'reports.revise', { reportId, text: revisedVersion(), fileName: 'ban-sua.txt' })
    expect((await callOk(wb, 'proposals.list', { reportId })).find((p) => p.id === proposal.id)!.source).toBeNull()
    const undone = await callOk(wb, 'reports.undoRevision', { reportId, revision: 2 })
    expect(undone.revision).toBe(1)
    expect(await snapshot({ versions: false })).toEqual(before)
    expect(queryFile(wb.dbPath, 'SELECT count(*) AS n FROM revision_anchors')).toEqual([{ n: 0 }])
  })

  it('carries an annotation made after the revision back onto the older text', async () => {
    const revised = revisedVersion()
    await callOk(wb, 'reports.revise', { reportId, text: revised })
    const later = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(revised, 'kinh doanh xăng dầu, khí đốt') })
    await callOk(wb, 'reports.undoRevision', { reportId, revision: 2 })
    const [after] = fullAnnotations(wb, reportId).filter((a) => a.id === later.id)
    expect(after!.status).toBe('placed')
    expect(text.slice(after!.start!, after!.end!)).toContain('kinh doanh xăng dầu')
  })

  it('refuses to undo anything but the newest revision, or the first text', async () => {
    await callOk(wb, 'reports.revise', { reportId, text: revisedVersion() })
    await callOk(wb, 'reports.restoreRevision', { reportId, revision: 1 })
    expect((await callError(wb, 'reports.undoRevision', { reportId, revision: 2 })).code).toBe('conflict')
    await callOk(wb, 'reports.undoRevision', { reportId, revision: 3 })
    await callOk(wb, 'reports.undoRevision', { reportId, revision: 2 })
    expect((await callError(wb, 'reports.undoRevision', { reportId, revision: 1 })).code).toBe('conflict')
    expect((await callOk(wb, 'reports.get', { id: reportId })).text).toBe(text)
  })
})

describe('reports.revisionDiff', () => {
  it('shows the differences between any two revisions, both ways', async () => {
    await callOk(wb, 'reports.revise', { reportId, text: revisedVersion() })
    const forward = await callOk(wb, 'reports.revisionDiff', { reportId, from: 1, to: 2 })
    const backward = await callOk(wb, 'reports.revisionDiff', { reportId, from: 2, to: 1 })
    expect(forward.stats).toMatchObject({ added: 1, changed: 1 })
    expect(backward.stats).toMatchObject({ removed: 1, changed: 1, added: forward.stats.removed })
    expect(backward.blocks).toContainEqual({ kind: 'removed', text: OPENING })
    expect(await callOk(wb, 'reports.revisionDiff', { reportId, from: 1, to: 1 })).toMatchObject({ stats: { added: 0, removed: 0, changed: 0 } })
    expect((await callError(wb, 'reports.revisionDiff', { reportId, from: 1, to: 5 })).code).toBe('not_found')
  })
})
