// Revisions that ask first, at scale: a 600,000-character report with 5,000 annotations in a
// temporary workbench, revised at 2 % of its characters. Times the preview (diff + the engine's
// dry run), applying, undoing, the history list and a comparison, through the contract dispatcher.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { insertAnnotation } from '../../src/backend/db/annotations'
import { openDatabase } from '../../src/backend/db/connection'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench, type Workbench } from '../../src/backend/workbench'
import { generateAnnotations, generateReport, loadSources } from '../corpus'
import { reviseReport } from '../revision'
import { median, type BenchRow } from '../table'

export const name = 'revisions'

const PARAGRAPHS = 1_000
const ANNOTATIONS = 5_000
const RUNS = 3

async function call(wb: Workbench, method: string, args: unknown): Promise<unknown> {
  const reply = await dispatch(wb.handlers, method, args)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const ms = (x: number) => `${Math.round(x)} ms`

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-revisions-'))
  try {
    const sources = loadSources()
    const report = generateReport(PARAGRAPHS, 7, sources)
    const wb = openWorkbench({ dataDir: join(dir, 'data'), bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
    const { id: reportId, text } = (await call(wb, 'reports.import', { text: report.text, title: 'Báo cáo thử' })) as { id: number; text: string }
    const db = openDatabase(wb.dbPath)
    const at = new Date().toISOString()
    db.transaction(() => {
      for (const a of generateAnnotations({ ...report, text }, ANNOTATIONS, 8)) {
        insertAnnotation(db, {
          id: randomUUID(), reportId, kind: 'highlight', colour: 'yellow', body: '', includeInMinutes: false, author: 'Thư ký', status: 'placed',
          positionStart: a.start, positionEnd: a.end, exact: text.slice(a.start, a.end),
          prefix: text.slice(Math.max(0, a.start - 32), a.start), suffix: text.slice(a.end, a.end + 32), createdAt: at, updatedAt: at,
        })
      }
    })()
    db.close()
    const revised = reviseReport({ ...report, text }, 0.02, 9, sources).text

    const preview: number[] = []
    const apply: number[] = []
    const undo: number[] = []
    let counts = ''
    for (let r = 0; r < RUNS; r++) {
      preview.push(await timed(async () => {
        const p = (await call(wb, 'reports.previewRevision', { reportId, text: revised })) as { paragraphs: { stats: Record<string, number> }; annotations: { outcomes: Record<string, number> } }
        counts = `${JSON.stringify(p.paragraphs.stats)} ${JSON.stringify(p.annotations.outcomes)}`
      }))
      let revision = 0
      apply.push(await timed(async () => (revision = ((await call(wb, 'reports.revise', { reportId, text: revised })) as { revision: number }).revision)))
      undo.push(await timed(() => call(wb, 'reports.undoRevision', { reportId, revision })))
    }
    await call(wb, 'reports.revise', { reportId, text: revised })
    await call(wb, 'reports.restoreRevision', { reportId, revision: 1 })
    const list: number[] = []
    const diff: number[] = []
    for (let r = 0; r < RUNS; r++) {
      list.push(await timed(() => call(wb, 'reports.revisions', { reportId })))
      diff.push(await timed(() => call(wb, 'reports.revisionDiff', { reportId, from: 1, to: 2 })))
    }
    await wb.close()
    const note = `${text.length.toLocaleString('en')} chars, ${ANNOTATIONS} annotations, 2 % edited; median of ${RUNS} runs`
    return [
      { figure: 'reports.previewRevision (diff + dry run)', median: ms(median(preview)), target: '—', note: `${note}; ${counts}` },
      { figure: 'reports.revise (apply, anchors kept for undo)', median: ms(median(apply)), target: '—', note },
      { figure: 'reports.undoRevision', median: ms(median(undo)), target: '—', note },
      { figure: 'reports.revisions (3 revisions, change sizes)', median: ms(median(list)), target: '—' },
      { figure: 'reports.revisionDiff (words marked)', median: ms(median(diff)), target: '—' },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
