// Migration 0020 (annotations and search): rows written at 0010 survive it, the search index is
// filled for reports and proposals already stored, and the new tables follow the storage rules.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fold } from '../../src/core/text'
import { segmentBlocks } from '../../src/core/blocks'
import { columnsOf, migrateAcross } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'
import type { Db } from '../../src/backend/db/connection'

const tempDir = useTempDirs()
const AT = '2024-01-01T00:00:00.000Z'
const REPORT_TEXT = 'TÌNH HÌNH KINH TẾ\n\nGiá xăng dầu tăng mạnh.\n\nĐường giao thông xuống cấp.'

function insertAt0010(db: Db): void {
  db.prepare("INSERT INTO reports (id, title, text, raw_text, imported_at) VALUES (7, 'Báo cáo', ?, ?, ?)").run(REPORT_TEXT, REPORT_TEXT, AT)
  db.prepare('INSERT INTO report_revisions (report_id, revision, text, imported_at) VALUES (7, 1, ?, ?)').run(REPORT_TEXT, AT)
  const insert = db.prepare(
    `INSERT INTO proposals (id, report_id, sector, title, detail, notes, sort_order, created_at, updated_at, deleted_at)
     VALUES (?, 7, 'transport', ?, ?, ?, ?, ?, ?, ?)`,
  )
  insert.run(1, 'Sửa đường liên xã', 'Đoạn Mường Xén', 'ghi chú', 0, AT, AT, null)
  insert.run(2, 'Quản lý xăng dầu', '', '', 1, AT, AT, null)
  insert.run(3, 'Đề xuất đã xoá', '', '', 2, AT, AT, AT)
}

describe('migration 0020 (annotations)', () => {
  it('keeps the rows of 0010 and indexes the stored reports and live proposals', () => {
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 20, insertAt0010)
    expect(db.prepare('SELECT id, title, text FROM reports').all()).toEqual([{ id: 7, title: 'Báo cáo', text: REPORT_TEXT }])
    expect(db.prepare('SELECT report_id, revision, file_name FROM report_revisions').all()).toEqual([{ report_id: 7, revision: 1, file_name: '' }])
    expect(db.prepare('SELECT id FROM proposals ORDER BY id').all()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }])

    const blocks = db.prepare('SELECT report_id, block_start, original, folded FROM report_text_search ORDER BY rowid').all()
    expect(blocks).toEqual(
      segmentBlocks(REPORT_TEXT).map((b) => ({ report_id: 7, block_start: b.start, original: b.text, folded: fold(b.text) })),
    )
    expect(db.prepare('SELECT rowid, title, folded FROM proposal_search ORDER BY rowid').all()).toEqual([
      { rowid: 1, title: 'Sửa đường liên xã', folded: 'sua duong lien xa\ndoan muong xen\nghi chu' },
      { rowid: 2, title: 'Quản lý xăng dầu', folded: 'quan ly xang dau\n\n' },
    ])
    const match = (sql: string, q: string) => db.prepare(sql).all(q)
    expect(match("SELECT block_start FROM report_text_search WHERE report_text_search MATCH ?", 'folded : "duong"*')).toEqual([
      { block_start: REPORT_TEXT.indexOf('Đường') },
    ])
    db.close()
  })

  it('keeps the index in step with later writes through its triggers', () => {
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 20, insertAt0010)
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    db.prepare("UPDATE proposals SET title = 'Sửa cầu treo' WHERE id = 1").run()
    expect(db.prepare('SELECT title FROM proposal_search WHERE rowid = 1').get()).toEqual({ title: 'Sửa cầu treo' })
    db.prepare("UPDATE proposals SET deleted_at = 'x' WHERE id = 2").run()
    expect(count('proposal_search')).toBe(1)

    db.prepare(
      `INSERT INTO annotations (id, report_id, kind, colour, body, status, position_start, position_end, exact, created_at, updated_at)
       VALUES ('11111111-1111-4111-8111-111111111111', 7, 'note', 'blue', 'Cần kiểm tra', 'placed', 0, 5, 'TÌNH ', ?, ?)`,
    ).run(AT, AT)
    db.prepare("INSERT INTO annotation_tags (annotation_id, position, tag) VALUES ('11111111-1111-4111-8111-111111111111', 0, 'Đô thị')").run()
    expect(db.prepare('SELECT body, tags, folded FROM annotation_search').all()).toEqual([
      { body: 'Cần kiểm tra', tags: 'Đô thị', folded: 'can kiem tra\ntinh \ndo thi' },
    ])
    db.prepare('DELETE FROM reports WHERE id = 7').run()
    for (const table of ['report_text_search', 'annotation_search', 'proposal_search', 'annotations', 'annotation_tags']) {
      expect(count(table), table).toBe(0)
    }
    db.close()
  })

  it('stores tags and proposal links as rows with cascading foreign keys', () => {
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 20, insertAt0010)
    expect(columnsOf(db, 'annotation_tags').map((c) => c.name)).toEqual(['annotation_id', 'position', 'tag'])
    expect(columnsOf(db, 'annotation_proposals').map((c) => c.name)).toEqual(['annotation_id', 'proposal_id'])
    const fks = db.pragma('foreign_key_list(annotation_proposals)') as { table: string; on_delete: string }[]
    expect(fks.map((f) => [f.table, f.on_delete]).sort()).toEqual([
      ['annotations', 'CASCADE'],
      ['proposals', 'CASCADE'],
    ])
    const virtual = (db.pragma('table_list') as { name: string; type: string }[]).filter((t) => t.type === 'virtual').map((t) => t.name)
    expect(virtual.sort()).toEqual(['annotation_search', 'proposal_search', 'report_text_search'])
    expect(() =>
      db.prepare(
        `INSERT INTO annotations (id, report_id, kind, colour, status, position_start, position_end, exact, created_at, updated_at)
         VALUES ('22222222-2222-4222-8222-222222222222', 7, 'note', 'black', 'placed', 0, 1, 'T', ?, ?)`,
      ).run(AT, AT),
    ).toThrow(/CHECK/)
    db.close()
  })
})
