// Migration 0050 (meeting record): meetings, attendees and entries written at 0030 cross it
// unchanged, none of them counts as deleted, and no meeting claims a current item.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { schemaVersion } from '../../src/backend/db/migrations'
import { migrateAcross } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()
const AT = '2022-05-26T01:00:00.000Z'

describe('migration 0050 (meeting record)', () => {
  it('carries meetings, attendees, agenda and entries across it and adds the new columns empty', () => {
    let before: Record<string, unknown[]> = {}
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 50, (db) => {
      const reportId = Number(
        db.prepare("INSERT INTO reports (title, source, date, text, raw_text, imported_at) VALUES ('Kỳ Sơn', 's', '2022-05-26', 'văn bản', 'văn bản', ?)").run(AT)
          .lastInsertRowid,
      )
      const proposalId = Number(
        db.prepare("INSERT INTO proposals (report_id, sector, title, status, sort_order, created_at, updated_at) VALUES (?, 'education', 'Gom điểm trường', 'proposed', 0, ?, ?)")
          .run(reportId, AT, AT).lastInsertRowid,
      )
      const meetingId = Number(
        db.prepare("INSERT INTO meetings (report_id, title, started_at, created_at, updated_at) VALUES (?, 'Buổi làm việc', '2022-05-26T08:00', ?, ?)").run(reportId, AT, AT)
          .lastInsertRowid,
      )
      db.prepare("INSERT INTO meeting_attendees (meeting_id, name, sort_order) VALUES (?, 'Nguyễn Văn A', 0)").run(meetingId)
      const itemId = Number(
        db.prepare("INSERT INTO agenda_items (meeting_id, proposal_id, sort_order, started_at) VALUES (?, ?, 0, '2022-05-26T09:00')").run(meetingId, proposalId).lastInsertRowid,
      )
      db.prepare("INSERT INTO minute_entries (meeting_id, agenda_item_id, kind, text, sort_order, created_at, updated_at) VALUES (?, ?, 'discussion', 'Ý kiến', 0, ?, ?)").run(
        meetingId,
        itemId,
        AT,
        AT,
      )
      before = Object.fromEntries(['meetings', 'meeting_attendees', 'agenda_items', 'minute_entries'].map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all()]))
    })
    expect(schemaVersion(db)).toBe(50)
    for (const [table, rows] of Object.entries(before)) {
      expect(db.prepare(`SELECT * FROM ${table}`).all(), table).toEqual(rows.map((r) => expect.objectContaining(r as object)))
    }
    expect(db.prepare('SELECT deleted_at FROM meeting_attendees').all()).toEqual([{ deleted_at: null }])
    expect(db.prepare('SELECT deleted_at FROM minute_entries').all()).toEqual([{ deleted_at: null }])
    expect(db.prepare('SELECT current_agenda_item_id FROM meetings').all()).toEqual([{ current_agenda_item_id: null }])
    // The current item follows its agenda item: removing the item clears it.
    db.prepare('UPDATE meetings SET current_agenda_item_id = (SELECT id FROM agenda_items)').run()
    db.prepare('DELETE FROM agenda_items').run()
    expect(db.prepare('SELECT current_agenda_item_id FROM meetings').all()).toEqual([{ current_agenda_item_id: null }])
    db.close()
  })
})
