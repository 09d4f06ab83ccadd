// Honest storage: a write is refused (never acknowledged) when the database file was deleted or
// moved under the running back end, is read-only, or the disk is full; what was acknowledged
// before stays, in the file or in the copy rescued beside the data directory. Read-only and
// full disks are real tmpfs mounts (root only; the tests say they are skipped otherwise).
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runRestoreCli } from '../../src/backend/cli/restore'
import { dispatch, httpStatus } from '../../src/backend/rpc'
import { acquireDataDirLock } from '../../src/backend/storage/data-dir-lock'
import { repairSideFiles } from '../../src/backend/storage/storage-guard'
import type { Workbench } from '../../src/backend/workbench'
import { sha256 } from './helpers/files'
import { useTempDirs } from './helpers/temp-dirs'
import { callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs('workbench-storage-')
const open: Workbench[] = []
const mounts: string[] = []
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close()
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m])
})

function openWb(dir: string): Workbench {
  const wb = openTestWorkbench(dir)
  open.push(wb)
  return wb
}

async function proposalTitle(wb: Workbench, title: string) {
  const reportId = (await callOk(wb, 'reports.list', {}))[0]!.id
  const id = (await callOk(wb, 'proposals.list', { reportId }))[0]!.id
  return dispatch(wb.handlers, 'proposals.update', { id, patch: { title } })
}

function titlesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT title FROM proposals ORDER BY id').all() as { title: string }[]).map((r) => r.title)
  } finally {
    db.close()
  }
}

/** A tmpfs of `size` at a fresh folder, or null where mounting is not allowed (not root). */
function tmpfs(size: string): string | null {
  const dir = join(tempDir(), 'mnt')
  mkdirSync(dir)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return null
  }
  mounts.push(dir)
  return dir
}
const canMount = (() => {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('a data directory deleted or moved under the running back end', () => {
  it('refuses every later write with storage_moved; the acknowledged ones are rescued and restorable', async () => {
    const parent = tempDir()
    const dataDir = join(parent, 'data')
    const wb = openWb(dataDir)
    const saved = await proposalTitle(wb, 'Đã lưu trước khi xoá')
    expect(saved.ok).toBe(true)

    rmSync(dataDir, { recursive: true, force: true })
    const refused = await proposalTitle(wb, 'Sau khi xoá')
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('storage_moved')
    expect(httpStatus(refused.error.code)).toBe(410)
    const status = await callOk(wb, 'storage.status', {})
    expect(status.problem).toBe('storage_moved')
    expect(status.rescuedCopies).toHaveLength(1)
    const rescued = status.rescuedCopies[0]!
    expect(refused.error.message).toContain(rescued)
    expect(titlesIn(rescued)[0]).toBe('Đã lưu trước khi xoá')
    // Still refused on the next try, and reads keep working.
    expect((await proposalTitle(wb, 'Lần nữa')).ok).toBe(false)
    await wb.close()

    // The next start creates a new database but says so and names the rescued copy.
    const next = openWb(dataDir)
    const nextStatus = await callOk(next, 'storage.status', {})
    expect(nextStatus).toMatchObject({ newDataDir: true, rescuedCopies: [], earlierRescuedCopies: [rescued] })
    await next.close()
    open.length = 0
    const restore = runRestoreCli(['--data-dir', dataDir, '--from', rescued])
    expect(restore.exitCode, restore.message).toBe(0)
    expect(titlesIn(join(dataDir, 'workbench.sqlite'))[0]).toBe('Đã lưu trước khi xoá')
  })

  it('refuses writes when the folder was renamed; everything acknowledged is in the moved file', async () => {
    const parent = tempDir()
    const wb = openWb(join(parent, 'data'))
    expect((await proposalTitle(wb, 'Trước khi chuyển')).ok).toBe(true)
    renameSync(join(parent, 'data'), join(parent, 'moved'))
    const refused = await proposalTitle(wb, 'Sau khi chuyển')
    expect(refused.ok || refused.error.code).toBe('storage_moved')
    await wb.close()
    open.length = 0
    expect(titlesIn(join(parent, 'moved', 'workbench.sqlite'))[0]).toBe('Trước khi chuyển')
  })

  it('refuses writes when another file took the database path', async () => {
    const dir = tempDir()
    const wb = openWb(dir)
    const copy = join(dir, 'copy.sqlite')
    await (await import('node:fs/promises')).copyFile(wb.dbPath, copy)
    renameSync(copy, wb.dbPath)
    const refused = await proposalTitle(wb, 'x')
    expect(refused.ok || refused.error.code).toBe('storage_moved')
  })
})

describe.skipIf(!canMount)('read-only and full disks (tmpfs; skipped unless root can mount)', () => {
  it('a database on a read-only disk at start is refused with one sentence, untouched', async () => {
    const mnt = tmpfs('16m')
    if (!mnt) return
    const dataDir = join(mnt, 'data')
    const first = openWb(dataDir)
    expect((await proposalTitle(first, 'Đã lưu')).ok).toBe(true)
    await first.close()
    open.length = 0
    const before = sha256(join(dataDir, 'workbench.sqlite'))
    execFileSync('mount', ['-o', 'remount,ro', mnt])
    expect(() => openWb(dataDir)).toThrow(/in a folder that cannot be written \(a read-only disk or folder\).*left untouched/)
    // No writer can use a read-only folder, so there is no lock to take (and none is left).
    expect(() => acquireDataDirLock(dataDir, 'the browser shell').release()).not.toThrow()
    expect(sha256(join(dataDir, 'workbench.sqlite'))).toBe(before)
  })

  it('a full disk refuses with storage_full (before the write and from SQLite itself), keeps what was saved, and recovers', async () => {
    const mnt = tmpfs('8m')
    if (!mnt) return
    const wb = openWb(join(mnt, 'data'))
    expect((await proposalTitle(wb, 'Trước khi đầy')).ok).toBe(true)
    const filler = join(mnt, 'filler')
    const free = () => {
      const s = statfsSync(mnt)
      return s.bavail * s.bsize
    }
    // Leave 64 KiB: the check before the write refuses.
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 64 * 1024)))
    const refused = await proposalTitle(wb, 'Đĩa đầy')
    expect(refused.ok || refused.error.code).toBe('storage_full')
    expect(httpStatus('storage_full')).toBe(507)
    // Leave ~400 KiB, then write a larger report: SQLite's own SQLITE_FULL becomes storage_full.
    rmSync(filler)
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 400 * 1024)))
    const big = await dispatch(wb.handlers, 'reports.import', { text: 'Báo cáo thử. '.repeat(200_000), fileName: 'lớn.txt' })
    expect(big.ok || big.error.code).toBe('storage_full')
    rmSync(filler)
    expect((await proposalTitle(wb, 'Sau khi dọn')).ok).toBe(true)
    await wb.close()
    open.length = 0
    expect(titlesIn(join(mnt, 'data', 'workbench.sqlite'))[0]).toBe('Sau khi dọn')
  })
})

describe('side files', () => {
  it('a read-only -wal/-shm left beside a writable database gets the database mode back', () => {
    const dir = tempDir()
    const file = join(dir, 'workbench.sqlite')
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    chmodSync(`${file}-wal`, 0o444)
    chmodSync(`${file}-shm`, 0o444)
    repairSideFiles(file)
    const mode = statSync(file).mode & 0o777
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(mode)
    expect(statSync(`${file}-shm`).mode & 0o777).toBe(mode)
    db.exec('INSERT INTO t VALUES (2)')
    db.close()
  })
})
