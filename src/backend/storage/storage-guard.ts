// Before every write the back end makes sure that the database it holds open is still the file
// the user sees at its path (same device and inode) and that it can be written, so a save is
// never acknowledged into a deleted, moved or read-only file. SQLite's own storage failures are
// turned into the same three refusals.
import { accessSync, chmodSync, constants, existsSync, statfsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { WorkbenchError } from '../../core/errors'

/** Below this much free space a write is refused before it starts (SQLite needs room for its WAL). */
export const MIN_FREE_BYTES = 256 * 1024

export interface FileIdentity {
  dev: number
  ino: number
}

export function identityOf(file: string): FileIdentity {
  const s = statSync(file)
  return { dev: s.dev, ino: s.ino }
}

/** Throws storage_moved / storage_readonly / storage_full when a write to `file` must not start. */
export function assertWritable(file: string, identity: FileIdentity): void {
  let now: FileIdentity
  try {
    now = identityOf(file)
  } catch {
    throw moved(file)
  }
  if (now.dev !== identity.dev || now.ino !== identity.ino) throw moved(file)

  for (const f of [file, `${file}-wal`, `${file}-shm`, dirname(file)]) {
    if (f !== file && f !== dirname(file) && !existsSync(f)) continue
    try {
      accessSync(f, constants.W_OK)
    } catch {
      throw readOnly(f)
    }
  }
  try {
    const fs = statfsSync(dirname(file))
    if (fs.bavail * fs.bsize < MIN_FREE_BYTES) throw full(file)
  } catch (err) {
    if (err instanceof WorkbenchError) throw err
    // statfs unavailable: SQLite still reports a full disk as SQLITE_FULL, mapped below.
  }
}

/** The storage refusal an SQLite error stands for, or null when it is not about storage. */
export function storageErrorOf(err: unknown, file: string): WorkbenchError | null {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return full(file)
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return code === 'SQLITE_READONLY_DBMOVED' ? moved(file) : readOnly(file)
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return existsSync(file) ? readOnly(file) : moved(file)
  }
  return null
}

export function moved(file: string): WorkbenchError {
  return new WorkbenchError(
    'storage_moved',
    `The database file ${file} is no longer where the workbench opened it (its folder was moved or deleted); nothing more is saved until the workbench is restarted.`,
  )
}

export function readOnly(file: string): WorkbenchError {
  return new WorkbenchError('storage_readonly', `${file} cannot be written (read-only file, folder or disk); the change was not saved.`)
}

export function full(file: string): WorkbenchError {
  return new WorkbenchError('storage_full', `The disk holding ${file} is full; the change was not saved.`)
}

/** Whether the database file (when present) and its folder can be written. */
export function isWritablePath(file: string): boolean {
  for (const f of [file, dirname(file)]) {
    if (f === file && !existsSync(f)) continue
    try {
      accessSync(f, constants.W_OK)
    } catch {
      return false
    }
  }
  return true
}

/**
 * Side files must never keep a database broken: when the database itself can be written but a
 * left-over -wal/-shm cannot (its mode was changed with the folder's), give it the database's mode.
 */
export function repairSideFiles(file: string): void {
  if (!existsSync(file) || !isWritablePath(file)) return
  const mode = statSync(file).mode & 0o777
  for (const side of [`${file}-wal`, `${file}-shm`]) {
    if (!existsSync(side)) continue
    // Mode bits, not access(): a root process may write a 0444 file, its user may not.
    const sideMode = statSync(side).mode & 0o777
    if ((sideMode & 0o222) === (mode & 0o222)) continue
    try {
      chmodSync(side, mode)
    } catch {
      // Not ours to change: the write check names the file when a save is attempted.
    }
  }
}
