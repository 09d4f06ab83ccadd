// The workbench as a whole: app info, sectors, the dispatcher's refusals, data that
// outlives a restart, and a data directory whose database must not be opened.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME } from '../../src/backend/workbench'
import { SectorsFile } from '../../src/core/data-files'
import { sha256 } from './helpers/files'
import { useTempDirs } from './helpers/temp-dirs'
import { BUNDLED_DATA_DIR, TEST_HOST, callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()

describe('workbench', () => {
  it('reports app info from the host and the data directory', async () => {
    const dataDir = tempDir()
    const wb = openTestWorkbench(dataDir)
    expect(await callOk(wb, 'app.info', {})).toEqual({ version: TEST_HOST.version, shell: TEST_HOST.shell, dataDir })
    wb.close()
  })

  it('lists the sectors of data/sectors.json', async () => {
    const wb = openTestWorkbench(tempDir())
    const file = SectorsFile.parse(JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'sectors.json'), 'utf8')))
    expect(await callOk(wb, 'sectors.list', {})).toEqual(file.sectors)
    wb.close()
  })

  it('answers not_found for an unknown method', async () => {
    const wb = openTestWorkbench(tempDir())
    expect((await callError(wb, 'reports.burn', {})).code).toBe('not_found')
    wb.close()
  })

  it('keeps every change after close and reopen', async () => {
    const dataDir = tempDir()
    const first = openTestWorkbench(dataDir)
    const [a, b, c] = await callOk(first, 'proposals.list', { reportId: 1 })
    await callOk(first, 'proposals.update', { id: a!.id, patch: { status: 'accepted', title: 'Đã sửa' } })
    await callOk(first, 'proposals.delete', { id: b!.id })
    const created = await callOk(first, 'proposals.create', { reportId: 1, title: 'Thêm', sector: a!.sector, afterId: c!.id })
    const imported = await callOk(first, 'reports.import', { text: 'Báo cáo thử.\n\nNội dung.', title: 'Thử' })
    const expected = await callOk(first, 'proposals.list', { reportId: 1 })
    first.close()

    const second = openTestWorkbench(dataDir)
    expect(await callOk(second, 'proposals.list', { reportId: 1 })).toEqual(expected)
    expect(expected.find((p) => p.id === a!.id)).toMatchObject({ status: 'accepted', title: 'Đã sửa' })
    expect(expected.map((p) => p.id)).toContain(created.id)
    expect(await callOk(second, 'reports.get', { id: imported.id })).toEqual(imported)
    await callOk(second, 'proposals.restore', { id: b!.id })
    second.close()
  })

  it('refuses a data directory holding a file that is not a workbench database, leaving it as it was', () => {
    const dataDir = join(tempDir(), 'data')
    mkdirSync(dataDir)
    const dbPath = join(dataDir, DATABASE_FILE_NAME)
    writeFileSync(dbPath, 'Biên bản cuộc họp — not a database\n'.repeat(200))
    const hash = sha256(dbPath)
    expect(() => openTestWorkbench(dataDir)).toThrow(expect.objectContaining({ code: 'storage_refused', message: expect.stringContaining(dbPath) }))
    expect(sha256(dbPath)).toBe(hash)
  })
})
