// Opens the workbench database: refuses unusable files first (read-only), then opens
// read-write with our pragmas and brings the schema up to date.
import Database from 'better-sqlite3'
import { WorkbenchError } from '../../core/errors'
import { installChangeCapture } from './change-capture'
import { LATEST_VERSION, migrate, schemaVersion } from './migrations'
import { checkDatabaseFile } from './preflight'
import { registerSqlFunctions } from './sql-functions'
import type { Db } from './types'

export type { Db } from './types'

export interface OpenDatabaseOptions {
  /** better-sqlite3 binary built for the running ABI (Electron passes its own). */
  nativeBinding?: string
  /** Opens without writing anything (no pragmas that write, no migrations); an outdated schema is refused. */
  readonly?: boolean
  /** Called with the current schema version when migrations are about to change an existing database. */
  beforeMigrate?: (db: Db, fromVersion: number) => void
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  checkDatabaseFile(file, options.nativeBinding)
  if (options.readonly) return openReadOnly(file, options.nativeBinding)
  const db = new Database(file, { nativeBinding: options.nativeBinding })
  try {
    configure(db)
    const version = schemaVersion(db)
    if (version > 0 && version < LATEST_VERSION) options.beforeMigrate?.(db, version)
    migrate(db)
    installChangeCapture(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

function openReadOnly(file: string, nativeBinding?: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    db.pragma('foreign_keys = ON')
    registerSqlFunctions(db)
    if (schemaVersion(db) < LATEST_VERSION) {
      throw new WorkbenchError(
        'storage_refused',
        `The database ${file} is read-only and was made by an older version of the workbench, which must update it before use; make it writable, then start again.`,
      )
    }
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
