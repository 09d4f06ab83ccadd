// Rows of `report_revisions`: every text a report has had, revision 1 being the first import.
import { prepare } from './statements'
import type { Db } from './types'

export interface ReportRevision {
  reportId: number
  revision: number
  text: string
  importedAt: string
  /** The file the text came from; '' when unknown or pasted. */
  fileName?: string
}

interface RevisionRow {
  report_id: number
  revision: number
  text: string
  imported_at: string
  file_name: string
}

export function insertRevision(db: Db, revision: ReportRevision): void {
  prepare(
    db,
    `INSERT INTO report_revisions (report_id, revision, text, imported_at, file_name)
     VALUES (@reportId, @revision, @text, @importedAt, @fileName)`,
  ).run({ ...revision, fileName: revision.fileName ?? '' })
}

export function listRevisions(db: Db, reportId: number): Required<ReportRevision>[] {
  return prepare<RevisionRow>(db, 'SELECT * FROM report_revisions WHERE report_id = ? ORDER BY revision')
    .all(reportId)
    .map((r) => ({ reportId: r.report_id, revision: r.revision, text: r.text, importedAt: r.imported_at, fileName: r.file_name }))
}

/** The number of the newest revision, 0 if the report has none stored. */
export function latestRevisionNumber(db: Db, reportId: number): number {
  return prepare<{ n: number }>(db, 'SELECT coalesce(max(revision), 0) AS n FROM report_revisions WHERE report_id = ?').get(reportId)!.n
}
