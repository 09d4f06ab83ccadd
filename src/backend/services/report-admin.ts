// Managing reports: rename and re-date, the trash (soft delete, restore) and emptying it for good.
import type { ReportSummary } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import type { TrashedReport } from '../../core/methods/report-admin'
import { nfc } from '../../core/text'
import {
  deleteTrashedReports,
  getReportDeletedAt,
  getStoredReport,
  listTrashedReports,
  setReportDeletedAt,
  updateReportMeta,
} from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'
import { requireVersion } from './versions'

function summaryOf(db: Db, id: number): ReportSummary {
  const { text: _text, headingStarts: _hints, ...summary } = getStoredReport(db, id)!
  return summary
}

function requireState(db: Db, id: number, inTrash: boolean): void {
  const deletedAt = getReportDeletedAt(db, id)
  if (deletedAt === undefined) throw new WorkbenchError('not_found', `Report ${id} does not exist`)
  if (inTrash && deletedAt === null) throw new WorkbenchError('conflict', `Report ${id} is not in the trash`)
  if (!inTrash && deletedAt !== null) throw new WorkbenchError('conflict', `Report ${id} is in the trash`)
}

export function updateReport(db: Db, id: number, patch: { title?: string; date?: string }, expectedVersion?: number): ReportSummary {
  return inWriteTransaction(db, () => {
    requireState(db, id, false)
    const current = summaryOf(db, id)
    requireVersion(`Report ${id}`, current, expectedVersion, () => current)
    const title = patch.title !== undefined ? nfc(patch.title).trim().replace(/\s+/g, ' ') : current.title
    updateReportMeta(db, id, { title, date: patch.date ?? current.date })
    return summaryOf(db, id)
  })
}

export function trashReport(db: Db, id: number): { id: number; deletedAt: string } {
  return inWriteTransaction(db, () => {
    requireState(db, id, false)
    const deletedAt = nowIso()
    setReportDeletedAt(db, id, deletedAt)
    return { id, deletedAt }
  })
}

export function restoreReport(db: Db, id: number): ReportSummary {
  return inWriteTransaction(db, () => {
    requireState(db, id, true)
    setReportDeletedAt(db, id, null)
    return summaryOf(db, id)
  })
}

export function listTrash(db: Db): TrashedReport[] {
  return listTrashedReports(db)
}

export function emptyTrash(db: Db, ids?: readonly number[]): { deleted: number } {
  return inWriteTransaction(db, () => {
    const inTrash = listTrashedReports(db).map((r) => r.id)
    const chosen = ids ? ids.filter((id) => inTrash.includes(id)) : inTrash
    return { deleted: deleteTrashedReports(db, chosen) }
  })
}
