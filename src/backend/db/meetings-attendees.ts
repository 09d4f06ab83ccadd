// Rows of `meeting_attendees`, in list order (sort_order, id), and the people named in
// earlier meetings for quick entry. A removed attendee stays (deleted_at) so it can come back.
import type { Attendee, AttendeeFields } from '../../core/meeting-domain'
import { prepare } from './statements'
import type { Db } from './types'

interface AttendeeRow {
  id: number
  meeting_id: number
  name: string
  post: string
  organisation: string
  sort_order: number
  deleted_at: string | null
  version: number
}

export interface StoredAttendee extends Attendee {
  meetingId: number
  deletedAt: string | null
}

function toAttendee(row: AttendeeRow): StoredAttendee {
  return { id: row.id, meetingId: row.meeting_id, name: row.name, post: row.post, organisation: row.organisation, sortOrder: row.sort_order, deletedAt: row.deleted_at, version: row.version }
}

export function withoutMeeting({ meetingId: _meetingId, deletedAt: _deletedAt, ...attendee }: StoredAttendee): Attendee {
  return attendee
}

export function insertAttendee(db: Db, meetingId: number, fields: AttendeeFields, sortOrder: number): number {
  return Number(
    prepare(
      db,
      `INSERT INTO meeting_attendees (meeting_id, name, post, organisation, sort_order)
       VALUES (@meetingId, @name, @post, @organisation, @sortOrder)`,
    ).run({ meetingId, name: fields.name, post: fields.post, organisation: fields.organisation, sortOrder }).lastInsertRowid,
  )
}

export function getStoredAttendee(db: Db, id: number): StoredAttendee | undefined {
  const row = prepare<AttendeeRow>(db, 'SELECT * FROM meeting_attendees WHERE id = ?').get(id)
  return row && toAttendee(row)
}

export function listAttendees(db: Db, meetingId: number): Attendee[] {
  return prepare<AttendeeRow>(db, 'SELECT * FROM meeting_attendees WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id')
    .all(meetingId)
    .map((row) => withoutMeeting(toAttendee(row)))
}

export function updateAttendeeFields(db: Db, id: number, fields: AttendeeFields): void {
  prepare(db, 'UPDATE meeting_attendees SET name = @name, post = @post, organisation = @organisation WHERE id = @id').run({
    id,
    name: fields.name,
    post: fields.post,
    organisation: fields.organisation,
  })
}

/** Marks an attendee removed (null: brings it back). */
export function setAttendeeDeleted(db: Db, id: number, deletedAt: string | null): void {
  prepare(db, 'UPDATE meeting_attendees SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
}

export function nextAttendeeSortOrder(db: Db, meetingId: number): number {
  return prepare<{ next: number }>(
    db,
    'SELECT coalesce(max(sort_order) + 1, 0) AS next FROM meeting_attendees WHERE meeting_id = ?',
  ).get(meetingId)!.next
}

/** Makes room at `from`: attendees of the meeting at or after it move down by one. */
export function shiftAttendeesFrom(db: Db, meetingId: number, from: number): void {
  prepare(db, 'UPDATE meeting_attendees SET sort_order = sort_order + 1 WHERE meeting_id = ? AND sort_order >= ?').run(meetingId, from)
}

export interface PersonUse {
  name: string
  post: string
  organisation: string
  uses: number
}

/** Distinct people of all meetings (attendees, chairs, secretaries), most used first. */
export function listPersonUses(db: Db): PersonUse[] {
  return prepare<PersonUse>(
    db,
    `SELECT name, post, organisation, count(*) AS uses FROM (
       SELECT name, post, organisation FROM meeting_attendees WHERE deleted_at IS NULL
       UNION ALL SELECT chair_name, chair_post, '' FROM meetings WHERE chair_name <> '' OR chair_post <> ''
       UNION ALL SELECT secretary_name, secretary_post, '' FROM meetings WHERE secretary_name <> '' OR secretary_post <> ''
     )
     GROUP BY name, post, organisation
     ORDER BY uses DESC, name, post, organisation`,
  ).all()
}
