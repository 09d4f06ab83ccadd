// Files the workbench must not open: each is refused with storage_refused, named in
// the message, and left byte for byte as it was (no side files either).
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/backend/db/connection'
import { LATEST_VERSION, schemaVersion } from '../../src/backend/db/migrations'
import { WorkbenchError } from '../../src/core/errors'
import { listDir, sha256 } from './helpers/files'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs()

/** A healthy workbench database spanning many pages, closed (WAL checkpointed). */
function makeBigWorkbenchDb(file: string): void {
  const db = openDatabase(file)
  const insert = db.prepare("INSERT INTO reports (title, text, raw_text, imported_at) VALUES (?, ?, ?, 'now')")
  db.transaction(() => {
    for (let i = 0; i < 40; i++) insert.run(`r${i}`, `văn bản ${i} `.repeat(2000), 'raw')
  })()
  db.close()
}

function expectRefused(file: string, pattern: RegExp): WorkbenchError {
  const dir = join(file, '..')
  const before = { hash: sha256(file), files: listDir(dir) }
  let caught: unknown
  try {
    openDatabase(file).close()
  } catch (err) {
    caught = err
  }
  expect(caught).toBeInstanceOf(WorkbenchError)
  const error = caught as WorkbenchError
  expect(error.code).toBe('storage_refused')
  expect(error.message).toContain(file)
  expect(error.message).toMatch(pattern)
  expect(error.message).toContain('left untouched')
  expect(sha256(file)).toBe(before.hash)
  expect(listDir(dir)).toEqual(before.files)
  return error
}

describe('refused files', () => {
  it('random bytes', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    writeFileSync(file, randomBytes(16_384))
    expectRefused(file, /not an SQLite file/)
  })

  it('random bytes behind an SQLite header', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(16_384)]))
    expectRefused(file, /damaged/)
  })

  it('an SQLite database of another application', () => {
    const file = join(tempDir(), 'other.sqlite')
    const other = new Database(file)
    other.pragma('application_id = 1234')
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')")
    other.close()
    expectRefused(file, /another application \(application_id 1234\)/)
  })

  it('an SQLite database with tables but no application id', () => {
    const file = join(tempDir(), 'plain.sqlite')
    const other = new Database(file)
    other.exec('CREATE TABLE t (x)')
    other.close()
    expectRefused(file, /another application/)
  })

  it('a workbench database from a newer version', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    openDatabase(file).close()
    const raw = new Database(file)
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`)
    raw.close()
    const error = expectRefused(file, /newer version/)
    expect(error.message).toContain(`schema version ${LATEST_VERSION + 10}`)
  })

  it('a truncated workbench database', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    makeBigWorkbenchDb(file)
    const size = readFileSync(file).length
    truncateSync(file, Math.floor(size / 2) + 100)
    expectRefused(file, /damaged/)
  })

  it('a workbench database with a page overwritten', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    makeBigWorkbenchDb(file)
    const bytes = readFileSync(file)
    randomBytes(4096).copy(bytes, 4096 * 3)
    writeFileSync(file, bytes)
    expectRefused(file, /damaged/)
  })

  it('a directory in place of the file', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    mkdirSync(file)
    let caught: unknown
    try {
      openDatabase(file)
    } catch (err) {
      caught = err
    }
    expect((caught as WorkbenchError).code).toBe('storage_refused')
    expect((caught as WorkbenchError).message).toContain('not a regular file')
  })
})

describe('accepted files', () => {
  it('an empty 0-byte file becomes a new database', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    writeFileSync(file, '')
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    db.close()
  })

  it('an empty SQLite database without tables or application id', () => {
    const file = join(tempDir(), 'workbench.sqlite')
    const raw = new Database(file)
    raw.pragma('user_version = 0')
    raw.exec('VACUUM')
    raw.close()
    expect(statSync(file).size).toBeGreaterThan(0)
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    db.close()
  })
})
