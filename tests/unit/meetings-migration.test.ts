// Migration 0030 (meetings): rows written at 0010 survive it untouched, the new tables keep
// their rules (foreign keys, checks, cascades), and a database that already held a report is
// marked as owed the sample meeting.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../src/backend/db/migrations'
import { columnsOf, openAtVersion } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()
const AT = '2022-05-26T01:00:00.000Z'

function insertReportAt10(db: ReturnType<typeof openAtVersion>): { reportId: number; proposalId: number } {
  const reportId = Number(
    db
      .prepare("INSERT INTO reports (title, source, date, text, raw_text, imported_at) VALUES ('Kỳ Sơn', 's', '2022-05-26', 'văn bản', 'văn bản', ?)")
      .run(AT).lastInsertRowid,
  )
  db.prepare("INSERT INTO report_revisions (report_id, revision, text, imported_at) VALUES (?, 1, 'văn bản', ?)").run(reportId, AT)
  const proposalId = Number(
    db
      .prepare(
        `INSERT INTO proposals (report_id, sector, title, status, sort_order, created_at, updated_at)
         VALUES (?, 'education', 'Gom các điểm trường', 'accepted', 0, ?, ?)`,
      )
      .run(reportId, AT, AT).lastInsertRowid,
  )
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('locale', '\"vi\"', ?)").run(AT)
  return { reportId, proposalId }
}

describe('migration 0030 (meetings)', () => {
  it('carries reports, revisions, proposals and settings written at 0010 across it unchanged', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 10)
    const { reportId, proposalId } = insertReportAt10(db)
    const before = {
      reports: db.prepare('SELECT * FROM reports').all(),
      revisions: db.prepare('SELECT * FROM report_revisions').all(),
      proposals: db.prepare('SELECT * FROM proposals').all(),
      settings: db.prepare('SELECT * FROM settings').all(),
    }
    migrate(db, 30)
    expect(schemaVersion(db)).toBe(30)
    // Later migrations (0020) may add columns to these tables; every value written at 0010 stays.
    const kept = (rows: unknown[]) => rows.map((row) => expect.objectContaining(row as object))
    expect(db.prepare('SELECT * FROM reports').all()).toEqual(kept(before.reports))
    expect(db.prepare('SELECT * FROM report_revisions').all()).toEqual(kept(before.revisions))
    expect(db.prepare('SELECT * FROM proposals').all()).toEqual(kept(before.proposals))
    expect(db.prepare('SELECT * FROM settings').all()).toEqual(kept(before.settings))
    // A database that already had a report is owed the sample meeting, once.
    expect(db.prepare('SELECT name FROM pending_seeds').all()).toEqual([{ name: 'sample_meeting' }])

    // The new tables reference the old rows.
    const meetingId = Number(
      db.prepare("INSERT INTO meetings (report_id, title, created_at, updated_at) VALUES (?, 'Buổi làm việc', ?, ?)").run(reportId, AT, AT)
        .lastInsertRowid,
    )
    const itemId = Number(db.prepare('INSERT INTO agenda_items (meeting_id, proposal_id, sort_order) VALUES (?, ?, 0)').run(meetingId, proposalId).lastInsertRowid)
    db.prepare(
      `INSERT INTO minute_entries (meeting_id, agenda_item_id, kind, text, proposal_status, sort_order, created_at, updated_at)
       VALUES (?, ?, 'decision', 'Thống nhất', 'accepted', 0, ?, ?)`,
    ).run(meetingId, itemId, AT, AT)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })

  it('marks nothing as owed on an empty database (a new one gets the sample meeting with the sample)', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 10)
    migrate(db, 30)
    expect(db.prepare('SELECT count(*) AS n FROM pending_seeds').get()).toEqual({ n: 0 })
    db.close()
  })

  it('has real columns for the header, attendees, agenda, entries and edits', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 30)
    const names = (table: string) => columnsOf(db, table).map((c) => c.name)
    expect(names('meetings')).toEqual([
      'id', 'report_id', 'title', 'number', 'notice_number', 'notice_date', 'place', 'started_at', 'ended_at',
      'chair_name', 'chair_post', 'secretary_name', 'secretary_post', 'created_at', 'updated_at',
    ])
    expect(names('meeting_attendees')).toEqual(['id', 'meeting_id', 'name', 'post', 'organisation', 'sort_order'])
    expect(names('agenda_items')).toEqual(['id', 'meeting_id', 'proposal_id', 'sort_order', 'started_at', 'ended_at'])
    expect(names('minute_entries')).toEqual([
      'id', 'meeting_id', 'agenda_item_id', 'kind', 'speaker', 'text', 'proposal_status', 'owner', 'due', 'at', 'sort_order',
      'created_at', 'updated_at',
    ])
    expect(names('minutes_edits')).toEqual(['meeting_id', 'kind', 'section_key', 'text', 'base_text', 'updated_at'])
    db.close()
  })

  it('enforces its rules: foreign keys, kinds, statuses only on decisions, times in order, cascades', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 10)
    const { reportId, proposalId } = insertReportAt10(db)
    migrate(db, 30)
    const newMeeting = db.prepare("INSERT INTO meetings (report_id, title, created_at, updated_at) VALUES (?, 'Họp', ?, ?)")
    expect(() => newMeeting.run(9999, AT, AT)).toThrow(/FOREIGN KEY/)
    const meetingId = Number(newMeeting.run(reportId, AT, AT).lastInsertRowid)

    expect(() => db.prepare("INSERT INTO meeting_attendees (meeting_id, sort_order) VALUES (?, 0)").run(meetingId)).toThrow(/CHECK/)
    db.prepare("INSERT INTO meeting_attendees (meeting_id, post, sort_order) VALUES (?, 'Lãnh đạo các sở', 0)").run(meetingId)

    const item = db.prepare('INSERT INTO agenda_items (meeting_id, proposal_id, sort_order, started_at, ended_at) VALUES (?, ?, 0, ?, ?)')
    expect(() => item.run(meetingId, proposalId, '2022-05-26T09:00', '2022-05-26T08:00')).toThrow(/CHECK/)
    expect(() => item.run(meetingId, 9999, null, null)).toThrow(/FOREIGN KEY/)
    const itemId = Number(item.run(meetingId, proposalId, '2022-05-26T08:00', '2022-05-26T09:00').lastInsertRowid)
    expect(() => item.run(meetingId, proposalId, null, null)).toThrow(/UNIQUE/)

    const entry = db.prepare(
      `INSERT INTO minute_entries (meeting_id, agenda_item_id, kind, text, proposal_status, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, 't', ?, 0, ?, ?)`,
    )
    expect(() => entry.run(meetingId, itemId, 'remark', null, AT, AT)).toThrow(/CHECK/)
    expect(() => entry.run(meetingId, itemId, 'action', 'accepted', AT, AT)).toThrow(/CHECK/)
    expect(() => entry.run(meetingId, itemId, 'decision', 'maybe', AT, AT)).toThrow(/CHECK/)
    const entryId = entry.run(meetingId, itemId, 'decision', 'accepted', AT, AT).lastInsertRowid
    db.prepare("INSERT INTO minutes_edits (meeting_id, kind, section_key, text, base_text, updated_at) VALUES (?, 'bienban', 'closing', 'x', 'y', ?)").run(meetingId, AT)
    expect(() =>
      db.prepare("INSERT INTO minutes_edits (meeting_id, kind, section_key, text, base_text, updated_at) VALUES (?, 'memo', 'x', 'x', 'y', ?)").run(meetingId, AT),
    ).toThrow(/CHECK/)

    // Removing an agenda item keeps its entries, about the meeting as a whole.
    db.prepare('DELETE FROM agenda_items WHERE id = ?').run(itemId)
    expect(db.prepare('SELECT agenda_item_id FROM minute_entries WHERE id = ?').get(entryId)).toEqual({ agenda_item_id: null })
    // Deleting the report takes its meetings and everything in them.
    db.prepare('DELETE FROM reports WHERE id = ?').run(reportId)
    for (const table of ['meetings', 'meeting_attendees', 'agenda_items', 'minute_entries', 'minutes_edits']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 })
    }
    db.close()
  })
})
