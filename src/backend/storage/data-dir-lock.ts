// One writer per data directory: the browser shell, the command line and the Electron app each
// take `<data-dir>/workbench.lock` (pid + start time) before opening the database. A second
// process on the same folder is refused with one sentence naming the first; a lock left by a
// process that no longer runs (killed, crashed) is taken over.
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { WorkbenchError } from '../../core/errors'

export const LOCK_FILE_NAME = 'workbench.lock'

export interface LockInfo {
  pid: number
  /** Kernel start tick of the process where the OS tells it (Linux), else null. */
  startTick: number | null
  startedAt: string
  host: string
  owner: string
}

export interface DataDirLock {
  file: string
  info: LockInfo
  release(): void
}

/** Takes the lock of `dataDir` (which must exist) or throws storage_refused naming the holder. */
export function acquireDataDirLock(dataDir: string, owner: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE_NAME)
  const info: LockInfo = {
    pid: process.pid,
    startTick: startTickOf(process.pid),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    host: hostname(),
    owner,
  }
  const text = `${JSON.stringify(info)}\n`
  // Written whole to a private file, then linked into place: the lock appears complete or not at all.
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, text)
  } catch (err) {
    // A folder this process cannot write to: it will only read (the database opens read-only
    // or is refused), so there is no writer to keep out.
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return { file, info, release: () => undefined }
    throw err
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temp, file)
        return { file, info, release: () => releaseIfOurs(file, text) }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const holder = readLock(file)
      if (holder && isRunning(holder)) throw inUse(dataDir, holder)
      // Stale (its process is gone) or unreadable: take it over. If another starter removes it
      // first, the link above fails again and the new holder is examined.
      rmSync(file, { force: true })
    }
    throw inUse(dataDir, readLock(file))
  } finally {
    rmSync(temp, { force: true })
  }
}

export function readLock(file: string): LockInfo | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null
    return {
      pid: value.pid,
      startTick: typeof value.startTick === 'number' ? value.startTick : null,
      startedAt: String(value.startedAt ?? ''),
      host: String(value.host ?? ''),
      owner: String(value.owner ?? 'workbench'),
    }
  } catch {
    return null
  }
}

/** Whether the process that wrote the lock still runs (a reused pid with another start time does not count). */
export function isRunning(lock: LockInfo): boolean {
  if (lock.host !== '' && lock.host !== hostname()) return true // another machine's process: cannot tell, assume alive
  try {
    process.kill(lock.pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const tick = startTickOf(lock.pid)
  return lock.startTick === null || tick === null || tick === lock.startTick
}

function startTickOf(pid: number): number | null {
  if (process.platform !== 'linux') return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const tick = Number(fields[19])
    return Number.isFinite(tick) ? tick : null
  } catch {
    return null
  }
}

function releaseIfOurs(file: string, text: string): void {
  try {
    if (readFileSync(file, 'utf8') === text) unlinkSync(file)
  } catch {
    // Already gone (the folder may have been removed): nothing to release.
  }
}

function inUse(dataDir: string, holder: LockInfo | null): WorkbenchError {
  const who = holder
    ? `${holder.owner} (process ${holder.pid}${holder.startedAt ? `, started ${localStamp(holder.startedAt)}` : ''})`
    : 'another workbench process'
  return new WorkbenchError('storage_refused', `The data directory ${dataDir} is already in use by ${who}; close it first or choose another data directory.`)
}

/** dd/mm/yyyy HH:MM in local time, as the app writes dates. */
export function localStamp(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`
}
