// Managing reports on a real SQLite file: rename and re-date, the trash (a deleted report leaves
// the list and comes back with its proposals, annotations, meetings and revisions), emptying it.
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { rangeOf, useSampleWorkbench } from './helpers/annotations'
import { queryFile } from './helpers/raw-db'
import { callError, callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

async function everythingOf(id: number) {
  return {
    proposals: await callOk(wb, 'proposals.list', { reportId: id }),
    annotations: await callOk(wb, 'annotations.list', { reportId: id }),
    meetings: await callOk(wb, 'meetings.list', { reportId: id }),
    revisions: await callOk(wb, 'reports.revisions', { reportId: id }),
    text: (await callOk(wb, 'reports.get', { id })).text,
  }
}

describe('reports.update', () => {
  it('renames a report and changes its date, NFC and trimmed, and the list shows it', async () => {
    const title = '  Báo cáo   huyện Kỳ Sơn (bản làm việc) '.normalize('NFD')
    const updated = await callOk(wb, 'reports.update', { id: reportId, patch: { title, date: '2022-06-01' } })
    expect(updated).toMatchObject({ id: reportId, title: 'Báo cáo huyện Kỳ Sơn (bản làm việc)', date: '2022-06-01' })
    expect((await callOk(wb, 'reports.list', {}))[0]).toMatchObject({ title: 'Báo cáo huyện Kỳ Sơn (bản làm việc)', date: '2022-06-01' })
    expect(queryFile(wb.dbPath, 'SELECT title FROM reports WHERE id = ?', reportId)).toEqual([{ title: 'Báo cáo huyện Kỳ Sơn (bản làm việc)' }])
    // Only the date: the title stays; an empty date is allowed (unknown).
    expect(await callOk(wb, 'reports.update', { id: reportId, patch: { date: '' } })).toMatchObject({ title: 'Báo cáo huyện Kỳ Sơn (bản làm việc)', date: '' })
  })

  it('refuses an empty title, a malformed date and an unknown report, changing nothing', async () => {
    const before = await callOk(wb, 'reports.list', {})
    expect((await callError(wb, 'reports.update', { id: reportId, patch: { title: '   ' } })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.update', { id: reportId, patch: { date: '26/05/2022' } })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.update', { id: reportId, patch: { date: '2022-13-01' } })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.update', { id: 999, patch: { title: 'x' } })).code).toBe('not_found')
    expect(await callOk(wb, 'reports.list', {})).toEqual(before)
  })
})

describe('the trash', () => {
  it('takes a deleted report out of the list, search and settings, and restores it with everything it had', async () => {
    await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'kinh doanh xăng dầu'), body: 'Theo dõi' })
    await callOk(wb, 'settings.update', { currentReportId: reportId })
    const before = await everythingOf(reportId)
    expect(before.proposals.length).toBeGreaterThan(0)
    expect(before.meetings.length).toBeGreaterThan(0)

    const { deletedAt } = await callOk(wb, 'reports.delete', { id: reportId })
    expect(await callOk(wb, 'reports.list', {})).toEqual([])
    expect(await callOk(wb, 'reports.trash', {})).toEqual([expect.objectContaining({ id: reportId, deletedAt })])
    expect((await callOk(wb, 'settings.get', {})).currentReportId).toBeNull()
    expect(await callOk(wb, 'search.query', { q: 'xang dau' })).toEqual([])
    expect((await callError(wb, 'reports.delete', { id: reportId })).code).toBe('conflict')

    const restored = await callOk(wb, 'reports.restore', { id: reportId })
    expect(restored.id).toBe(reportId)
    expect((await callOk(wb, 'reports.list', {})).map((r) => r.id)).toEqual([reportId])
    expect(await callOk(wb, 'reports.trash', {})).toEqual([])
    expect(await everythingOf(reportId)).toEqual(before)
    expect((await callOk(wb, 'search.query', { q: 'xang dau' })).length).toBeGreaterThan(0)
    expect((await callError(wb, 'reports.restore', { id: reportId })).code).toBe('conflict')
  })

  it('empties the trash for good (all, or the reports named), leaving live reports alone', async () => {
    const a = await callOk(wb, 'reports.import', { title: 'Báo cáo huyện A', text: 'Đoạn một của huyện A.\n\nĐoạn hai.' })
    const b = await callOk(wb, 'reports.import', { title: 'Báo cáo huyện B', text: 'Đoạn một của huyện B.' })
    await callOk(wb, 'reports.delete', { id: a.id })
    await callOk(wb, 'reports.delete', { id: b.id })
    expect(await callOk(wb, 'reports.emptyTrash', { ids: [a.id, reportId] })).toEqual({ deleted: 1 })
    expect((await callOk(wb, 'reports.trash', {})).map((r) => r.id)).toEqual([b.id])
    expect((await callError(wb, 'reports.get', { id: a.id })).code).toBe('not_found')
    expect(await callOk(wb, 'reports.emptyTrash', {})).toEqual({ deleted: 1 })
    expect(await callOk(wb, 'reports.trash', {})).toEqual([])
    expect(queryFile(wb.dbPath, 'SELECT count(*) AS n FROM report_revisions WHERE report_id IN (?, ?)', a.id, b.id)).toEqual([{ n: 0 }])
    expect(queryFile(wb.dbPath, 'SELECT count(*) AS n FROM report_text_search WHERE report_id IN (?, ?)', a.id, b.id)).toEqual([{ n: 0 }])
    expect((await callOk(wb, 'reports.list', {})).map((r) => r.id)).toEqual([reportId])
  })
})
