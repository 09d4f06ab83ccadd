// First use of a data directory: the bundled sample and its checklist arrive once,
// whole, with source anchors that point at the quoted text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../src/backend/db/connection'
import { DATABASE_FILE_NAME } from '../../src/backend/workbench'
import { copyBundle, editJson } from './helpers/bundle'
import { countRows } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { BUNDLED_DATA_DIR, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
afterEach(() => vi.restoreAllMocks())

interface ChecklistJson {
  items: { sector: string; title: string; quote: string; status: string }[]
}

function bundledSample() {
  const manifest = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'manifest.json'), 'utf8')) as { defaultSample: string }
  const dir = join(BUNDLED_DATA_DIR, manifest.defaultSample)
  return {
    meta: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { title: string; date: string },
    checklist: JSON.parse(readFileSync(join(dir, 'checklist.json'), 'utf8')) as ChecklistJson,
  }
}

describe('seeding a new data directory', () => {
  it('creates the directory and imports the sample report with its checklist', async () => {
    const dataDir = join(tempDir(), 'nested', 'data')
    const wb = openTestWorkbench(dataDir)
    expect(wb.dbPath).toBe(join(dataDir, DATABASE_FILE_NAME))
    const sample = bundledSample()

    const reports = await callOk(wb, 'reports.list', {})
    expect(reports).toHaveLength(1)
    expect(reports[0]!.title).toBe(sample.meta.title.normalize('NFC'))
    expect(reports[0]!.date).toBe(sample.meta.date)

    const report = await callOk(wb, 'reports.get', { id: reports[0]!.id })
    expect(report.text.length).toBeGreaterThan(1000)
    expect(report.text).toBe(report.text.normalize('NFC'))
    expect(report.blocks.length).toBeGreaterThan(3)

    const proposals = await callOk(wb, 'proposals.list', { reportId: report.id })
    expect(proposals.length).toBeGreaterThanOrEqual(20)
    expect(proposals).toHaveLength(sample.checklist.items.length)
    expect(proposals.map((p) => p.sortOrder)).toEqual(proposals.map((_, i) => i))
    for (const p of proposals) {
      expect(p.source, p.title).not.toBeNull()
      expect(report.text.slice(p.source!.start, p.source!.end)).toBe(p.source!.exact)
      expect(p.source!.exact.length).toBeGreaterThan(0)
    }
    expect(countRows(wb.dbPath, 'report_revisions')).toBe(1)
    wb.close()
  })

  it('does not seed again on reopen', async () => {
    const dataDir = tempDir()
    const first = openTestWorkbench(dataDir)
    const count = (await callOk(first, 'proposals.list', { reportId: 1 })).length
    first.close()
    const second = openTestWorkbench(dataDir)
    expect(await callOk(second, 'reports.list', {})).toHaveLength(1)
    expect(await callOk(second, 'proposals.list', { reportId: 1 })).toHaveLength(count)
    second.close()
    expect(countRows(second.dbPath, 'proposals')).toBe(count)
  })

  it('leaves the database empty when seeding fails half-way', () => {
    const dataDir = tempDir()
    const dbPath = join(dataDir, DATABASE_FILE_NAME)
    const db = openDatabase(dbPath)
    db.exec(`CREATE TRIGGER fail_fifth BEFORE INSERT ON proposals WHEN (SELECT count(*) FROM proposals) >= 4
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
    db.close()
    expect(() => openTestWorkbench(dataDir)).toThrow(/injected failure/)
    expect(countRows(dbPath, 'reports')).toBe(0)
    expect(countRows(dbPath, 'report_revisions')).toBe(0)
    expect(countRows(dbPath, 'proposals')).toBe(0)
  })

  it('refuses a broken starter checklist without writing anything, then seeds from a good bundle', async () => {
    const dir = tempDir()
    const { bundleDir, checklistFile } = copyBundle(dir)
    editJson<ChecklistJson>(checklistFile, (c) => {
      c.items[c.items.length - 1]!.status = 'maybe'
    })
    const dataDir = join(dir, 'data')
    expect(() => openTestWorkbench(dataDir, bundleDir)).toThrow(/checklist\.json/)
    expect(countRows(join(dataDir, DATABASE_FILE_NAME), 'reports')).toBe(0)

    const wb = openTestWorkbench(dataDir)
    expect(await callOk(wb, 'reports.list', {})).toHaveLength(1)
    wb.close()
  })

  it('refuses a checklist item with an unknown sector', () => {
    const dir = tempDir()
    const { bundleDir, checklistFile } = copyBundle(dir)
    editJson<ChecklistJson>(checklistFile, (c) => {
      c.items[0]!.sector = 'astronomy'
    })
    expect(() => openTestWorkbench(join(dir, 'data'), bundleDir)).toThrow(/unknown sector "astronomy"/)
    expect(countRows(join(dir, 'data', DATABASE_FILE_NAME), 'reports')).toBe(0)
  })

  it('keeps an item whose quote is not in the text, without a source and with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const dir = tempDir()
    const { bundleDir, checklistFile } = copyBundle(dir)
    editJson<ChecklistJson>(checklistFile, (c) => {
      c.items[2]!.quote = 'câu này không có trong báo cáo'
    })
    const wb = openTestWorkbench(join(dir, 'data'), bundleDir)
    const proposals = await callOk(wb, 'proposals.list', { reportId: 1 })
    expect(proposals[2]!.source).toBeNull()
    expect(proposals.filter((p) => p.source === null)).toHaveLength(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('starter item 3'))
    wb.close()
  })
})
