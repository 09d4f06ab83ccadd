// Rows of the `reports` table, mapped to the domain's camelCase shapes.
import type { ReportSummary } from '../../core/domain'
import { prepare } from './statements'
import type { Db } from './types'

interface ReportRow {
  id: number
  title: string
  source: string
  date: string
  text: string
  imported_at: string
}

/** A report as stored: its summary and canonical text (blocks are derived on reading). */
export interface StoredReport extends ReportSummary {
  text: string
}

export interface NewReport {
  title: string
  source: string
  date: string
  text: string
  rawText: string
  importedAt: string
}

const SUMMARY_COLUMNS = 'id, title, source, date, imported_at'

function toSummary(row: Omit<ReportRow, 'text'>): ReportSummary {
  return { id: row.id, title: row.title, source: row.source, date: row.date, importedAt: row.imported_at }
}

export function insertReport(db: Db, report: NewReport): number {
  const result = prepare(
    db,
    `INSERT INTO reports (title, source, date, text, raw_text, imported_at)
     VALUES (@title, @source, @date, @text, @rawText, @importedAt)`,
  ).run(report)
  return Number(result.lastInsertRowid)
}

export function listReportSummaries(db: Db): ReportSummary[] {
  return prepare<Omit<ReportRow, 'text'>>(db, `SELECT ${SUMMARY_COLUMNS} FROM reports ORDER BY imported_at DESC, id DESC`)
    .all()
    .map(toSummary)
}

export function getStoredReport(db: Db, id: number): StoredReport | undefined {
  const row = prepare<ReportRow>(db, `SELECT ${SUMMARY_COLUMNS}, text FROM reports WHERE id = ?`).get(id)
  return row && { ...toSummary(row), text: row.text }
}

export function getReportText(db: Db, id: number): string | undefined {
  return prepare<{ text: string }>(db, 'SELECT text FROM reports WHERE id = ?').get(id)?.text
}

export function reportExists(db: Db, id: number): boolean {
  return prepare(db, 'SELECT 1 FROM reports WHERE id = ?').get(id) !== undefined
}

export function countReports(db: Db): number {
  return prepare<{ n: number }>(db, 'SELECT count(*) AS n FROM reports').get()!.n
}

/** Replaces a report's text by a revised one (the search index follows through a trigger). */
export function updateReportText(db: Db, id: number, text: string, rawText: string): void {
  prepare(db, 'UPDATE reports SET text = ?, raw_text = ? WHERE id = ?').run(text, rawText, id)
}
