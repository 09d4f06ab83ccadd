// Looks at an existing database file through a read-only connection before anything
// opens it for writing, so a foreign, damaged or newer file is refused untouched.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { WorkbenchError } from '../../core/errors'
import { APPLICATION_ID, LATEST_VERSION } from './migrations'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

export type FileState = 'new' | 'existing'

/** Throws WorkbenchError('storage_refused') unless the file is absent, empty, or a healthy workbench database we can upgrade. */
export function checkDatabaseFile(file: string, nativeBinding?: string): FileState {
  if (!existsSync(file)) return 'new'
  const stat = statSync(file)
  if (!stat.isFile()) throw refused(`"${file}" is not a regular file. Remove it or choose another data directory, then start again.`)
  if (stat.size === 0) return 'new'
  if (!hasSqliteHeader(file)) {
    throw refused(
      `"${file}" is not a workbench database (it is not an SQLite file). It was left untouched. ` +
        'Move or rename it, or choose another data directory, then start again.',
    )
  }

  // A read-only connection may create -wal/-shm side files; remove the ones it made if we refuse.
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f))
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
    inspect(db, file)
    return 'existing'
  } catch (err) {
    db?.close()
    db = undefined
    for (const f of sideFiles) rmSync(f, { force: true })
    if (err instanceof WorkbenchError) throw err
    const code = (err as { code?: unknown }).code
    if (typeof code === 'string' && [...DAMAGE_CODES].some((c) => code.startsWith(c))) throw damaged(file, String((err as Error).message))
    if (!canWriteFolder(dirname(file))) {
      throw refused(
        `The database "${file}" is in a folder that cannot be written (a read-only disk or folder), so it cannot be opened. ` +
          'It was left untouched. Make the folder writable or copy the data directory elsewhere, then start again.',
      )
    }
    throw refused(
      `The database "${file}" could not be checked (${String(code ?? 'error')}: ${(err as Error).message}). ` +
        'It was left untouched. Close any other program using it and check its permissions, then start again.',
    )
  } finally {
    db?.close()
  }
}

function inspect(db: Database.Database, file: string): void {
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)
  if (problems.length !== 1 || problems[0] !== 'ok') throw damaged(file, problems.slice(0, 3).join('; '))

  const applicationId = db.pragma('application_id', { simple: true }) as number
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n
  if (applicationId !== APPLICATION_ID && (tables > 0 || applicationId !== 0)) {
    throw refused(
      `"${file}" is an SQLite database of another application (application_id ${applicationId}), not a workbench database. ` +
        'It was left untouched. Move it away or choose another data directory, then start again.',
    )
  }

  const userVersion = db.pragma('user_version', { simple: true }) as number
  if (userVersion > LATEST_VERSION) {
    throw refused(
      `The database "${file}" was written by a newer version of the workbench (schema version ${userVersion}; ` +
        `this version knows up to ${LATEST_VERSION}). It was left untouched. Install the newer version to open it.`,
    )
  }
}

function canWriteFolder(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length)
    const read = readSync(fd, header, 0, header.length, 0)
    return read === header.length && header.equals(SQLITE_MAGIC)
  } finally {
    closeSync(fd)
  }
}

/** A damaged database: the shells offer the latest good backup in its place. */
export class DamagedDatabaseError extends WorkbenchError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super('storage_refused', message)
  }
}

function damaged(file: string, detail: string): WorkbenchError {
  return new DamagedDatabaseError(
    file,
    `The database "${file}" is damaged (${detail}). It was left untouched. ` +
      'Restore it from a backup, or move it away so that a new one is created, then start again.',
  )
}

function refused(message: string): WorkbenchError {
  return new WorkbenchError('storage_refused', message)
}
