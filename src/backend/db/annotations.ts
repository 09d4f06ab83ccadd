// Rows of `annotations` with their tags and proposal links, mapped to the domain's Annotation.
// Deleted rows stay (deleted_at) so a delete can be undone; links to deleted proposals stay too
// but are left out of proposalIds until the proposal is restored.
import type { Annotation, AnnotationColour, AnnotationKind, AnnotationStatus } from '../../core/annotation-domain'
import { prepare } from './statements'
import type { Db } from './types'

interface AnnotationRow {
  seq: number
  id: string
  report_id: number
  kind: AnnotationKind
  colour: AnnotationColour
  body: string
  author: string
  include_in_minutes: number
  status: AnnotationStatus
  position_start: number
  position_end: number
  exact: string
  prefix: string
  suffix: string
  created_at: string
  updated_at: string
  deleted_at: string | null
  version: number
}

/** An annotation as stored: with its last known position (kept while unplaced) and deletion mark. */
export interface StoredAnnotation extends Annotation {
  positionStart: number
  positionEnd: number
  deletedAt: string | null
}

/** The anchor columns: TextQuoteSelector, TextPositionSelector and whether it is placed. */
export interface AnchorFields {
  status: AnnotationStatus
  positionStart: number
  positionEnd: number
  exact: string
  prefix: string
  suffix: string
}

export interface EditableFields {
  kind: AnnotationKind
  colour: AnnotationColour
  body: string
  includeInMinutes: boolean
}

export interface NewAnnotation extends EditableFields, AnchorFields {
  id: string
  reportId: number
  author: string
  createdAt: string
  updatedAt: string
}

const ORDER = `ORDER BY status = 'unplaced', CASE status WHEN 'placed' THEN position_start END,
  CASE status WHEN 'placed' THEN position_end END, created_at, id`

function toStored(row: AnnotationRow, tags: string[], proposalIds: number[]): StoredAnnotation {
  const placed = row.status === 'placed'
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind,
    colour: row.colour,
    body: row.body,
    tags,
    author: row.author,
    includeInMinutes: row.include_in_minutes === 1,
    proposalIds,
    start: placed ? row.position_start : null,
    end: placed ? row.position_end : null,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    positionStart: row.position_start,
    positionEnd: row.position_end,
    deletedAt: row.deleted_at,
    version: row.version,
  }
}

/** The public shape: storage details left out. */
export function toAnnotation({ positionStart: _s, positionEnd: _e, deletedAt: _d, ...annotation }: StoredAnnotation): Annotation {
  return annotation
}

export function insertAnnotation(db: Db, a: NewAnnotation): void {
  prepare(
    db,
    `INSERT INTO annotations (id, report_id, kind, colour, body, author, include_in_minutes, status,
                              position_start, position_end, exact, prefix, suffix, created_at, updated_at)
     VALUES (@id, @reportId, @kind, @colour, @body, @author, @includeInMinutes, @status,
             @positionStart, @positionEnd, @exact, @prefix, @suffix, @createdAt, @updatedAt)`,
  ).run({ ...a, includeInMinutes: a.includeInMinutes ? 1 : 0 })
}

/** Any annotation, deleted or not. */
export function getStoredAnnotation(db: Db, id: string): StoredAnnotation | undefined {
  const row = prepare<AnnotationRow>(db, 'SELECT * FROM annotations WHERE id = ?').get(id)
  if (!row) return undefined
  const tags = prepare<{ tag: string }>(db, 'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY position')
    .all(id)
    .map((r) => r.tag)
  const links = prepare<{ proposal_id: number }>(
    db,
    `SELECT l.proposal_id FROM annotation_proposals AS l JOIN proposals AS p ON p.id = l.proposal_id
     WHERE l.annotation_id = ? AND p.deleted_at IS NULL ORDER BY l.proposal_id`,
  )
    .all(id)
    .map((r) => r.proposal_id)
  return toStored(row, tags, links)
}

/** A report's annotations: placed ones in document order, then unplaced ones by creation. */
export function listStoredAnnotations(db: Db, reportId: number, includeDeleted = false): StoredAnnotation[] {
  const rows = prepare<AnnotationRow>(
    db,
    includeDeleted
      ? `SELECT * FROM annotations WHERE report_id = ? ${ORDER}`
      : `SELECT * FROM annotations WHERE report_id = ? AND deleted_at IS NULL ${ORDER}`,
  ).all(reportId)
  const tags = groupBy(
    prepare<{ annotation_id: string; tag: string }>(
      db,
      `SELECT t.annotation_id, t.tag FROM annotation_tags AS t JOIN annotations AS a ON a.id = t.annotation_id
       WHERE a.report_id = ? ORDER BY t.annotation_id, t.position`,
    ).all(reportId),
    (r) => r.tag,
  )
  const links = groupBy(
    prepare<{ annotation_id: string; proposal_id: number }>(
      db,
      `SELECT l.annotation_id, l.proposal_id FROM annotation_proposals AS l
       JOIN annotations AS a ON a.id = l.annotation_id JOIN proposals AS p ON p.id = l.proposal_id
       WHERE a.report_id = ? AND p.deleted_at IS NULL ORDER BY l.annotation_id, l.proposal_id`,
    ).all(reportId),
    (r) => r.proposal_id,
  )
  return rows.map((row) => toStored(row, tags.get(row.id) ?? [], links.get(row.id) ?? []))
}

function groupBy<R extends { annotation_id: string }, V>(rows: R[], value: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>()
  for (const row of rows) {
    const list = groups.get(row.annotation_id)
    if (list) list.push(value(row))
    else groups.set(row.annotation_id, [value(row)])
  }
  return groups
}

export function updateEditableFields(db: Db, id: string, fields: EditableFields, updatedAt: string): void {
  prepare(
    db,
    `UPDATE annotations SET kind = @kind, colour = @colour, body = @body, include_in_minutes = @includeInMinutes,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...fields, includeInMinutes: fields.includeInMinutes ? 1 : 0, updatedAt, id })
}

/**
 * Moves an anchor whose quoted text is unchanged (a revision shifted it): `exact` is left alone,
 * so the search index, which follows `exact`, is not rewritten for every annotation.
 */
export function moveAnchor(db: Db, id: string, anchor: Omit<AnchorFields, 'exact'>): void {
  prepare(
    db,
    `UPDATE annotations SET status = @status, position_start = @positionStart, position_end = @positionEnd,
       prefix = @prefix, suffix = @suffix WHERE id = @id`,
  ).run({ status: anchor.status, positionStart: anchor.positionStart, positionEnd: anchor.positionEnd, prefix: anchor.prefix, suffix: anchor.suffix, id })
}

/** Writes the anchor; a re-anchoring after a revision passes no updatedAt (it is not an edit). */
export function updateAnchor(db: Db, id: string, anchor: AnchorFields, updatedAt: string | null = null): void {
  prepare(
    db,
    `UPDATE annotations SET status = @status, position_start = @positionStart, position_end = @positionEnd,
       exact = @exact, prefix = @prefix, suffix = @suffix, updated_at = coalesce(@updatedAt, updated_at)
     WHERE id = @id`,
  ).run({
    status: anchor.status,
    positionStart: anchor.positionStart,
    positionEnd: anchor.positionEnd,
    exact: anchor.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    updatedAt,
    id,
  })
}

export function touchAnnotation(db: Db, id: string, updatedAt: string): void {
  prepare(db, 'UPDATE annotations SET updated_at = ? WHERE id = ?').run(updatedAt, id)
}

export function setAnnotationDeletedAt(db: Db, id: string, deletedAt: string | null, updatedAt: string): void {
  prepare(db, 'UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, updatedAt, id)
}

export function replaceTags(db: Db, id: string, tags: readonly string[]): void {
  prepare(db, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(id)
  const insert = prepare(db, 'INSERT INTO annotation_tags (annotation_id, position, tag) VALUES (?, ?, ?)')
  tags.forEach((tag, position) => insert.run(id, position, tag))
}

/** Adds a link; false when it was already there. */
export function insertLink(db: Db, id: string, proposalId: number): boolean {
  return prepare(db, 'INSERT OR IGNORE INTO annotation_proposals (annotation_id, proposal_id) VALUES (?, ?)').run(id, proposalId).changes > 0
}

/** Removes a link; false when there was none. */
export function deleteLink(db: Db, id: string, proposalId: number): boolean {
  return prepare(db, 'DELETE FROM annotation_proposals WHERE annotation_id = ? AND proposal_id = ?').run(id, proposalId).changes > 0
}

/** Every stored link of an annotation, to deleted proposals too. */
export function listLinkedProposalIds(db: Db, id: string): number[] {
  return prepare<{ proposal_id: number }>(db, 'SELECT proposal_id FROM annotation_proposals WHERE annotation_id = ? ORDER BY proposal_id')
    .all(id)
    .map((r) => r.proposal_id)
}
