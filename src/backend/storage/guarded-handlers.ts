// Wraps every contract method that writes: the storage check runs just before the handler (the
// handlers are synchronous up to their transaction, so nothing slips in between), SQLite's own
// storage failures become storage_* refusals, and a successful write may start the daily backup.
// When the database has been moved or deleted under the app, everything saved so far is copied
// out of the still-open file once, beside the data directory, so nothing acknowledged is lost.
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Handlers, Method } from '../../core/contract'
import { WorkbenchError } from '../../core/errors'
import type { Db } from '../db/types'
import { backupDatabase, DAY_MS } from './backups'
import { assertWritable, readOnly, repairSideFiles, storageErrorOf, type FileIdentity } from './storage-guard'

/** Methods that never write the database: they run even on a read-only or moved file. */
export const READ_ONLY_METHODS: ReadonlySet<Method> = new Set<Method>([
  'app.info',
  'reports.list',
  'reports.get',
  'reports.revisions',
  'sectors.list',
  'proposals.list',
  'proposals.suggest',
  'settings.get',
  'annotations.list',
  'annotations.exportW3C',
  'annotations.exportMarkdown',
  'search.query',
  'meetings.list',
  'meetings.get',
  'meetings.knownAttendees',
  'minutes.getSettings',
  'minutes.preview',
  'minutes.export',
  'storage.status',
  'storage.backups',
  'storage.backup',
  'reports.trash',
  'reports.previewRevision',
  'reports.revisionDiff',
  'minutes.presets',
  // Reading an uploaded file writes nothing to the database; committing it does.
  'imports.begin',
  'imports.chunk',
  'imports.open',
  'imports.status',
  'imports.cancel',
  'imports.text',
])

export interface GuardState {
  dbPath: string
  dataDir: string
  identity: FileIdentity
  /** Opened read-only at start: every write is refused. */
  readOnly: boolean
  problem: 'storage_moved' | 'storage_readonly' | 'storage_full' | null
  rescuedCopies: string[]
  /** ms since epoch of the newest backup, 0 when none. */
  lastBackupAt: number
  backingUp: Promise<unknown> | null
  db: () => Db
}

export function guardHandlers(handlers: Handlers, state: GuardState): Handlers {
  const guarded: Record<string, (args: unknown) => unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as [Method, (args: unknown) => unknown][]) {
    guarded[name] = READ_ONLY_METHODS.has(name) ? handler : (args: unknown) => guardedWrite(state, name, () => handler(args))
  }
  return guarded as Handlers
}

async function guardedWrite(state: GuardState, _name: Method, write: () => unknown): Promise<unknown> {
  try {
    if (state.readOnly) throw readOnly(state.dbPath)
    // Side files left read-only beside a writable database must not keep saving broken.
    repairSideFiles(state.dbPath)
    assertWritable(state.dbPath, state.identity)
  } catch (err) {
    throw await refusal(state, err)
  }
  let value: unknown
  try {
    value = await write()
  } catch (err) {
    const storageError = storageErrorOf(err, state.dbPath)
    if (storageError) throw await refusal(state, storageError)
    throw err
  }
  state.problem = null
  maybeDailyBackup(state)
  return value
}

async function refusal(state: GuardState, err: unknown): Promise<unknown> {
  if (!(err instanceof WorkbenchError)) return err
  if (err.code === 'storage_moved' || err.code === 'storage_readonly' || err.code === 'storage_full') state.problem = err.code
  if (err.code !== 'storage_moved') return err
  if (state.rescuedCopies.length === 0) {
    const target = rescuePath(state.dataDir)
    try {
      await state.db().backup(target)
      state.rescuedCopies.push(target)
    } catch (backupErr) {
      console.error('[storage] could not copy the moved database out:', backupErr)
    }
  }
  const copy = state.rescuedCopies[0]
  return copy ? new WorkbenchError('storage_moved', `${err.message} Everything saved so far was copied to ${copy}.`) : err
}

function maybeDailyBackup(state: GuardState): void {
  if (state.backingUp || Date.now() - state.lastBackupAt < DAY_MS) return
  state.lastBackupAt = Date.now()
  state.backingUp = backupDatabase(state.db(), state.dataDir, 'daily')
    .catch((err: unknown) => console.error('[storage] daily backup failed:', err))
    .finally(() => (state.backingUp = null))
}

/** `<parent>/<data-dir name>-rescued-<stamp>.sqlite`, or the temp folder when the parent is gone too. */
function rescuePath(dataDir: string): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`
  const parent = existsSync(dirname(dataDir)) ? dirname(dataDir) : tmpdir()
  return join(parent, `${basename(dataDir)}-rescued-${stamp}.sqlite`)
}

/** Rescued copies of this data directory left by an earlier run (listed when a new database is created). */
export function findRescuedCopies(dataDir: string): string[] {
  const prefix = `${basename(dataDir)}-rescued-`
  const found: string[] = []
  for (const dir of new Set([dirname(dataDir), tmpdir()])) {
    try {
      for (const name of readdirSync(dir)) if (name.startsWith(prefix) && name.endsWith('.sqlite')) found.push(join(dir, name))
    } catch {
      // Folder unreadable: nothing to list.
    }
  }
  return found.sort().reverse()
}
