// Report use cases: list, read (blocks derived from the stored text) and import
// through the report parser, storing the first revision alongside.
import type { Report, ReportSummary } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import { locateHeadings } from '../../core/heading-hints'
import { parseReport, segmentBlocks, type ParsedReport } from '../../core/report-parse'
import { nfc } from '../../core/text'
import { getStoredReport, insertReport, listReportSummaries } from '../db/reports'
import { insertRevision } from '../db/report-revisions'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { cachedRead } from '../db/read-cache'
import { nowIso } from './clock'

export interface ReportImport {
  text: string
  title?: string
  source?: string
  date?: string
  fileName?: string
}

export function listReports(db: Db): ReportSummary[] {
  return listReportSummaries(db)
}

/** Kept until the database changes (the text and its blocks are read at every start). */
export function getReport(db: Db, id: number): Report {
  return cachedRead(db, `report:${id}`, () => {
    const stored = getStoredReport(db, id)
    if (!stored) throw new WorkbenchError('not_found', `Report ${id} does not exist`)
    const { headingStarts, ...report } = stored
    return { ...report, blocks: segmentBlocks(stored.text, headingStarts).map(({ text: _text, ...span }) => span) }
  })
}

export function importReport(db: Db, input: ReportImport): Report {
  const rawText = nfc(input.text)
  const parsed = parseReport(rawText, {
    title: input.title,
    source: input.source,
    date: input.date,
    fileName: input.fileName,
  })
  const id = inWriteTransaction(db, () => storeParsedReport(db, parsed, rawText))
  return getReport(db, id)
}

/**
 * Stores a parsed report as revision 1; callers run it inside their transaction. `headings` are
 * the paragraphs its document styles as headings, kept as the starts of those lines in the text.
 */
export function storeParsedReport(db: Db, parsed: ParsedReport, rawText: string, headings: readonly string[] = []): number {
  const importedAt = nowIso()
  const text = nfc(parsed.text)
  if (text.trim().length === 0) throw new WorkbenchError('bad_request', 'The report has no text')
  const headingStarts = locateHeadings(text, headings)
  const id = insertReport(db, {
    title: nfc(parsed.title),
    source: nfc(parsed.source),
    date: parsed.date,
    text,
    rawText,
    importedAt,
    headingStarts,
  })
  insertRevision(db, { reportId: id, revision: 1, text, importedAt, headingStarts })
  return id
}
