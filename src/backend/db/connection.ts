// Opens the workbench database: refuses unusable files first (read-only), then opens
// read-write with our pragmas and brings the schema up to date.
import Database from 'better-sqlite3'
import { installChangeCapture } from './change-capture'
import { migrate } from './migrations'
import { checkDatabaseFile } from './preflight'
import { registerSqlFunctions } from './sql-functions'
import type { Db } from './types'

export type { Db } from './types'

export interface OpenDatabaseOptions {
  /** better-sqlite3 binary built for the running ABI (Electron passes its own). */
  nativeBinding?: string
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  checkDatabaseFile(file, options.nativeBinding)
  const db = new Database(file, { nativeBinding: options.nativeBinding })
  try {
    configure(db)
    migrate(db)
    installChangeCapture(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/** Connection settings every handle needs; exported so migration tests configure theirs identically. */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  registerSqlFunctions(db)
}
