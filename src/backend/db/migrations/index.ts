// The ordered list of schema migrations and the runner that applies them: one
// transaction per migration, committed together with its PRAGMA user_version.
import { inWriteTransaction } from '../transaction'
import type { Db } from '../types'
import * as m0010 from './0010-foundation'
import * as m0020 from './0020-annotations'
import * as m0030 from './0030-meetings'
import * as m0040 from './0040-report-trash'
import * as m0050 from './0050-meeting-record'
import * as m0080 from './0080-annotation-reviews'
import * as m0070 from './0070-record-versions'
import * as m0090 from './0090-report-versions'
import * as m0100 from './0100-heading-hints'

export interface Migration {
  /** Schema version after this migration; steps of 10 leave room for fixes in between. */
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0070, m0080, m0090, m0100]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/** Marks the file as ours in the SQLite header ('PRWB'), so foreign databases can be told apart. */
export const APPLICATION_ID = 0x50525742

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the schema up to `target` (the latest by default; tests stop earlier to
 * check that rows survive the next step). A failing migration rolls back alone,
 * leaving the database at the previous version.
 */
export function migrate(db: Db, target: number = LATEST_VERSION): void {
  const current = schemaVersion(db)
  if (current > LATEST_VERSION) {
    throw new Error(`schema version ${current} is newer than this code knows (${LATEST_VERSION})`)
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue
    // IMMEDIATE takes the write lock first, so two processes opening the same file
    // cannot both apply a step: the second sees the new version and skips it.
    inWriteTransaction(db, () => {
      if (schemaVersion(db) >= migration.version) return
      db.exec(migration.sql)
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.pragma(`user_version = ${migration.version}`)
    })
  }
}
