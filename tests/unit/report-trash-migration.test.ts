// Migration 0040 (report trash and revision anchors): reports and revisions written at 0030 cross
// it unchanged, live (not deleted) and with no restored_from; the kept anchors go with their revision.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../src/backend/db/migrations'
import { openAtVersion } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()
const AT = '2022-05-26T01:00:00.000Z'

describe('migration 0040 (report trash)', () => {
  it('keeps every report and revision written at 0030, live and not restored from anything', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 30)
    const reportId = Number(
      db.prepare("INSERT INTO reports (title, source, date, text, raw_text, imported_at) VALUES ('Báo cáo huyện Kỳ Sơn', 's', '2022-05-26', 'văn bản mới', 'văn bản mới', ?)").run(AT).lastInsertRowid,
    )
    db.prepare("INSERT INTO report_revisions (report_id, revision, text, imported_at, file_name) VALUES (?, 1, 'văn bản', ?, '')").run(reportId, AT)
    db.prepare("INSERT INTO report_revisions (report_id, revision, text, imported_at, file_name) VALUES (?, 2, 'văn bản mới', ?, 'sua.txt')").run(reportId, AT)
    const before = { reports: db.prepare('SELECT * FROM reports').all(), revisions: db.prepare('SELECT * FROM report_revisions').all() }

    migrate(db, 40)
    expect(schemaVersion(db)).toBe(40)
    expect(db.prepare('SELECT * FROM reports').all()).toEqual(before.reports.map((r) => ({ ...(r as object), deleted_at: null })))
    expect(db.prepare('SELECT * FROM report_revisions').all()).toEqual(before.revisions.map((r) => ({ ...(r as object), restored_from: null })))
    expect(db.prepare('SELECT id FROM reports WHERE deleted_at IS NULL').all()).toEqual([{ id: reportId }])

    // Kept anchors belong to a revision and go when it goes.
    db.prepare(
      "INSERT INTO revision_anchors (report_id, revision, item_kind, item_id, status, position_start, position_end, exact) VALUES (?, 2, 'annotation', 'a', 'placed', 0, 3, 'văn')",
    ).run(reportId)
    expect(() =>
      db.prepare("INSERT INTO revision_anchors (report_id, revision, item_kind, item_id, status, position_start, position_end, exact) VALUES (?, 9, 'annotation', 'b', 'placed', 0, 3, 'văn')").run(reportId),
    ).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM report_revisions WHERE report_id = ? AND revision = 2').run(reportId)
    expect(db.prepare('SELECT count(*) AS n FROM revision_anchors').get()).toEqual({ n: 0 })
    db.close()
  })
})
