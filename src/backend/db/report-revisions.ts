// Rows of `report_revisions`: every text a report has had, revision 1 being the first import.
import { parseHeadingHints } from '../../core/heading-hints'
import { prepare } from './statements'
import type { Db } from './types'

export interface ReportRevision {
  reportId: number
  revision: number
  text: string
  importedAt: string
  /** The file the text came from; '' when unknown or pasted. */
  fileName?: string
  /** The earlier revision whose text this one made current again; null for a loaded text. */
  restoredFrom?: number | null
  /** Block starts this text's document marked as headings. */
  headingStarts?: number[]
}

interface RevisionRow {
  report_id: number
  revision: number
  text: string
  imported_at: string
  file_name: string
  restored_from: number | null
  heading_starts: string
}

export function insertRevision(db: Db, revision: ReportRevision): void {
  prepare(
    db,
    `INSERT INTO report_revisions (report_id, revision, text, imported_at, file_name, restored_from, heading_starts)
     VALUES (@reportId, @revision, @text, @importedAt, @fileName, @restoredFrom, @headingStarts)`,
  ).run({ ...revision, fileName: revision.fileName ?? '', restoredFrom: revision.restoredFrom ?? null, headingStarts: JSON.stringify(revision.headingStarts ?? []) })
}

export function listRevisions(db: Db, reportId: number): Required<ReportRevision>[] {
  return prepare<RevisionRow>(db, 'SELECT * FROM report_revisions WHERE report_id = ? ORDER BY revision')
    .all(reportId)
    .map(toRevision)
}

function toRevision(r: RevisionRow): Required<ReportRevision> {
  return { reportId: r.report_id, revision: r.revision, text: r.text, importedAt: r.imported_at, fileName: r.file_name, restoredFrom: r.restored_from, headingStarts: parseHeadingHints(r.heading_starts) }
}

export function getRevision(db: Db, reportId: number, revision: number): Required<ReportRevision> | undefined {
  const row = prepare<RevisionRow>(db, 'SELECT * FROM report_revisions WHERE report_id = ? AND revision = ?').get(reportId, revision)
  return row && toRevision(row)
}

/** Removes a revision (an undone one); its kept anchors go with it. */
export function deleteRevision(db: Db, reportId: number, revision: number): void {
  prepare(db, 'DELETE FROM report_revisions WHERE report_id = ? AND revision = ?').run(reportId, revision)
}

/** The number of the newest revision, 0 if the report has none stored. */
export function latestRevisionNumber(db: Db, reportId: number): number {
  return prepare<{ n: number }>(db, 'SELECT coalesce(max(revision), 0) AS n FROM report_revisions WHERE report_id = ?').get(reportId)!.n
}
