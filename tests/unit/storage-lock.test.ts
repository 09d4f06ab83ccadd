// One writer per data directory: a second process on the same folder is refused with one
// sentence naming the first, a lock left by a dead process is taken over, and closing releases it.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataDirLock, LOCK_FILE_NAME, readLock } from '../../src/backend/storage/data-dir-lock'
import { WorkbenchError } from '../../src/core/errors'
import { ServeExit, startServe, stopServe } from './helpers/serve-process'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs('workbench-lock-')

/** The pid of a process that has already exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(run.stdout)
}

describe('data directory lock', () => {
  it('refuses a second holder with a sentence naming the first, and frees the folder on release', () => {
    const dir = tempDir()
    const first = acquireDataDirLock(dir, 'the browser shell')
    expect(readLock(join(dir, LOCK_FILE_NAME))).toMatchObject({ pid: process.pid, owner: 'the browser shell' })
    let refusal: unknown
    try {
      acquireDataDirLock(dir, 'the minutes command')
    } catch (err) {
      refusal = err
    }
    expect(refusal).toBeInstanceOf(WorkbenchError)
    expect((refusal as WorkbenchError).code).toBe('storage_refused')
    expect((refusal as WorkbenchError).message).toMatch(new RegExp(`in use by the browser shell \\(process ${process.pid}, started \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\)`))
    first.release()
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false)
    acquireDataDirLock(dir, 'the minutes command').release()
  })

  it('takes over a lock whose process is gone, and one whose pid now belongs to a later process', () => {
    const dir = tempDir()
    const file = join(dir, LOCK_FILE_NAME)
    writeFileSync(file, JSON.stringify({ pid: deadPid(), startTick: 1, startedAt: new Date().toISOString(), host: '', owner: 'the browser shell' }))
    const lock = acquireDataDirLock(dir, 'the restore command')
    expect(readLock(file)?.pid).toBe(process.pid)
    lock.release()
    // Our own pid with another start time: the pid was reused, the lock is stale.
    writeFileSync(file, JSON.stringify({ pid: process.pid, startTick: 1, startedAt: '2001-01-01T00:00:00Z', host: '', owner: 'x' }))
    if (process.platform === 'linux') acquireDataDirLock(dir, 'the browser shell').release()
    writeFileSync(file, 'not json')
    acquireDataDirLock(dir, 'the browser shell').release()
  })

  it('a second browser shell on the same folder exits with the sentence; one started after a SIGKILL runs', async () => {
    const dir = join(tempDir(), 'data')
    const first = await startServe(dir)
    try {
      const second = await startServe(dir).then(
        async (p) => {
          await stopServe(p)
          return null
        },
        (err: unknown) => err,
      )
      expect(second).toBeInstanceOf(ServeExit)
      expect((second as ServeExit).code).toBe(1)
      expect((second as ServeExit).stderr.trim()).toBe(
        (second as ServeExit).stderr.trim().split('\n')[0],
      )
      expect((second as ServeExit).stderr).toContain(`is already in use by the browser shell (process ${first.child.pid}`)
    } finally {
      first.child.kill('SIGKILL')
      await first.exited
    }
    // The killed shell left its lock behind: the next start takes it over.
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(first.child.pid)
    const third = await startServe(dir)
    expect((await third.rpc('reports.list')).status).toBe(200)
    await stopServe(third)
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false)
  }, 120_000)
})
