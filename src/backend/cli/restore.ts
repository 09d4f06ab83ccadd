// `npm run restore -- --data-dir DIR [--from FILE]`: puts a backup (the latest good one in
// <data-dir>/backups/ unless --from names another) in place of the database while no other
// process holds the folder. The file it replaces, damaged or not, is moved aside, never deleted.
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { WorkbenchError } from '../../core/errors'
import { defaultDataDir } from '../paths'
import { latestGoodBackup, restoreBackupFile } from '../storage/backups'
import { acquireDataDirLock } from '../storage/data-dir-lock'

export const RESTORE_USAGE = 'Usage: npm run restore -- [--data-dir DIR] [--from FILE]'
const DATABASE_FILE_NAME = 'workbench.sqlite'

export const RESTORE_EXIT = { ok: 0, failed: 1, usage: 2, noBackup: 3 } as const

export function runRestoreCli(argv: readonly string[]): { exitCode: number; message: string } {
  let values: { 'data-dir'?: string; from?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    return { exitCode: RESTORE_EXIT.usage, message: `${(err as Error).message}\n${RESTORE_USAGE}` }
  }
  if (values.help) return { exitCode: RESTORE_EXIT.ok, message: RESTORE_USAGE }
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') {
    return { exitCode: RESTORE_EXIT.usage, message: `--data-dir needs a directory\n${RESTORE_USAGE}` }
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir())
  let from: string
  if (values.from !== undefined) {
    from = resolve(values.from)
    if (!existsSync(from)) return { exitCode: RESTORE_EXIT.noBackup, message: `${from} does not exist; nothing was changed.` }
  } else {
    const latest = latestGoodBackup(dataDir)
    if (!latest) return { exitCode: RESTORE_EXIT.noBackup, message: `No good backup in ${join(dataDir, 'backups')}; nothing was changed.` }
    from = latest.path
  }
  mkdirSync(dataDir, { recursive: true })
  try {
    const lock = acquireDataDirLock(dataDir, 'the restore command')
    try {
      const aside = restoreBackupFile(join(dataDir, DATABASE_FILE_NAME), dataDir, from)
      return {
        exitCode: RESTORE_EXIT.ok,
        message: `Restored ${from} into ${dataDir}${aside ? `; the previous database was moved to ${aside}` : ''}.`,
      }
    } finally {
      lock.release()
    }
  } catch (err) {
    if (err instanceof WorkbenchError) return { exitCode: RESTORE_EXIT.failed, message: err.message }
    return { exitCode: RESTORE_EXIT.failed, message: `Restore failed: ${(err as Error).message}` }
  }
}

const isMain = process.argv[1] !== undefined && import.meta.filename === process.argv[1]
if (isMain) {
  const { exitCode, message } = runRestoreCli(process.argv.slice(2))
  ;(exitCode === RESTORE_EXIT.ok ? process.stdout : process.stderr).write(`${message}\n`)
  process.exitCode = exitCode
}
