// A read-only database file, as an ordinary user meets it: the browser shell runs as an
// unprivileged user (root ignores file modes), the file is made read-only while it runs and
// before it starts, and -wal/-shm files left read-only by a killed run. Skipped unless root.
import { chownSync, chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServe, stopServe, type ServeProcess } from './helpers/serve-process'
import { useTempDirs } from './helpers/temp-dirs'

const NOBODY = { uid: 65534, gid: 65534 }
const tempDir = useTempDirs('workbench-ro-')

async function setFirstTitle(p: ServeProcess, title: string) {
  const reports = (await p.rpc('reports.list')).body.value as { id: number }[]
  const proposals = (await p.rpc('proposals.list', { reportId: reports[0]!.id })).body.value as { id: number }[]
  return p.rpc('proposals.update', { id: proposals[0]!.id, patch: { title } })
}

describe.skipIf(process.getuid?.() !== 0)('a read-only database under an ordinary user', () => {
  it('refuses writes with storage_readonly while the file is read-only, opens read-only at start, and repairs side files', async () => {
    const root = tempDir()
    chmodSync(root, 0o755)
    const dataDir = join(root, 'data')
    mkdirSync(dataDir)
    chownSync(dataDir, NOBODY.uid, NOBODY.gid)
    const db = join(dataDir, 'workbench.sqlite')

    let p = await startServe(dataDir, NOBODY)
    try {
      expect((await setFirstTitle(p, 'Ghi được')).status).toBe(200)
      chmodSync(db, 0o444)
      const refused = await setFirstTitle(p, 'Không ghi được')
      expect(refused.status).toBe(409)
      expect(refused.body.error?.code).toBe('storage_readonly')
      expect(refused.body.error?.message).toMatch(/cannot be written .*the change was not saved/)
      chmodSync(db, 0o644)
      expect((await setFirstTitle(p, 'Ghi lại được')).status).toBe(200)
      // All three made read-only while it runs, then only the database made writable again.
      for (const f of [db, `${db}-wal`, `${db}-shm`]) chmodSync(f, 0o444)
      expect((await setFirstTitle(p, 'x')).body.error?.code).toBe('storage_readonly')
      chmodSync(db, 0o644)
      expect((await setFirstTitle(p, 'Ghi lại được')).status).toBe(200)
    } finally {
      await stopServe(p)
    }

    // Read-only before start: opened read-only, said so, reads work, writes refused.
    chmodSync(db, 0o444)
    p = await startServe(dataDir, NOBODY)
    try {
      expect(p.stderr()).toContain('cannot be written: it is open read-only')
      expect((await p.rpc('storage.status')).body.value).toMatchObject({ readOnly: true })
      const reports = (await p.rpc('reports.list')).body.value as { id: number }[]
      const proposals = (await p.rpc('proposals.list', { reportId: reports[0]!.id })).body.value as { title: string }[]
      expect(proposals[0]!.title).toBe('Ghi lại được')
      expect((await setFirstTitle(p, 'x')).body.error?.code).toBe('storage_readonly')
    } finally {
      await stopServe(p)
    }

    // A killed run leaves -wal/-shm; all three made read-only, then only the database made writable again.
    chmodSync(db, 0o644)
    p = await startServe(dataDir, NOBODY)
    expect((await setFirstTitle(p, 'Trước khi bị dừng')).status).toBe(200)
    p.child.kill('SIGKILL')
    await p.exited
    for (const f of [db, `${db}-wal`, `${db}-shm`]) chmodSync(f, 0o444)
    chmodSync(db, 0o644)
    p = await startServe(dataDir, NOBODY)
    try {
      expect((await p.rpc('storage.status')).body.value).toMatchObject({ readOnly: false })
      expect((await setFirstTitle(p, 'Sau khi sửa')).status).toBe(200)
    } finally {
      await stopServe(p)
    }
  }, 120_000)
})
