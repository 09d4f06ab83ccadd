// Rows of `report_revisions`: every text a report has had, revision 1 being the first import.
import { prepare } from './statements'
import type { Db } from './types'

export interface ReportRevision {
  reportId: number
  revision: number
  text: string
  importedAt: string
}

interface RevisionRow {
  report_id: number
  revision: number
  text: string
  imported_at: string
}

export function insertRevision(db: Db, revision: ReportRevision): void {
  prepare(
    db,
    `INSERT INTO report_revisions (report_id, revision, text, imported_at)
     VALUES (@reportId, @revision, @text, @importedAt)`,
  ).run(revision)
}

export function listRevisions(db: Db, reportId: number): ReportRevision[] {
  return prepare<RevisionRow>(db, 'SELECT * FROM report_revisions WHERE report_id = ? ORDER BY revision')
    .all(reportId)
    .map((r) => ({ reportId: r.report_id, revision: r.revision, text: r.text, importedAt: r.imported_at }))
}
