// Repositories against a real database file: rows go in and come back as the domain's
// camelCase objects, in the documented order.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/backend/db/connection'
import * as proposals from '../../src/backend/db/proposals'
import { insertRevision, listRevisions } from '../../src/backend/db/report-revisions'
import * as reports from '../../src/backend/db/reports'
import { readSettingValues, writeSettingValue } from '../../src/backend/db/settings'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()
let db: Db

beforeEach(() => {
  db = openDatabase(join(tempDir(), 'workbench.sqlite'))
})
afterEach(() => db.close())

function addReport(title: string, importedAt: string): number {
  return reports.insertReport(db, { title, source: 'src', date: '2022-05-26', text: 'Văn bản', rawText: 'raw', importedAt })
}

function addProposal(reportId: number, title: string, sortOrder: number): number {
  return proposals.insertProposal(db, {
    reportId,
    title,
    sortOrder,
    sector: 'agriculture',
    detail: '',
    status: 'proposed',
    owner: 'Sở',
    dueDate: null,
    priority: 'normal',
    notes: '',
    source: null,
    createdAt: '2024-01-01T00:00:00.000Z',
  })
}

describe('reports repository', () => {
  it('stores reports and lists them newest first', () => {
    const older = addReport('Cũ', '2024-01-01T00:00:00.000Z')
    const newer = addReport('Mới', '2024-02-01T00:00:00.000Z')
    expect(reports.listReportSummaries(db).map((r) => r.id)).toEqual([newer, older])
    expect(reports.getStoredReport(db, older)).toEqual({
      id: older,
      title: 'Cũ',
      source: 'src',
      date: '2022-05-26',
      importedAt: '2024-01-01T00:00:00.000Z',
      version: 1,
      text: 'Văn bản',
      headingStarts: [],
    })
    expect(reports.getStoredReport(db, 999)).toBeUndefined()
    expect(reports.countReports(db)).toBe(2)
    expect(reports.reportExists(db, newer)).toBe(true)
    expect(reports.reportExists(db, 999)).toBe(false)
  })

  it('keeps revisions per report in order', () => {
    const id = addReport('R', '2024-01-01T00:00:00.000Z')
    insertRevision(db, { reportId: id, revision: 2, text: 'b', importedAt: 't2' })
    insertRevision(db, { reportId: id, revision: 1, text: 'a', importedAt: 't1' })
    expect(listRevisions(db, id).map((r) => [r.revision, r.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ])
    expect(() => insertRevision(db, { reportId: id, revision: 1, text: 'again', importedAt: 't' })).toThrow(/UNIQUE/)
  })
})

describe('proposals repository', () => {
  it('maps every column and the source anchor', () => {
    const reportId = addReport('R', 't')
    const id = proposals.insertProposal(db, {
      reportId,
      title: 'Làm đường',
      sortOrder: 0,
      sector: 'transport',
      detail: 'chi tiết',
      status: 'accepted',
      owner: 'Sở Giao thông',
      dueDate: '2024-12-31',
      priority: 'high',
      notes: 'ghi chú',
      source: { start: 0, end: 3, exact: 'Văn' },
      createdAt: '2024-01-01T00:00:00.000Z',
    })
    expect(proposals.getStoredProposal(db, id)).toEqual({
      id,
      reportId,
      sector: 'transport',
      title: 'Làm đường',
      detail: 'chi tiết',
      status: 'accepted',
      owner: 'Sở Giao thông',
      dueDate: '2024-12-31',
      priority: 'high',
      notes: 'ghi chú',
      sortOrder: 0,
      source: { start: 0, end: 3, exact: 'Văn' },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      deletedAt: null,
      version: 1,
    })
  })

  it('lists live proposals by sort order then id, and shifts orders to make room', () => {
    const reportId = addReport('R', 't')
    const otherReport = addReport('S', 't')
    const a = addProposal(reportId, 'a', 0)
    const b = addProposal(reportId, 'b', 1)
    const c = addProposal(reportId, 'c', 1)
    const elsewhere = addProposal(otherReport, 'x', 1)
    expect(proposals.listLiveProposals(db, reportId).map((p) => p.id)).toEqual([a, b, c])

    proposals.shiftSortOrdersFrom(db, reportId, 1, c)
    expect(proposals.listLiveProposals(db, reportId).map((p) => [p.id, p.sortOrder])).toEqual([
      [a, 0],
      [c, 1],
      [b, 2],
    ])
    expect(proposals.getStoredProposal(db, elsewhere)?.sortOrder).toBe(1)
    expect(proposals.nextSortOrder(db, reportId)).toBe(3)
    expect(proposals.nextSortOrder(db, 999)).toBe(0)

    proposals.setProposalDeletedAt(db, b, 't-del', 't-del')
    expect(proposals.listLiveProposalIds(db, reportId).sort()).toEqual([a, c].sort())
    expect(proposals.getStoredProposal(db, b)?.deletedAt).toBe('t-del')
    expect(proposals.nextSortOrder(db, reportId)).toBe(3)
  })
})

describe('settings repository', () => {
  it('upserts JSON values by key and refuses text that is not JSON', () => {
    writeSettingValue(db, 'zoom', '1.5', 't1')
    writeSettingValue(db, 'zoom', '1.25', 't2')
    writeSettingValue(db, 'locale', '"en"', 't2')
    expect(Object.fromEntries(readSettingValues(db))).toEqual({ zoom: '1.25', locale: '"en"' })
    expect(() => writeSettingValue(db, 'zoom', 'not json', 't3')).toThrow(/CHECK/)
  })
})
