// Migration 0080 (annotation reviews): annotations written at 0030 survive it untouched, and the
// new table holds a review per annotation, refuses impossible spans and goes with its annotation.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../src/backend/db/connection'
import { migrateAcross } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()
const AT = '2024-01-01T00:00:00.000Z'
const TEXT = 'Giá xăng dầu tăng mạnh.\n\nĐường giao thông xuống cấp.'
const ID = '0b8e1a52-5d0e-4c43-9e53-7c1a1f0b2d11'

function insertAt0030(db: Db): void {
  db.prepare("INSERT INTO reports (id, title, text, raw_text, imported_at) VALUES (3, 'Báo cáo', ?, ?, ?)").run(TEXT, TEXT, AT)
  db.prepare(
    `INSERT INTO annotations (id, report_id, kind, colour, body, status, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
     VALUES (?, 3, 'note', 'yellow', 'Theo dõi giá', 'unplaced', 4, 12, 'xăng dầu', 'Giá ', ' tăng mạnh.', ?, ?)`,
  ).run(ID, AT, AT)
}

describe('migration 0080 (annotation reviews)', () => {
  it('keeps the annotations of 0030 and adds reviews that follow their annotation', () => {
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 80, insertAt0030)
    expect(db.prepare('SELECT id, status, exact, body, position_start FROM annotations').all()).toEqual([
      { id: ID, status: 'unplaced', exact: 'xăng dầu', body: 'Theo dõi giá', position_start: 4 },
    ])
    const insert = db.prepare(
      `INSERT INTO annotation_reviews (annotation_id, old_start, old_end, old_exact, new_start, new_end, new_exact, created_at)
       VALUES (?, 4, 12, 'xăng dầu', ?, ?, 'nhiên liệu', ?)`,
    )
    expect(() => insert.run(ID, 10, 10, AT)).toThrow(/CHECK/)
    insert.run(ID, 4, 14, AT)
    expect(() => insert.run(ID, 4, 14, AT)).toThrow(/UNIQUE|PRIMARY/)
    expect(() => insert.run('ffffffff-5d0e-4c43-9e53-7c1a1f0b2d11', 4, 14, AT)).toThrow(/FOREIGN KEY/)
    expect(db.prepare('SELECT new_exact, resolved_at FROM annotation_reviews').all()).toEqual([{ new_exact: 'nhiên liệu', resolved_at: null }])
    db.prepare('DELETE FROM annotations WHERE id = ?').run(ID)
    expect(db.prepare('SELECT count(*) AS n FROM annotation_reviews').get()).toEqual({ n: 0 })
  })
})
