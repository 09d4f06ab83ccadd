// Reads kept until the database changes: the report and its annotation list come back from the
// cache while nothing was written, and fresh after a write here or a commit by another process.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { rangeOf, useSampleWorkbench } from './helpers/annotations'
import { callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

describe('kept reads', () => {
  it('answers repeated reads from the cache while nothing changes', async () => {
    const first = await callOk(wb, 'annotations.list', { reportId })
    expect(await callOk(wb, 'annotations.list', { reportId })).toBe(first)
    const report = await callOk(wb, 'reports.get', { id: reportId })
    expect(await callOk(wb, 'reports.get', { id: reportId })).toBe(report)
  })

  it('reads again after a write through the workbench', async () => {
    const before = await callOk(wb, 'annotations.list', { reportId })
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'Kỳ Sơn') })
    const after = await callOk(wb, 'annotations.list', { reportId })
    expect(after).not.toBe(before)
    expect(after.map((a) => a.id)).toContain(created.id)
    await callOk(wb, 'annotations.update', { id: created.id, patch: { colour: 'green' } })
    expect((await callOk(wb, 'annotations.list', { reportId })).find((a) => a.id === created.id)?.colour).toBe('green')
  })

  it('reads again after another connection commits a change', async () => {
    const created = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'Kỳ Sơn') })
    expect((await callOk(wb, 'annotations.list', { reportId })).find((a) => a.id === created.id)?.colour).toBe('yellow')
    const other = new Database(wb.dbPath)
    try {
      // (not a text column: those are kept in the search index through the app's own function)
      other.prepare('UPDATE annotations SET colour = ? WHERE id = ?').run('purple', created.id)
    } finally {
      other.close()
    }
    expect((await callOk(wb, 'annotations.list', { reportId })).find((a) => a.id === created.id)?.colour).toBe('purple')
  })

  it('warms up the report the app opens with', async () => {
    const settings = await callOk(wb, 'settings.get', {})
    wb.warmUp()
    const id = settings.currentReportId ?? reportId
    const warmed = await callOk(wb, 'annotations.list', { reportId: id })
    expect(await callOk(wb, 'annotations.list', { reportId: id })).toBe(warmed)
  })
})
