// Rows of `agenda_items`: the checklist proposals a meeting takes up, in order, with the
// times each was opened and closed.
import type { AgendaItem } from '../../core/meeting-domain'
import { prepare } from './statements'
import type { Db } from './types'

interface AgendaRow {
  id: number
  meeting_id: number
  proposal_id: number
  sort_order: number
  started_at: string | null
  ended_at: string | null
}

export interface StoredAgendaItem extends AgendaItem {
  meetingId: number
}

function toItem(row: AgendaRow): StoredAgendaItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    proposalId: row.proposal_id,
    sortOrder: row.sort_order,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  }
}

export function withoutMeeting({ meetingId: _meetingId, ...item }: StoredAgendaItem): AgendaItem {
  return item
}

export function listAgenda(db: Db, meetingId: number): AgendaItem[] {
  return prepare<AgendaRow>(db, 'SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY sort_order, id')
    .all(meetingId)
    .map((row) => withoutMeeting(toItem(row)))
}

export function getStoredAgendaItem(db: Db, id: number): StoredAgendaItem | undefined {
  const row = prepare<AgendaRow>(db, 'SELECT * FROM agenda_items WHERE id = ?').get(id)
  return row && toItem(row)
}

export function insertAgendaItem(db: Db, meetingId: number, proposalId: number, sortOrder: number): number {
  return Number(
    prepare(db, 'INSERT INTO agenda_items (meeting_id, proposal_id, sort_order) VALUES (?, ?, ?)').run(meetingId, proposalId, sortOrder)
      .lastInsertRowid,
  )
}

export function setAgendaSortOrder(db: Db, id: number, sortOrder: number): void {
  prepare(db, 'UPDATE agenda_items SET sort_order = ? WHERE id = ?').run(sortOrder, id)
}

export function deleteAgendaItem(db: Db, id: number): void {
  prepare(db, 'DELETE FROM agenda_items WHERE id = ?').run(id)
}

export function setAgendaTimes(db: Db, id: number, startedAt: string | null, endedAt: string | null): void {
  prepare(db, 'UPDATE agenda_items SET started_at = ?, ended_at = ? WHERE id = ?').run(startedAt, endedAt, id)
}

/** Items of the meeting taken up and not yet closed. */
export function listRunningItems(db: Db, meetingId: number): StoredAgendaItem[] {
  return prepare<AgendaRow>(
    db,
    'SELECT * FROM agenda_items WHERE meeting_id = ? AND started_at IS NOT NULL AND ended_at IS NULL',
  )
    .all(meetingId)
    .map(toItem)
}
