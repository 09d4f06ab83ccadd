// Rows of `minute_entries`: what was said, decided and assigned, in recording order. A deleted
// entry stays (deleted_at) so the delete can be undone.
import type { ProposalStatus } from '../../core/domain'
import type { EntryKind, MinuteEntry } from '../../core/meeting-domain'
import { prepare } from './statements'
import type { Db } from './types'

interface EntryRow {
  id: number
  meeting_id: number
  agenda_item_id: number | null
  kind: EntryKind
  speaker: string
  text: string
  proposal_status: ProposalStatus | null
  owner: string
  due: string | null
  at: string | null
  sort_order: number
  created_at: string
  updated_at: string
  deleted_at: string | null
  version: number
}

/** The fields a user writes, stored whole by updateEntryFields. */
export type EntryFields = Pick<MinuteEntry, 'agendaItemId' | 'kind' | 'speaker' | 'text' | 'proposalStatus' | 'owner' | 'due' | 'at'>

export interface StoredEntry extends MinuteEntry {
  meetingId: number
  updatedAt: string
  deletedAt: string | null
}

function toEntry(row: EntryRow): StoredEntry {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    kind: row.kind,
    speaker: row.speaker,
    text: row.text,
    proposalStatus: row.proposal_status,
    owner: row.owner,
    due: row.due,
    at: row.at,
    sortOrder: row.sort_order,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: row.version,
  }
}

export function toMinuteEntry({ meetingId: _m, updatedAt: _u, deletedAt: _d, ...entry }: StoredEntry): MinuteEntry {
  return entry
}

function fieldParams(f: EntryFields) {
  return {
    agendaItemId: f.agendaItemId,
    kind: f.kind,
    speaker: f.speaker,
    text: f.text,
    proposalStatus: f.proposalStatus,
    owner: f.owner,
    due: f.due,
    at: f.at,
  }
}

export function insertEntry(db: Db, meetingId: number, fields: EntryFields, sortOrder: number, createdAt: string): number {
  return Number(
    prepare(
      db,
      `INSERT INTO minute_entries (meeting_id, agenda_item_id, kind, speaker, text, proposal_status, owner, due, at,
                                   sort_order, created_at, updated_at)
       VALUES (@meetingId, @agendaItemId, @kind, @speaker, @text, @proposalStatus, @owner, @due, @at,
               @sortOrder, @createdAt, @createdAt)`,
    ).run({ ...fieldParams(fields), meetingId, sortOrder, createdAt }).lastInsertRowid,
  )
}

export function getStoredEntry(db: Db, id: number): StoredEntry | undefined {
  const row = prepare<EntryRow>(db, 'SELECT * FROM minute_entries WHERE id = ?').get(id)
  return row && toEntry(row)
}

export function listEntries(db: Db, meetingId: number): MinuteEntry[] {
  return prepare<EntryRow>(db, 'SELECT * FROM minute_entries WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id')
    .all(meetingId)
    .map((row) => toMinuteEntry(toEntry(row)))
}

export function updateEntryFields(db: Db, id: number, fields: EntryFields, updatedAt: string): void {
  prepare(
    db,
    `UPDATE minute_entries SET agenda_item_id = @agendaItemId, kind = @kind, speaker = @speaker, text = @text,
       proposal_status = @proposalStatus, owner = @owner, due = @due, at = @at, updated_at = @updatedAt
     WHERE id = @id`,
  ).run({ ...fieldParams(fields), id, updatedAt })
}

/** Marks an entry deleted (null: brings it back). */
export function setEntryDeleted(db: Db, id: number, deletedAt: string | null): void {
  prepare(db, 'UPDATE minute_entries SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
}

export function nextEntrySortOrder(db: Db, meetingId: number): number {
  return prepare<{ next: number }>(
    db,
    'SELECT coalesce(max(sort_order) + 1, 0) AS next FROM minute_entries WHERE meeting_id = ?',
  ).get(meetingId)!.next
}
