// Anchors written back in bulk after a revision: only the annotations whose anchor changed, with
// one reused statement each for a move (quote unchanged, so the search index is left alone) and a
// rewrite (new quote, so the schema's trigger re-indexes that annotation). The version is moved on
// in the same statement, which spares the version trigger a second write of every row.
import type { AnchorFields } from './annotations'
import { prepare } from './statements'
import type { Db } from './types'

export interface AnchorWrite {
  id: string
  anchor: AnchorFields
  /** The anchor before, to tell a move from a rewrite. */
  before: AnchorFields
}

export function sameAnchor(a: AnchorFields, b: AnchorFields): boolean {
  return (
    a.status === b.status &&
    a.positionStart === b.positionStart &&
    a.positionEnd === b.positionEnd &&
    a.exact === b.exact &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix
  )
}

/** Writes each anchor (callers pass only changed ones); updated_at stays, following a text is not an edit. */
export function writeAnchors(db: Db, writes: readonly AnchorWrite[]): void {
  if (writes.length === 0) return
  const move = prepare(
    db,
    `UPDATE annotations SET status = ?, position_start = ?, position_end = ?, prefix = ?, suffix = ?, version = version + 1
     WHERE id = ?`,
  )
  const rewrite = prepare(
    db,
    `UPDATE annotations SET status = ?, position_start = ?, position_end = ?, exact = ?, prefix = ?, suffix = ?, version = version + 1
     WHERE id = ?`,
  )
  for (const { id, anchor: a, before } of writes) {
    if (a.exact === before.exact) move.run(a.status, a.positionStart, a.positionEnd, a.prefix, a.suffix, id)
    else rewrite.run(a.status, a.positionStart, a.positionEnd, a.exact, a.prefix, a.suffix, id)
  }
}

/** Annotations of a report that have a review row (open or resolved). */
export function annotationsWithReview(db: Db, reportId: number): Set<string> {
  return new Set(
    prepare<{ annotation_id: string }>(
      db,
      'SELECT r.annotation_id FROM annotation_reviews AS r JOIN annotations AS a ON a.id = r.annotation_id WHERE a.report_id = ?',
    )
      .all(reportId)
      .map((r) => r.annotation_id),
  )
}

export function deleteReviews(db: Db, annotationIds: Iterable<string>): void {
  const remove = prepare(db, 'DELETE FROM annotation_reviews WHERE annotation_id = ?')
  for (const id of annotationIds) remove.run(id)
}

/** Forgets the reviews of a report already resolved. */
export function deleteResolvedReviews(db: Db, reportId: number): void {
  prepare(
    db,
    `DELETE FROM annotation_reviews WHERE resolved_at IS NOT NULL
       AND annotation_id IN (SELECT id FROM annotations WHERE report_id = ?)`,
  ).run(reportId)
}

/** Live annotations of a report: placed, unplaced, and unplaced with an open review. */
export function countAnchorOutcomes(db: Db, reportId: number): { placed: number; unplaced: number; review: number } {
  const row = prepare<{ live: number; placed: number; review: number }>(
    db,
    `SELECT count(*) AS live, total(a.status = 'placed') AS placed,
            total(a.status = 'unplaced' AND r.annotation_id IS NOT NULL AND r.resolved_at IS NULL) AS review
     FROM annotations AS a LEFT JOIN annotation_reviews AS r ON r.annotation_id = a.id
     WHERE a.report_id = ? AND a.deleted_at IS NULL`,
  ).get(reportId)!
  return { placed: row.placed, unplaced: row.live - row.placed, review: row.review }
}
