// Builds databases at a chosen schema version, so each migration can be tested by
// inserting rows at the version before it and checking they survive the step.
import Database from 'better-sqlite3'
import { configure, type Db } from '../../../src/backend/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/backend/db/migrations'

/** A new database file with migrations applied up to and including `version` (0 = empty). */
export function openAtVersion(file: string, version: number): Db {
  if (version !== 0 && !MIGRATIONS.some((m) => m.version === version)) throw new Error(`no migration ${version}`)
  const db = new Database(file)
  configure(db)
  migrate(db, version)
  if (schemaVersion(db) !== version) throw new Error(`expected user_version ${version}, got ${schemaVersion(db)}`)
  return db
}

/** The migration version just before `version` (0 for the first one). */
export function previousVersion(version: number): number {
  const index = MIGRATIONS.findIndex((m) => m.version === version)
  if (index < 0) throw new Error(`no migration ${version}`)
  return index === 0 ? 0 : MIGRATIONS[index - 1]!.version
}

/**
 * Opens a database at the version before `version`, lets `insert` write rows there,
 * applies `version` and returns the migrated handle for assertions.
 */
export function migrateAcross(file: string, version: number, insert: (db: Db) => void): Db {
  const db = openAtVersion(file, previousVersion(version))
  insert(db)
  migrate(db, version)
  return db
}

export interface ColumnInfo {
  name: string
  type: string
  notnull: number
  pk: number
}

export function columnsOf(db: Db, table: string): ColumnInfo[] {
  return db.pragma(`table_info(${table})`) as ColumnInfo[]
}
