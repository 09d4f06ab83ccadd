// Rows of `meetings` (the header of a meeting), mapped to the domain's MeetingSummary and
// header fields; attendees, agenda, entries and edits live in their own meetings-*.ts files.
import type { MeetingSummary, PersonRef } from '../../core/meeting-domain'
import { prepare } from './statements'
import type { Db } from './types'

interface MeetingRow {
  id: number
  report_id: number
  title: string
  number: string
  notice_number: string
  notice_date: string | null
  place: string
  started_at: string | null
  ended_at: string | null
  chair_name: string
  chair_post: string
  secretary_name: string
  secretary_post: string
  created_at: string
  updated_at: string
  current_agenda_item_id: number | null
  version: number
}

/** The header fields, written back whole by updateMeetingHeader. */
export interface MeetingHeader {
  title: string
  number: string
  noticeNumber: string
  noticeDate: string | null
  place: string
  startedAt: string | null
  endedAt: string | null
  chair: PersonRef
  secretary: PersonRef
}

export interface StoredMeeting extends MeetingSummary, MeetingHeader {
  createdAt: string
  /** The agenda item meeting mode was last on. */
  currentItemId: number | null
}

function toStored(row: MeetingRow): StoredMeeting {
  return {
    id: row.id,
    reportId: row.report_id,
    title: row.title,
    number: row.number,
    noticeNumber: row.notice_number,
    noticeDate: row.notice_date,
    place: row.place,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    chair: { name: row.chair_name, post: row.chair_post },
    secretary: { name: row.secretary_name, post: row.secretary_post },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    currentItemId: row.current_agenda_item_id,
    version: row.version,
  }
}

export function toSummary(m: StoredMeeting): MeetingSummary {
  return {
    id: m.id,
    reportId: m.reportId,
    title: m.title,
    number: m.number,
    place: m.place,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    updatedAt: m.updatedAt,
    version: m.version,
  }
}

function headerParams(h: MeetingHeader) {
  return {
    title: h.title,
    number: h.number,
    noticeNumber: h.noticeNumber,
    noticeDate: h.noticeDate,
    place: h.place,
    startedAt: h.startedAt,
    endedAt: h.endedAt,
    chairName: h.chair.name,
    chairPost: h.chair.post,
    secretaryName: h.secretary.name,
    secretaryPost: h.secretary.post,
  }
}

export function insertMeeting(db: Db, reportId: number, header: MeetingHeader, createdAt: string): number {
  const result = prepare(
    db,
    `INSERT INTO meetings (report_id, title, number, notice_number, notice_date, place, started_at, ended_at,
                           chair_name, chair_post, secretary_name, secretary_post, created_at, updated_at)
     VALUES (@reportId, @title, @number, @noticeNumber, @noticeDate, @place, @startedAt, @endedAt,
             @chairName, @chairPost, @secretaryName, @secretaryPost, @createdAt, @createdAt)`,
  ).run({ ...headerParams(header), reportId, createdAt })
  return Number(result.lastInsertRowid)
}

export function getStoredMeeting(db: Db, id: number): StoredMeeting | undefined {
  const row = prepare<MeetingRow>(db, 'SELECT * FROM meetings WHERE id = ?').get(id)
  return row && toStored(row)
}

export function listMeetingsOfReport(db: Db, reportId: number): StoredMeeting[] {
  return prepare<MeetingRow>(
    db,
    'SELECT * FROM meetings WHERE report_id = ? ORDER BY coalesce(started_at, created_at), id',
  )
    .all(reportId)
    .map(toStored)
}

/** The meeting changed last, across reports (the command line's "latest"). */
export function latestMeetingId(db: Db): number | undefined {
  return prepare<{ id: number }>(db, 'SELECT id FROM meetings ORDER BY updated_at DESC, id DESC LIMIT 1').get()?.id
}

export function countMeetingsOfReport(db: Db, reportId: number): number {
  return prepare<{ n: number }>(db, 'SELECT count(*) AS n FROM meetings WHERE report_id = ?').get(reportId)!.n
}

export function updateMeetingHeader(db: Db, id: number, header: MeetingHeader, updatedAt: string): void {
  prepare(
    db,
    `UPDATE meetings SET title = @title, number = @number, notice_number = @noticeNumber, notice_date = @noticeDate,
       place = @place, started_at = @startedAt, ended_at = @endedAt, chair_name = @chairName, chair_post = @chairPost,
       secretary_name = @secretaryName, secretary_post = @secretaryPost, updated_at = @updatedAt
     WHERE id = @id`,
  ).run({ ...headerParams(header), id, updatedAt })
}

/** Remembers the agenda item meeting mode is on (not a change of the record: updated_at stays). */
export function setCurrentItem(db: Db, id: number, agendaItemId: number | null): void {
  prepare(db, 'UPDATE meetings SET current_agenda_item_id = ? WHERE id = ?').run(agendaItemId, id)
}

/** Every change inside a meeting (attendee, agenda, entry, edit) marks the meeting as changed. */
export function touchMeeting(db: Db, id: number, updatedAt: string): void {
  prepare(db, 'UPDATE meetings SET updated_at = ? WHERE id = ?').run(updatedAt, id)
}

export function deleteMeetingRow(db: Db, id: number): boolean {
  return prepare(db, 'DELETE FROM meetings WHERE id = ?').run(id).changes > 0
}
