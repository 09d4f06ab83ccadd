// Backups: taken before a migration and once a day while in use, the newest seven kept, listed
// and restored through the contract and from the command line; a damaged database is moved
// aside (never deleted) and the latest good backup put in its place.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runRestoreCli } from '../../src/backend/cli/restore'
import { DamagedDatabaseError } from '../../src/backend/db/preflight'
import { dispatch } from '../../src/backend/rpc'
import { backupsDir, BACKUPS_KEPT, DAY_MS, listBackups } from '../../src/backend/storage/backups'
import { offerBackup } from '../../src/backend/storage/start-notices'
import { openTestWorkbench } from './helpers/workbench'
import { openAtVersion } from './helpers/migrations'
import { queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { callOk } from './helpers/workbench'

const tempDir = useTempDirs('workbench-backups-')

async function firstProposal(wb: ReturnType<typeof openTestWorkbench>) {
  const reportId = (await callOk(wb, 'reports.list', {}))[0]!.id
  return (await callOk(wb, 'proposals.list', { reportId }))[0]!
}

describe('backups', () => {
  it('takes one before migrating an older database, holding its rows at the old version', () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'workbench.sqlite')
    const old = openAtVersion(file, 20)
    old.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('authorName', JSON.stringify('Trước khi nâng cấp'), '2026-01-01T00:00:00Z')
    old.close()
    const wb = openTestWorkbench(dataDir)
    void wb.close()
    const backups = listBackups(dataDir)
    expect(backups.map((b) => b.reason)).toEqual(['migration-v20'])
    expect(queryFile<{ user_version: number }>(backups[0]!.path, 'PRAGMA user_version')[0]!.user_version).toBe(20)
    expect(queryFile<{ value: string }>(backups[0]!.path, "SELECT value FROM settings WHERE key = 'authorName'")[0]!.value).toContain('Trước khi nâng cấp')
  })

  it('makes a daily backup at the first write a day after the last one, and keeps the newest seven', async () => {
    const dataDir = tempDir()
    const wb = openTestWorkbench(dataDir)
    try {
      const p = await firstProposal(wb)
      await callOk(wb, 'proposals.update', { id: p.id, patch: { title: 'Hôm nay' } })
      expect(listBackups(dataDir)).toEqual([]) // a new database holds only the sample: not yet due

      for (let i = 0; i < BACKUPS_KEPT + 2; i++) await callOk(wb, 'storage.backup', {})
      expect(listBackups(dataDir)).toHaveLength(BACKUPS_KEPT)

      // Age every backup by two days: the next write starts the daily one.
      for (const b of listBackups(dataDir)) utimesSync(b.path, new Date(Date.now() - 2 * DAY_MS), new Date(Date.now() - 2 * DAY_MS))
      const now = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 2 * DAY_MS)
      try {
        await callOk(wb, 'proposals.update', { id: p.id, patch: { title: 'Ngày kia' } })
      } finally {
        now.mockRestore()
      }
      await vi.waitFor(() => expect(listBackups(dataDir)[0]!.reason).toBe('daily'))
      expect(listBackups(dataDir)).toHaveLength(BACKUPS_KEPT)
      expect(queryFile<{ title: string }>(listBackups(dataDir)[0]!.path, 'SELECT title FROM proposals WHERE id = ?', p.id)[0]!.title).toBe('Ngày kia')
    } finally {
      await wb.close()
    }
  })

  it('restores from the list through the contract; the replaced file is moved aside, not deleted', async () => {
    const dataDir = tempDir()
    const wb = openTestWorkbench(dataDir)
    try {
      const p = await firstProposal(wb)
      await callOk(wb, 'proposals.update', { id: p.id, patch: { title: 'Bản đã sao lưu' } })
      const backup = await callOk(wb, 'storage.backup', {})
      expect(await callOk(wb, 'storage.backups', {})).toEqual([backup])
      await callOk(wb, 'proposals.update', { id: p.id, patch: { title: 'Sửa sau sao lưu' } })

      const restored = await callOk(wb, 'storage.restore', { name: backup.name })
      expect((await firstProposal(wb)).title).toBe('Bản đã sao lưu')
      expect(restored.movedAsideTo).not.toBeNull()
      expect(queryFile<{ title: string }>(join(restored.movedAsideTo!, 'workbench.sqlite'), 'SELECT title FROM proposals WHERE id = ?', p.id)[0]!.title).toBe(
        'Sửa sau sao lưu',
      )
      // The restored database takes writes again.
      await callOk(wb, 'proposals.update', { id: p.id, patch: { title: 'Sau khi khôi phục' } })
      expect((await firstProposal(wb)).title).toBe('Sau khi khôi phục')

      // Only names from the list: paths are refused before anything is touched.
      for (const name of ['../workbench.sqlite', '/etc/passwd', 'workbench-x.sqlite/../../a']) {
        const reply = await dispatch(wb.handlers, 'storage.restore', { name })
        expect(reply.ok || reply.error.code).toMatch(/bad_request|not_found/)
      }
    } finally {
      await wb.close()
    }
  })

  it('a damaged database: start-up names the latest good backup, npm run restore moves the damaged file aside and puts it back', async () => {
    const dataDir = tempDir()
    const wb = openTestWorkbench(dataDir)
    const p = await firstProposal(wb)
    await callOk(wb, 'proposals.update', { id: p.id, patch: { title: 'Trong bản sao lưu' } })
    await callOk(wb, 'storage.backup', {})
    await wb.close()

    const file = join(dataDir, 'workbench.sqlite')
    const bytes = readFileSync(file)
    bytes.fill(0x55, 4096, bytes.length) // every page after the first overwritten
    writeFileSync(file, bytes)
    expect(() => openTestWorkbench(dataDir)).toThrow(DamagedDatabaseError)
    expect(offerBackup(dataDir)).toMatch(/^The latest good backup is workbench-.*-manual\.sqlite \(\d\d\/\d\d\/\d{4} \d\d:\d\d\); put it in place with: npm run restore/)

    const result = runRestoreCli(['--data-dir', dataDir])
    expect(result.exitCode, result.message).toBe(0)
    const damagedDir = readdirSync(dataDir).find((n) => n.startsWith('damaged-'))
    expect(damagedDir).toBeDefined()
    expect(readFileSync(join(dataDir, damagedDir!, 'workbench.sqlite')).equals(bytes)).toBe(true)
    const reopened = openTestWorkbench(dataDir)
    try {
      expect((await firstProposal(reopened)).title).toBe('Trong bản sao lưu')
    } finally {
      await reopened.close()
    }
  })

  it('npm run restore says so when there is nothing to restore, and refuses while the folder is in use', async () => {
    const dataDir = tempDir()
    expect(runRestoreCli(['--data-dir', dataDir]).exitCode).toBe(3)
    expect(runRestoreCli(['--data-dir', dataDir, '--bogus']).exitCode).toBe(2)
    const wb = openTestWorkbench(dataDir)
    await callOk(wb, 'storage.backup', {})
    await wb.close()
    const held = (await import('../../src/backend/storage/data-dir-lock')).acquireDataDirLock(dataDir, 'the browser shell')
    try {
      const result = runRestoreCli(['--data-dir', dataDir])
      expect(result.exitCode).toBe(1)
      expect(result.message).toContain('already in use by the browser shell')
      expect(existsSync(backupsDir(dataDir))).toBe(true)
    } finally {
      held.release()
    }
  })
})
