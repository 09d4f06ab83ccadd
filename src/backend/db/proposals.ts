// Rows of `proposals`, mapped to the domain's Proposal. Deleted rows stay (deleted_at)
// so a delete can be undone; the checklist order is (sort_order, id).
import type { Priority, Proposal, ProposalStatus, SourceAnchor } from '../../core/domain'
import { prepare } from './statements'
import type { Db } from './types'

interface ProposalRow {
  id: number
  report_id: number
  sector: string
  title: string
  detail: string
  status: ProposalStatus
  owner: string
  due_date: string | null
  priority: Priority
  notes: string
  sort_order: number
  source_start: number | null
  source_end: number | null
  source_exact: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
  version: number
}

/** A proposal as stored, including whether it is deleted. */
export interface StoredProposal extends Proposal {
  deletedAt: string | null
}

/** The fields a user edits; written back whole by updateProposalFields. */
export type ProposalFields = Pick<
  Proposal,
  'sector' | 'title' | 'detail' | 'status' | 'owner' | 'dueDate' | 'priority' | 'notes' | 'source'
>

export interface NewProposal extends ProposalFields {
  reportId: number
  sortOrder: number
  createdAt: string
}

function toProposal(row: ProposalRow): StoredProposal {
  const source: SourceAnchor | null =
    row.source_start === null || row.source_end === null || row.source_exact === null
      ? null
      : { start: row.source_start, end: row.source_end, exact: row.source_exact }
  return {
    id: row.id,
    reportId: row.report_id,
    sector: row.sector,
    title: row.title,
    detail: row.detail,
    status: row.status,
    owner: row.owner,
    dueDate: row.due_date,
    priority: row.priority,
    notes: row.notes,
    sortOrder: row.sort_order,
    source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: row.version,
  }
}

/** The public shape: the deletion mark is storage detail. */
export function withoutDeletion({ deletedAt: _deletedAt, ...proposal }: StoredProposal): Proposal {
  return proposal
}

function fieldParams(fields: ProposalFields) {
  return {
    sector: fields.sector,
    title: fields.title,
    detail: fields.detail,
    status: fields.status,
    owner: fields.owner,
    dueDate: fields.dueDate,
    priority: fields.priority,
    notes: fields.notes,
    sourceStart: fields.source?.start ?? null,
    sourceEnd: fields.source?.end ?? null,
    sourceExact: fields.source?.exact ?? null,
  }
}

export function insertProposal(db: Db, proposal: NewProposal): number {
  const result = prepare(
    db,
    `INSERT INTO proposals (report_id, sector, title, detail, status, owner, due_date, priority, notes,
                            sort_order, source_start, source_end, source_exact, created_at, updated_at)
     VALUES (@reportId, @sector, @title, @detail, @status, @owner, @dueDate, @priority, @notes,
             @sortOrder, @sourceStart, @sourceEnd, @sourceExact, @createdAt, @createdAt)`,
  ).run({ ...fieldParams(proposal), reportId: proposal.reportId, sortOrder: proposal.sortOrder, createdAt: proposal.createdAt })
  return Number(result.lastInsertRowid)
}

/** Any proposal, deleted or not. */
export function getStoredProposal(db: Db, id: number): StoredProposal | undefined {
  const row = prepare<ProposalRow>(db, 'SELECT * FROM proposals WHERE id = ?').get(id)
  return row && toProposal(row)
}

export function listLiveProposals(db: Db, reportId: number): Proposal[] {
  return prepare<ProposalRow>(
    db,
    'SELECT * FROM proposals WHERE report_id = ? AND deleted_at IS NULL ORDER BY sort_order, id',
  )
    .all(reportId)
    .map((row) => withoutDeletion(toProposal(row)))
}

export function listLiveProposalIds(db: Db, reportId: number): number[] {
  return prepare<{ id: number }>(db, 'SELECT id FROM proposals WHERE report_id = ? AND deleted_at IS NULL')
    .all(reportId)
    .map((r) => r.id)
}

export function updateProposalFields(db: Db, id: number, fields: ProposalFields, updatedAt: string): void {
  prepare(
    db,
    `UPDATE proposals SET sector = @sector, title = @title, detail = @detail, status = @status, owner = @owner,
       due_date = @dueDate, priority = @priority, notes = @notes, source_start = @sourceStart,
       source_end = @sourceEnd, source_exact = @sourceExact, updated_at = @updatedAt
     WHERE id = @id`,
  ).run({ ...fieldParams(fields), id, updatedAt })
}

export function setProposalDeletedAt(db: Db, id: number, deletedAt: string | null, updatedAt: string): void {
  prepare(db, 'UPDATE proposals SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, updatedAt, id)
}

/** Sort order for a proposal appended to the end (deleted ones count, so undo keeps their place). */
export function nextSortOrder(db: Db, reportId: number): number {
  return prepare<{ next: number }>(
    db,
    'SELECT coalesce(max(sort_order) + 1, 0) AS next FROM proposals WHERE report_id = ?',
  ).get(reportId)!.next
}

/** Makes room at `from`: every proposal of the report at or after it moves down by one. */
export function shiftSortOrdersFrom(db: Db, reportId: number, from: number, exceptId: number | null = null): void {
  prepare(
    db,
    'UPDATE proposals SET sort_order = sort_order + 1 WHERE report_id = ? AND sort_order >= ? AND id IS NOT ?',
  ).run(reportId, from, exceptId)
}

export function setSortOrder(db: Db, id: number, sortOrder: number): void {
  prepare(db, 'UPDATE proposals SET sort_order = ? WHERE id = ?').run(sortOrder, id)
}
