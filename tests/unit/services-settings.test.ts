// Preferences: defaults, partial updates that persist, and stored values that no
// longer validate falling back to their defaults.
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { DEFAULT_SETTINGS } from '../../src/core/domain'
import { queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let dataDir: string
let wb: Workbench

beforeEach(() => {
  dataDir = tempDir()
  wb = openTestWorkbench(dataDir)
})
afterEach(() => {
  wb.close()
  vi.restoreAllMocks()
})

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await callOk(wb, 'settings.get', {})).toEqual(DEFAULT_SETTINGS)
  })

  it('applies a partial update, returns the full settings and keeps them across reopening', async () => {
    const updated = await callOk(wb, 'settings.update', { locale: 'en', zoom: 1.25, currentReportId: 1 })
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, locale: 'en', zoom: 1.25, currentReportId: 1 })
    const again = await callOk(wb, 'settings.update', { splitRatio: 0.4 })
    expect(again).toEqual({ ...updated, splitRatio: 0.4 })
    wb.close()
    wb = openTestWorkbench(dataDir)
    expect(await callOk(wb, 'settings.get', {})).toEqual(again)
  })

  it('stores the author name in NFC', async () => {
    const nfd = 'Nguyễn Hữu Minh'.normalize('NFD')
    const updated = await callOk(wb, 'settings.update', { authorName: nfd })
    expect(updated.authorName).toBe('Nguyễn Hữu Minh'.normalize('NFC'))
    const [row] = queryFile<{ value: string }>(wb.dbPath, "SELECT value FROM settings WHERE key = 'authorName'")
    expect(JSON.parse(row!.value)).toBe('Nguyễn Hữu Minh'.normalize('NFC'))
  })

  it('refuses invalid values and unknown reports, writing nothing', async () => {
    expect((await callError(wb, 'settings.update', { zoom: 9 })).code).toBe('bad_request')
    expect((await callError(wb, 'settings.update', { locale: 'fr', zoom: 1.5 })).code).toBe('bad_request')
    expect((await callError(wb, 'settings.update', { currentReportId: 999 })).code).toBe('not_found')
    expect(queryFile(wb.dbPath, 'SELECT * FROM settings')).toEqual([])
    expect(await callOk(wb, 'settings.get', {})).toEqual(DEFAULT_SETTINGS)
  })

  it('ignores stored values that do not validate and keeps the valid ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await callOk(wb, 'settings.update', { locale: 'en' })
    const raw = new Database(wb.dbPath)
    const write = raw.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, 'now')")
    write.run('zoom', '7')
    write.run('splitRatio', '"wide"')
    write.run('currentReportId', '-3')
    write.run('somethingElse', '1')
    raw.close()
    expect(await callOk(wb, 'settings.get', {})).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"zoom"'))
  })
})
