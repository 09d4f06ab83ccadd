// The checklist through the dispatcher: create (at the end or after an item), edit,
// undoable delete and reorder, with refusals that leave the stored rows unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import type { Proposal } from '../../src/core/domain'
import { queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let wb: Workbench
let reportId: number
let sectorCode: string
let sectorLead: string

beforeEach(async () => {
  wb = openTestWorkbench(tempDir())
  reportId = (await callOk(wb, 'reports.list', {}))[0]!.id
  const sectors = await callOk(wb, 'sectors.list', {})
  sectorCode = sectors[0]!.code
  sectorLead = sectors[0]!.leadBodyVi
})
afterEach(() => wb.close())

const list = () => callOk(wb, 'proposals.list', { reportId })
const ids = async () => (await list()).map((p) => p.id)
/** Every stored proposal row, deleted ones too: proof that a refused call wrote nothing. */
const snapshot = () => queryFile(wb.dbPath, 'SELECT * FROM proposals ORDER BY id')

describe('proposals.create', () => {
  it('appends with defaults: proposed, normal priority, the sector lead body as owner', async () => {
    const before = await ids()
    const created = await callOk(wb, 'proposals.create', { reportId, title: 'Nâng cấp trạm y tế xã', sector: sectorCode })
    expect(created).toMatchObject({ reportId, status: 'proposed', priority: 'normal', owner: sectorLead, source: null, dueDate: null })
    expect(created.createdAt).toBe(created.updatedAt)
    expect(await ids()).toEqual([...before, created.id])
  })

  it('inserts right after afterId and keeps the rest in order', async () => {
    const before = await ids()
    const created = await callOk(wb, 'proposals.create', { reportId, title: 'Mới', sector: sectorCode, afterId: before[1]! })
    expect(await ids()).toEqual([before[0], before[1], created.id, ...before.slice(2)])
    const orders = (await list()).map((p) => p.sortOrder)
    expect(new Set(orders).size).toBe(orders.length)
  })

  it('keeps given fields, an anchor that matches the text, and stores titles in NFC', async () => {
    const { text } = await callOk(wb, 'reports.get', { id: reportId })
    const source = { start: 10, end: 40, exact: text.slice(10, 40) }
    const created = await callOk(wb, 'proposals.create', {
      reportId,
      title: 'Đường giao thông liên xã'.normalize('NFD'),
      sector: sectorCode,
      status: 'accepted',
      priority: 'high',
      owner: 'UBND huyện',
      dueDate: '2025-06-30',
      detail: 'chi tiết',
      notes: 'ghi chú',
      source,
    })
    expect(created).toMatchObject({ status: 'accepted', priority: 'high', owner: 'UBND huyện', dueDate: '2025-06-30', source })
    const [row] = queryFile<{ title: string }>(wb.dbPath, 'SELECT title FROM proposals WHERE id = ?', created.id)
    expect(row!.title).toBe('Đường giao thông liên xã'.normalize('NFC'))
  })

  it('refuses bad input with bad_request or not_found and writes nothing', async () => {
    const before = snapshot()
    const base = { reportId, title: 'X', sector: sectorCode }
    const { text } = await callOk(wb, 'reports.get', { id: reportId })
    const cases: [unknown, string][] = [
      [{ ...base, sector: 'astronomy' }, 'bad_request'],
      [{ ...base, status: 'maybe' }, 'bad_request'],
      [{ ...base, dueDate: '30/06/2025' }, 'bad_request'],
      [{ ...base, dueDate: '2025-02-30' }, 'bad_request'],
      [{ reportId, sector: sectorCode }, 'bad_request'],
      [{ ...base, source: { start: 0, end: 5, exact: 'khác!' } }, 'bad_request'],
      [{ ...base, source: { start: 0, end: text.length + 5, exact: text } }, 'bad_request'],
      [{ ...base, reportId: 999 }, 'not_found'],
      [{ ...base, afterId: 99_999 }, 'not_found'],
    ]
    for (const [args, code] of cases) expect((await callError(wb, 'proposals.create', args)).code, JSON.stringify(args)).toBe(code)
    expect(snapshot()).toEqual(before)
  })

  it('refuses afterId from another report', async () => {
    const other = await callOk(wb, 'reports.import', { text: 'Báo cáo khác.\n\nĐề nghị hỗ trợ.', title: 'Khác' })
    const foreign = await callOk(wb, 'proposals.create', { reportId: other.id, title: 'Y', sector: sectorCode })
    const before = snapshot()
    const error = await callError(wb, 'proposals.create', { reportId, title: 'X', sector: sectorCode, afterId: foreign.id })
    expect(error.code).toBe('bad_request')
    expect(snapshot()).toEqual(before)
  })
})

describe('proposals.update', () => {
  it('changes the patched fields only and moves updatedAt forward', async () => {
    const [first] = await list()
    const updated = await callOk(wb, 'proposals.update', { id: first!.id, patch: { status: 'done', notes: 'Đã xong' } })
    expect(updated).toEqual({ ...first, status: 'done', notes: 'Đã xong', updatedAt: updated.updatedAt, version: first!.version + 1 })
    expect(updated.updatedAt > first!.updatedAt).toBe(true)
    const again = await callOk(wb, 'proposals.update', { id: first!.id, patch: { dueDate: '2025-01-31', source: null } })
    expect(again.updatedAt > updated.updatedAt).toBe(true)
    expect(again).toMatchObject({ dueDate: '2025-01-31', source: null, status: 'done' })
  })

  it('refuses an unknown sector, a wrong patch and a missing id, writing nothing', async () => {
    const [first] = await list()
    const before = snapshot()
    expect((await callError(wb, 'proposals.update', { id: first!.id, patch: { sector: 'astronomy' } })).code).toBe('bad_request')
    expect((await callError(wb, 'proposals.update', { id: first!.id, patch: { priority: 'urgent' } })).code).toBe('bad_request')
    expect((await callError(wb, 'proposals.update', { id: first!.id })).code).toBe('bad_request')
    expect((await callError(wb, 'proposals.update', { id: 99_999, patch: { title: 'x' } })).code).toBe('not_found')
    expect(snapshot()).toEqual(before)
  })
})

describe('proposals.delete and restore', () => {
  it('hides a deleted proposal and brings it back at its place', async () => {
    const before = await list()
    const victim = before[3]!
    expect(await callOk(wb, 'proposals.delete', { id: victim.id })).toEqual({ id: victim.id })
    expect(await ids()).toEqual(before.filter((p) => p.id !== victim.id).map((p) => p.id))
    expect((await callError(wb, 'proposals.update', { id: victim.id, patch: { title: 'x' } })).code).toBe('not_found')
    expect(await callOk(wb, 'proposals.delete', { id: victim.id })).toEqual({ id: victim.id })

    const restored = await callOk(wb, 'proposals.restore', { id: victim.id })
    expect(restored).toEqual({ ...victim, updatedAt: restored.updatedAt, version: victim.version + 2 })
    expect(await ids()).toEqual(before.map((p) => p.id))
  })

  it('restores into a sensible place after a reorder, without ties', async () => {
    const before = await ids()
    await callOk(wb, 'proposals.delete', { id: before[1]! })
    const live = before.filter((id) => id !== before[1])
    await callOk(wb, 'proposals.reorder', { reportId, orderedIds: [...live].reverse() })
    await callOk(wb, 'proposals.restore', { id: before[1]! })
    const after = await list()
    expect(after.map((p) => p.id).sort()).toEqual([...before].sort())
    expect(new Set(after.map((p) => p.sortOrder)).size).toBe(after.length)
  })

  it('answers not_found for missing ids', async () => {
    expect((await callError(wb, 'proposals.delete', { id: 99_999 })).code).toBe('not_found')
    expect((await callError(wb, 'proposals.restore', { id: 99_999 })).code).toBe('not_found')
  })
})

describe('proposals.reorder', () => {
  it('rewrites the order as 0..n-1', async () => {
    const reversed = (await ids()).reverse()
    const result = await callOk(wb, 'proposals.reorder', { reportId, orderedIds: reversed })
    expect(result.map((p: Proposal) => p.id)).toEqual(reversed)
    expect(result.map((p: Proposal) => p.sortOrder)).toEqual(reversed.map((_, i) => i))
    expect(await ids()).toEqual(reversed)
  })

  it('refuses anything but exactly the live ids, writing nothing', async () => {
    const current = await ids()
    await callOk(wb, 'proposals.delete', { id: current[0]! })
    const live = current.slice(1)
    const before = snapshot()
    const cases: [unknown, string][] = [
      [{ reportId, orderedIds: live.slice(1) }, 'bad_request'],
      [{ reportId, orderedIds: [...live, live[0]] }, 'bad_request'],
      [{ reportId, orderedIds: [live[0], live[0], ...live.slice(2)] }, 'bad_request'],
      [{ reportId, orderedIds: current }, 'bad_request'],
      [{ reportId, orderedIds: [...live.slice(1), 99_999] }, 'bad_request'],
      [{ reportId, orderedIds: [] }, 'bad_request'],
      [{ reportId: 999, orderedIds: live }, 'not_found'],
    ]
    for (const [args, code] of cases) expect((await callError(wb, 'proposals.reorder', args)).code, JSON.stringify(args)).toBe(code)
    expect(snapshot()).toEqual(before)
  })
})

describe('proposals.list', () => {
  it('answers not_found for a missing report', async () => {
    expect((await callError(wb, 'proposals.list', { reportId: 999 })).code).toBe('not_found')
  })
})
