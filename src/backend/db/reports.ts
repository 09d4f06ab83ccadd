// Rows of the `reports` table, mapped to the domain's camelCase shapes.
import type { ReportSummary } from '../../core/domain'
import { parseHeadingHints } from '../../core/heading-hints'
import { prepare } from './statements'
import type { Db } from './types'

interface ReportRow {
  id: number
  title: string
  source: string
  date: string
  text: string
  imported_at: string
  version: number
  heading_starts: string
}

/** A report as stored: its summary and canonical text (blocks are derived on reading). */
export interface StoredReport extends ReportSummary {
  text: string
  /** Block starts the document marked as headings (none for plain text). */
  headingStarts: number[]
}

export interface NewReport {
  title: string
  source: string
  date: string
  text: string
  rawText: string
  importedAt: string
  headingStarts?: readonly number[]
}

const SUMMARY_COLUMNS = 'id, title, source, date, imported_at, version'

function toSummary(row: Omit<ReportRow, 'text' | 'heading_starts'>): ReportSummary {
  return { id: row.id, title: row.title, source: row.source, date: row.date, importedAt: row.imported_at, version: row.version }
}

export function insertReport(db: Db, report: NewReport): number {
  const result = prepare(
    db,
    `INSERT INTO reports (title, source, date, text, raw_text, imported_at, heading_starts)
     VALUES (@title, @source, @date, @text, @rawText, @importedAt, @headingStarts)`,
  ).run({ ...report, headingStarts: JSON.stringify(report.headingStarts ?? []) })
  return Number(result.lastInsertRowid)
}

export function listReportSummaries(db: Db): ReportSummary[] {
  return prepare<Omit<ReportRow, 'text' | 'heading_starts'>>(db, `SELECT ${SUMMARY_COLUMNS} FROM reports WHERE deleted_at IS NULL ORDER BY imported_at DESC, id DESC`)
    .all()
    .map(toSummary)
}

export function getStoredReport(db: Db, id: number): StoredReport | undefined {
  const row = prepare<ReportRow>(db, `SELECT ${SUMMARY_COLUMNS}, text, heading_starts FROM reports WHERE id = ?`).get(id)
  return row && { ...toSummary(row), text: row.text, headingStarts: parseHeadingHints(row.heading_starts) }
}

export function getReportText(db: Db, id: number): string | undefined {
  return prepare<{ text: string }>(db, 'SELECT text FROM reports WHERE id = ?').get(id)?.text
}

export function reportExists(db: Db, id: number): boolean {
  return prepare(db, 'SELECT 1 FROM reports WHERE id = ?').get(id) !== undefined
}

/** A report that exists and is not in the trash. */
export function liveReportExists(db: Db, id: number): boolean {
  return prepare(db, 'SELECT 1 FROM reports WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined
}

export function countReports(db: Db): number {
  return prepare<{ n: number }>(db, 'SELECT count(*) AS n FROM reports').get()!.n
}

/** Replaces a report's text by a revised one, with its heading hints (the search index follows through a trigger). */
export function updateReportText(db: Db, id: number, text: string, rawText: string, headingStarts: readonly number[] = []): void {
  prepare(db, 'UPDATE reports SET text = ?, raw_text = ?, heading_starts = ? WHERE id = ?').run(text, rawText, JSON.stringify(headingStarts), id)
}

/** Changes what the user may edit about a report: its title and date. */
export function updateReportMeta(db: Db, id: number, meta: { title: string; date: string }): void {
  prepare(db, 'UPDATE reports SET title = @title, date = @date WHERE id = @id').run({ ...meta, id })
}

/** Moves a report to the trash (a time) or back out of it (null). */
export function setReportDeletedAt(db: Db, id: number, deletedAt: string | null): void {
  prepare(db, 'UPDATE reports SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
}

export function getReportDeletedAt(db: Db, id: number): string | null | undefined {
  const row = prepare<{ deleted_at: string | null }>(db, 'SELECT deleted_at FROM reports WHERE id = ?').get(id)
  return row === undefined ? undefined : row.deleted_at
}

/** Reports in the trash, most recently deleted first. */
export function listTrashedReports(db: Db): (ReportSummary & { deletedAt: string })[] {
  return prepare<Omit<ReportRow, 'text'> & { deleted_at: string }>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, deleted_at FROM reports WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC`,
  )
    .all()
    .map((row) => ({ ...toSummary(row), deletedAt: row.deleted_at }))
}

/** Deletes trashed reports for good; everything that hangs off them goes by cascade. */
export function deleteTrashedReports(db: Db, ids: readonly number[]): number {
  const remove = prepare(db, 'DELETE FROM reports WHERE id = ? AND deleted_at IS NOT NULL')
  return ids.reduce((n, id) => n + remove.run(id).changes, 0)
}
