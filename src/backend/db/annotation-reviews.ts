// Rows of `annotation_reviews`: annotations a revision changed too much to keep in place, with the
// text they had and where the rest of it now stands, until a person confirms, re-attaches or deletes.
import type { AnchorFields } from './annotations'
import { prepare } from './statements'
import type { Db } from './types'

interface ReviewRow {
  annotation_id: string
  old_start: number
  old_end: number
  old_exact: string
  old_prefix: string
  old_suffix: string
  new_start: number
  new_end: number
  new_exact: string
  created_at: string
  resolved_at: string | null
}

export interface StoredReview {
  annotationId: string
  /** The annotation's anchor before the revision. */
  old: Omit<AnchorFields, 'status'>
  newStart: number
  newEnd: number
  newExact: string
  resolvedAt: string | null
}

function toReview(r: ReviewRow): StoredReview {
  return {
    annotationId: r.annotation_id,
    old: { positionStart: r.old_start, positionEnd: r.old_end, exact: r.old_exact, prefix: r.old_prefix, suffix: r.old_suffix },
    newStart: r.new_start,
    newEnd: r.new_end,
    newExact: r.new_exact,
    resolvedAt: r.resolved_at,
  }
}

/** Opens (or reopens, with a new place) the review of an annotation. */
export function putReview(db: Db, review: Omit<StoredReview, 'resolvedAt'>, createdAt: string): void {
  prepare(
    db,
    `INSERT INTO annotation_reviews (annotation_id, old_start, old_end, old_exact, old_prefix, old_suffix, new_start, new_end, new_exact, created_at, resolved_at)
     VALUES (@id, @oldStart, @oldEnd, @oldExact, @oldPrefix, @oldSuffix, @newStart, @newEnd, @newExact, @createdAt, NULL)
     ON CONFLICT (annotation_id) DO UPDATE SET old_start = excluded.old_start, old_end = excluded.old_end, old_exact = excluded.old_exact,
       old_prefix = excluded.old_prefix, old_suffix = excluded.old_suffix, new_start = excluded.new_start, new_end = excluded.new_end,
       new_exact = excluded.new_exact, created_at = excluded.created_at, resolved_at = NULL`,
  ).run({
    id: review.annotationId,
    oldStart: review.old.positionStart,
    oldEnd: review.old.positionEnd,
    oldExact: review.old.exact,
    oldPrefix: review.old.prefix,
    oldSuffix: review.old.suffix,
    newStart: review.newStart,
    newEnd: review.newEnd,
    newExact: review.newExact,
    createdAt,
  })
}

export function getReview(db: Db, annotationId: string): StoredReview | undefined {
  const row = prepare<ReviewRow>(db, 'SELECT * FROM annotation_reviews WHERE annotation_id = ?').get(annotationId)
  return row ? toReview(row) : undefined
}

/** A report's reviews (open and resolved), by annotation id. */
export function listReviews(db: Db, reportId: number): Map<string, StoredReview> {
  const rows = prepare<ReviewRow>(
    db,
    `SELECT r.* FROM annotation_reviews AS r JOIN annotations AS a ON a.id = r.annotation_id WHERE a.report_id = ?`,
  ).all(reportId)
  return new Map(rows.map((r) => [r.annotation_id, toReview(r)]))
}

export function setResolved(db: Db, annotationId: string, resolvedAt: string | null): void {
  prepare(db, 'UPDATE annotation_reviews SET resolved_at = ? WHERE annotation_id = ?').run(resolvedAt, annotationId)
}

export function deleteReview(db: Db, annotationId: string): void {
  prepare(db, 'DELETE FROM annotation_reviews WHERE annotation_id = ?').run(annotationId)
}
