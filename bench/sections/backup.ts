// Backup of a large database: 100,000 annotations (with their search index) on the sample report,
// copied with SQLite's online backup API as the daily and manual backups do; median of 3 runs.
// The copy is opened afterwards to check it holds every annotation.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { insertAnnotation } from '../../src/backend/db/annotations'
import { openDatabase } from '../../src/backend/db/connection'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench } from '../../src/backend/workbench'
import { median, type BenchRow } from '../table'

export const name = 'backup'

const ANNOTATIONS = 100_000
const RUNS = 3

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-backup-'))
  try {
    const dataDir = join(dir, 'data')
    const seeded = openWorkbench({ dataDir, bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
    const dbPath = seeded.dbPath
    await seeded.close()
    const db = openDatabase(dbPath)
    const report = db.prepare('SELECT id, text FROM reports ORDER BY id LIMIT 1').get() as {
      id: number
      text: string
    }
    const at = new Date().toISOString()
    db.transaction(() => {
      for (let i = 0; i < ANNOTATIONS; i++) {
        const start = (i * 37) % (report.text.length - 80)
        const end = start + 20 + (i % 50)
        insertAnnotation(db, {
          id: randomUUID(),
          reportId: report.id,
          kind: 'note',
          colour: 'yellow',
          body: `Ghi chú số ${i + 1}: cần làm rõ nguồn vốn và tiến độ thực hiện ở các xã vùng cao.`,
          includeInMinutes: i % 10 === 0,
          author: 'Thư ký',
          status: 'placed',
          positionStart: start,
          positionEnd: end,
          exact: report.text.slice(start, end),
          prefix: report.text.slice(Math.max(0, start - 32), start),
          suffix: report.text.slice(end, end + 32),
          createdAt: at,
          updatedAt: at,
        })
      }
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const size = statSync(dbPath).size

    const wb = openWorkbench({ dataDir, bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
    const times: number[] = []
    let last = ''
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      const reply = await dispatch(wb.handlers, 'storage.backup', {})
      times.push(performance.now() - started)
      if (!reply.ok) throw new Error(reply.error.message)
      last = (reply.value as { name: string }).name
    }
    await wb.close()
    const copy = new Database(join(dataDir, 'backups', last), { readonly: true })
    const copied = (copy.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n
    copy.close()
    if (copied !== ANNOTATIONS) throw new Error(`the backup holds ${copied} annotations, expected ${ANNOTATIONS}`)
    return [
      {
        figure: `online backup (storage.backup) of a ${(size / 1024 / 1024).toFixed(0)} MB database with ${ANNOTATIONS.toLocaleString('en')} annotations`,
        median: `${(median(times) / 1000).toFixed(2)} s`,
        target: '< 5 s',
        note: `${RUNS} runs; the copy holds all ${copied.toLocaleString('en')} annotations`,
      },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
