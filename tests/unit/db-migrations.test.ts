// Every migration applies from an empty file, ends at its user_version, and leaves a
// schema that follows our storage rules (STRICT tables, named indexes, foreign keys).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/backend/db/connection'
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src/backend/db/migrations'
import { PRIORITIES, PROPOSAL_STATUSES } from '../../src/core/domain'
import { columnsOf, migrateAcross, openAtVersion } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()

describe('migration list', () => {
  it('is numbered in increasing steps of 10', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions[0]).toBe(10)
    versions.forEach((v, i) => {
      expect(v % 10).toBe(0)
      if (i > 0) expect(v).toBeGreaterThan(versions[i - 1]!)
    })
    expect(LATEST_VERSION).toBe(versions[versions.length - 1])
  })
})

describe.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('migration %i (%s)', (version) => {
  it('applies from an empty database and sets user_version and application_id', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), version)
    expect(schemaVersion(db)).toBe(version)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})

describe('a failing migration', () => {
  it('rolls back alone, leaving the previous version', () => {
    const db = openAtVersion(join(tempDir(), 'db.sqlite'), 0)
    db.exec('CREATE TABLE reports (id INTEGER PRIMARY KEY)') // makes 0010 fail half-way
    expect(() => migrate(db)).toThrow(/already exists/)
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'proposals'").get()).toBeUndefined()
    db.close()
  })
})

describe('schema at the latest version', () => {
  const open = () => openDatabase(join(tempDir(), 'workbench.sqlite'))

  it('uses WAL, foreign keys and STRICT tables only', () => {
    const db = open()
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = (db.pragma('table_list') as { name: string; schema: string; type: string; strict: number }[]).filter(
      (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'),
    )
    expect(tables.map((t) => t.name).sort()).toEqual([
      'agenda_items', 'annotation_proposals', 'annotation_reviews', 'annotation_tags', 'annotations', 'meeting_attendees', 'meetings',
      'minute_entries', 'minutes_edits', 'pending_seeds', 'proposals', 'report_revisions', 'reports', 'revision_anchors', 'settings',
    ])
    for (const t of tables) expect(t.strict, `${t.name} is STRICT`).toBe(1)
    db.close()
  })

  it('names every index table_by_column', () => {
    const db = open()
    const indexes = db
      .prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
      .all() as { name: string; tbl_name: string }[]
    expect(indexes.length).toBeGreaterThan(0)
    for (const index of indexes) expect(index.name.startsWith(`${index.tbl_name}_by_`), index.name).toBe(true)
    db.close()
  })

  it('has real columns for every proposal field', () => {
    const db = open()
    expect(columnsOf(db, 'proposals').map((c) => c.name)).toEqual([
      'id', 'report_id', 'sector', 'title', 'detail', 'status', 'owner', 'due_date', 'priority', 'notes',
      'sort_order', 'source_start', 'source_end', 'source_exact', 'created_at', 'updated_at', 'deleted_at', 'version',
    ])
    expect(columnsOf(db, 'reports').map((c) => c.name)).toEqual(['id', 'title', 'source', 'date', 'text', 'raw_text', 'imported_at', 'deleted_at', 'version', 'heading_starts'])
    db.close()
  })

  it('accepts exactly the statuses and priorities of the domain, and cascades report deletes', () => {
    const db = open()
    const at = '2024-01-01T00:00:00.000Z'
    const reportId = db
      .prepare("INSERT INTO reports (title, text, raw_text, imported_at) VALUES ('r', 't', 't', ?)")
      .run(at).lastInsertRowid
    const insert = db.prepare(
      `INSERT INTO proposals (report_id, sector, title, status, priority, sort_order, created_at, updated_at)
       VALUES (?, 'x', 't', ?, ?, 0, ?, ?)`,
    )
    for (const status of PROPOSAL_STATUSES) for (const priority of PRIORITIES) insert.run(reportId, status, priority, at, at)
    expect(() => insert.run(reportId, 'maybe', 'normal', at, at)).toThrow(/CHECK/)
    expect(() => insert.run(reportId, 'proposed', 'urgent', at, at)).toThrow(/CHECK/)
    expect(() => insert.run(9999, 'proposed', 'normal', at, at)).toThrow(/FOREIGN KEY/)
    expect(() =>
      db.prepare(
        `INSERT INTO proposals (report_id, sector, title, sort_order, source_start, created_at, updated_at)
         VALUES (?, 'x', 't', 0, 3, ?, ?)`,
      ).run(reportId, at, at),
    ).toThrow(/CHECK/)
    db.prepare('DELETE FROM reports WHERE id = ?').run(reportId)
    expect(db.prepare('SELECT count(*) AS n FROM proposals').get()).toEqual({ n: 0 })
    db.close()
  })
})

describe('carrying data across migrations', () => {
  it('0010 creates the schema on an empty database', () => {
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 10, (empty) => {
      expect(empty.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 })
    })
    expect(schemaVersion(db)).toBe(10)
    expect(columnsOf(db, 'settings').map((c) => c.name)).toEqual(['key', 'value', 'updated_at'])
    db.close()
  })

  it('reopening a database at the latest version keeps its rows and runs nothing again', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    const db = openDatabase(file)
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('locale', '\"en\"', 'now')").run()
    db.close()
    const again = openDatabase(file)
    expect(schemaVersion(again)).toBe(LATEST_VERSION)
    expect(again.prepare('SELECT value FROM settings WHERE key = ?').get('locale')).toEqual({ value: '"en"' })
    again.close()
  })
})
