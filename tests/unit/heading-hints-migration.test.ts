// Migration 0100 (heading hints): reports and revisions written at 0090 cross it unchanged, with
// no hints; afterwards a hint list is stored per report and per revision, and only a JSON array fits.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../src/backend/db/migrations'
import { openAtVersion } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()
const AT = '2022-05-26T01:00:00.000Z'

describe('migration 0100 (heading hints)', () => {
  it('keeps every report and revision written at 0090, each with no hints, and stores hints afterwards', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 90)
    const text = 'Tình hình kinh tế\n\nSản xuất nông nghiệp ổn định.'
    const reportId = Number(
      db.prepare("INSERT INTO reports (title, source, date, text, raw_text, imported_at) VALUES ('Báo cáo huyện Kỳ Sơn', 's', '2022-05-26', ?, ?, ?)").run(text, text, AT).lastInsertRowid,
    )
    db.prepare("INSERT INTO report_revisions (report_id, revision, text, imported_at, file_name) VALUES (?, 1, ?, ?, 'bao-cao.docx')").run(reportId, text, AT)
    const before = { reports: db.prepare('SELECT * FROM reports').all(), revisions: db.prepare('SELECT * FROM report_revisions').all() }

    migrate(db, 100)
    expect(schemaVersion(db)).toBe(100)
    expect(db.prepare('SELECT * FROM reports').all()).toEqual(before.reports.map((r) => ({ ...(r as object), heading_starts: '[]' })))
    expect(db.prepare('SELECT * FROM report_revisions').all()).toEqual(before.revisions.map((r) => ({ ...(r as object), heading_starts: '[]' })))

    db.prepare("UPDATE reports SET heading_starts = '[0]' WHERE id = ?").run(reportId)
    db.prepare("UPDATE report_revisions SET heading_starts = '[0]' WHERE report_id = ?").run(reportId)
    expect(db.prepare('SELECT heading_starts FROM reports').get()).toEqual({ heading_starts: '[0]' })
    // A rename counts versions; hints do not (they are part of the text's revision, not the report's name).
    expect(db.prepare('SELECT version FROM reports').get()).toEqual({ version: 1 })
    expect(() => db.prepare("UPDATE reports SET heading_starts = 'not json' WHERE id = ?").run(reportId)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE report_revisions SET heading_starts = '{}' WHERE report_id = ?").run(reportId)).toThrow(/CHECK/)
    db.close()
  })
})
