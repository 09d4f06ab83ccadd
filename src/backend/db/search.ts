// Queries over the three full-text tables. Each takes an FTS5 expression built by
// core/search-text (never raw user input) and returns the first `limit` matches in rowid order,
// which FTS5 streams and stops early; ranking every match by bm25 cost 50–250 ms at 100,000 rows.
import { REPORT_ROWID_STRIDE } from './migrations/0020-annotations'
import { prepare } from './statements'
import type { Db } from './types'

export interface ReportBlockHit {
  reportId: number
  reportTitle: string
  blockStart: number
  text: string
}

export interface AnnotationHit {
  id: string
  reportId: number
  placed: boolean
  start: number
  end: number
  body: string
  quote: string
}

export interface ProposalHit {
  id: number
  reportId: number
  title: string
  detail: string
  notes: string
  sourceStart: number | null
  sourceEnd: number | null
}

/** Paragraphs in reading order (reports by id, then block by block). */
export function searchReportBlocks(db: Db, expression: string, reportId: number | null, limit: number): ReportBlockHit[] {
  const [low, high] = reportId === null ? [0, Number.MAX_SAFE_INTEGER] : [reportId * REPORT_ROWID_STRIDE, (reportId + 1) * REPORT_ROWID_STRIDE - 1]
  return prepare<{ report_id: number; title: string; block_start: number; original: string }>(
    db,
    `SELECT s.report_id, r.title, s.block_start, s.original
     FROM (SELECT rowid, report_id, block_start, original FROM report_text_search
           WHERE report_text_search MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?) AS s
     JOIN reports AS r ON r.id = s.report_id
     WHERE r.deleted_at IS NULL
     ORDER BY s.rowid`,
  )
    .all(expression, low, high, limit)
    .map((r) => ({ reportId: r.report_id, reportTitle: r.title, blockStart: r.block_start, text: r.original }))
}

/** Annotations, newest first. */
export function searchAnnotations(db: Db, expression: string, reportId: number | null, limit: number): AnnotationHit[] {
  return prepare<{
    id: string
    report_id: number
    status: string
    position_start: number
    position_end: number
    body: string
    exact: string
    }>(
    db,
    `SELECT a.id, a.report_id, a.status, a.position_start, a.position_end, a.body, a.exact
     FROM annotation_search AS s JOIN annotations AS a ON a.seq = s.rowid
     WHERE annotation_search MATCH ? AND (? IS NULL OR a.report_id = ?)
       AND a.report_id NOT IN (SELECT id FROM reports WHERE deleted_at IS NOT NULL)
     ORDER BY s.rowid DESC LIMIT ?`,
  )
    .all(expression, reportId, reportId, limit)
    .map((r) => ({
      id: r.id,
      reportId: r.report_id,
      placed: r.status === 'placed',
      start: r.position_start,
      end: r.position_end,
      body: r.body,
      quote: r.exact,
    }))
}

/** Proposals, oldest first (as they were added to the checklist). */
export function searchProposals(db: Db, expression: string, reportId: number | null, limit: number): ProposalHit[] {
  return prepare<{
    id: number
    report_id: number
    title: string
    detail: string
    notes: string
    source_start: number | null
    source_end: number | null
    }>(
    db,
    `SELECT p.id, p.report_id, p.title, p.detail, p.notes, p.source_start, p.source_end
     FROM proposal_search AS s JOIN proposals AS p ON p.id = s.rowid
     WHERE proposal_search MATCH ? AND (? IS NULL OR p.report_id = ?)
       AND p.report_id NOT IN (SELECT id FROM reports WHERE deleted_at IS NOT NULL)
     ORDER BY s.rowid LIMIT ?`,
  )
    .all(expression, reportId, reportId, limit)
    .map((r) => ({
      id: r.id,
      reportId: r.report_id,
      title: r.title,
      detail: r.detail,
      notes: r.notes,
      sourceStart: r.source_start,
      sourceEnd: r.source_end,
    }))
}

/** Tags of the given annotations, in their order, for snippets. */
export function tagsOfAnnotations(db: Db, ids: readonly string[]): Map<string, string[]> {
  const tags = new Map<string, string[]>()
  const select = prepare<{ tag: string }>(db, 'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY position')
  for (const id of ids) tags.set(id, select.all(id).map((r) => r.tag))
  return tags
}
