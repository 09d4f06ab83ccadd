// Copies of the database in `<data-dir>/backups/`, made with SQLite's own backup machinery so a
// copy taken while the app runs is consistent: before every schema migration (VACUUM INTO, which
// is synchronous like the migration itself), once a day while the app is in use and on request
// (the online backup API, which does not hold the app up). The newest seven are kept. A restore
// never deletes anything: the file it replaces is moved aside first.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { WorkbenchError } from '../../core/errors'
import { checkDatabaseFile } from '../db/preflight'
import type { Db } from '../db/types'

export const BACKUP_DIR_NAME = 'backups'
export const BACKUPS_KEPT = 7
export const DAY_MS = 24 * 60 * 60 * 1000

/** `workbench-20260503-091500-daily.sqlite`; the reason says why it was made. */
const BACKUP_NAME = /^workbench-(\d{8}-\d{6})(?:-\d+)?-(migration-v\d+|daily|manual|before-restore)\.sqlite$/

export interface BackupInfo {
  name: string
  path: string
  /** ISO time the copy was made. */
  createdAt: string
  reason: string
  size: number
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR_NAME)
}

export function isBackupName(name: string): boolean {
  return BACKUP_NAME.test(name)
}

/** The backups of a data directory, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return []
  const found: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    const m = BACKUP_NAME.exec(name)
    if (!m) continue
    const path = join(dir, name)
    const st = statSync(path)
    if (!st.isFile()) continue
    found.push({ name, path, createdAt: st.mtime.toISOString(), reason: m[2]!, size: st.size })
  }
  return found.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)))
}

function newBackupPath(dataDir: string, reason: string, now = new Date()): string {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`
  let path = join(dir, `workbench-${stamp}-${reason}.sqlite`)
  for (let n = 2; existsSync(path); n++) path = join(dir, `workbench-${stamp}-${n}-${reason}.sqlite`)
  return path
}

/** Online backup of an open database (SQLite backup API); the copy appears under its final name only when complete. */
export async function backupDatabase(db: Db, dataDir: string, reason: 'daily' | 'manual'): Promise<BackupInfo> {
  const path = newBackupPath(dataDir, reason)
  const temp = `${path}.partial`
  try {
    await db.backup(temp)
    renameSync(temp, path)
  } finally {
    rmSync(temp, { force: true })
  }
  pruneBackups(dataDir)
  return listBackups(dataDir).find((b) => b.path === path)!
}

/** Synchronous copy taken just before a schema migration changes the file. */
export function backupBeforeMigration(db: Db, dataDir: string, fromVersion: number): string {
  const path = newBackupPath(dataDir, `migration-v${fromVersion}`)
  const temp = `${path}.partial`
  try {
    db.prepare('VACUUM INTO ?').run(temp)
    renameSync(temp, path)
  } finally {
    rmSync(temp, { force: true })
  }
  pruneBackups(dataDir)
  return path
}

/** Keeps the newest BACKUPS_KEPT copies. */
export function pruneBackups(dataDir: string): void {
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true })
}

/** Whether a backup is a healthy workbench database this version can open. */
export function isGoodBackup(path: string, nativeBinding?: string): boolean {
  try {
    return checkDatabaseFile(path, nativeBinding) === 'existing'
  } catch {
    return false
  }
}

export function latestGoodBackup(dataDir: string, nativeBinding?: string): BackupInfo | null {
  return listBackups(dataDir).find((b) => isGoodBackup(b.path, nativeBinding)) ?? null
}

/**
 * Puts a backup in place of `<data-dir>/workbench.sqlite`. The database must be closed. The file
 * replaced (and its side files) is moved aside to `<data-dir>/replaced-<stamp>/`, never deleted;
 * returns that folder, or null when there was no file to replace.
 */
export function restoreBackupFile(dbPath: string, dataDir: string, from: string, nativeBinding?: string): string | null {
  if (!isGoodBackup(from, nativeBinding)) {
    throw new WorkbenchError('bad_request', `${from} is not a healthy workbench database; nothing was changed.`)
  }
  const aside = moveAside(dbPath, dataDir, existsSync(dbPath) && !isGoodBackup(dbPath, nativeBinding) ? 'damaged' : 'replaced')
  const temp = `${dbPath}.restoring`
  copyFileSync(from, temp)
  // A copy made by VACUUM INTO or the backup API is a complete single file.
  const check = new Database(temp)
  try {
    check.pragma('journal_mode = WAL')
  } finally {
    check.close()
  }
  renameSync(temp, dbPath)
  return aside
}

/** Moves the database and its -wal/-shm files into `<data-dir>/<label>-<stamp>/`; null when there is no database. */
export function moveAside(dbPath: string, dataDir: string, label: string): string | null {
  if (!existsSync(dbPath)) return null
  const p = (n: number) => String(n).padStart(2, '0')
  const d = new Date()
  let dir = join(dataDir, `${label}-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`)
  for (let n = 2; existsSync(dir); n++) dir = `${dir}-${n}`
  mkdirSync(dir)
  for (const suffix of ['', '-wal', '-shm']) {
    const f = `${dbPath}${suffix}`
    if (existsSync(f)) renameSync(f, join(dir, `workbench.sqlite${suffix}`))
  }
  return dir
}
