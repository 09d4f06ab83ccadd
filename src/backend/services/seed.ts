// Gives a new data directory the bundled sample report, its starter checklist and the sample
// meeting, so the workbench opens on something to review. All or nothing: one transaction.
import { anchorQuote } from '../../core/data-files'
import { WorkbenchError } from '../../core/errors'
import { parseReport } from '../../core/report-parse'
import { nfc } from '../../core/text'
import { insertProposal } from '../db/proposals'
import { countReports, getReportText } from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { loadDefaultSample } from './bundled-data'
import { nowIso } from './clock'
import { storeParsedReport } from './reports'
import { insertSampleMeeting } from './seed-meeting'
import type { SectorCatalog } from './sectors'

/** Seeds the default sample when the database has no report yet; returns the new report's id, or null if nothing was done. */
export function seedIfEmpty(db: Db, sectors: SectorCatalog, bundledDataDir: string): number | null {
  if (countReports(db) > 0) return null
  const sample = loadDefaultSample(bundledDataDir)
  const rawText = nfc(sample.rawText)
  const parsed = parseReport(rawText, {
    title: sample.meta.title,
    source: sample.meta.source,
    date: sample.meta.date,
    fileName: sample.meta.file,
  })

  const known = new Set(sectors.list().map((s) => s.code))
  const stray = sample.checklist.items.find((item) => !known.has(item.sector))
  if (stray) {
    throw new WorkbenchError('internal', `The bundled starter checklist uses an unknown sector "${stray.sector}" ("${stray.title}")`)
  }

  return inWriteTransaction(db, () => {
    // Re-checked inside the transaction: another process may have seeded meanwhile.
    if (countReports(db) > 0) return null
    const reportId = storeParsedReport(db, parsed, rawText)
    const text = getReportText(db, reportId)!
    const createdAt = nowIso()
    sample.checklist.items.forEach((item, index) => {
      const sector = sectors.require(item.sector)
      const source = anchorQuote(text, item.quote)
      if (!source) console.warn(`[seed] quote of starter item ${index + 1} ("${item.title}") not found in the sample text`)
      insertProposal(db, {
        reportId,
        sector: sector.code,
        title: nfc(item.title),
        detail: nfc(item.detail),
        status: item.status,
        owner: item.owner.trim() ? nfc(item.owner) : sector.leadBodyVi,
        dueDate: null,
        priority: item.priority,
        notes: '',
        source,
        sortOrder: index,
        createdAt,
      })
    })
    if (sample.meeting) insertSampleMeeting(db, reportId, sample.meeting)
    return reportId
  })
}
