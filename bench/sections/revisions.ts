// Revisions that ask first, at scale: a 600,000-character report with 5,000 annotations in a
// temporary workbench, revised at 2 % of its characters. Times the preview (diff + the engine's
// dry run), applying (right after the preview, and on its own), undoing, the history list and a
// comparison, through the contract dispatcher, with where the time goes phase by phase.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { insertAnnotation } from '../../src/backend/db/annotations'
import { openDatabase } from '../../src/backend/db/connection'
import { dispatch } from '../../src/backend/rpc'
import { timePhases, type PhaseTime, type PhaseTimes, type RevisionPhase } from '../../src/backend/services/revision-phases'
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

/** Runs of one call: the whole on the clock and on the processor, and each phase. */
class Breakdown {
  readonly runs: { total: PhaseTime; phases: PhaseTimes }[] = []
  async time<T>(work: () => Promise<T>): Promise<T> {
    const { value, total, phases } = await timePhases(work)
    this.runs.push({ total, phases })
    return value
  }
  get median(): number {
    return median(this.runs.map((r) => r.total.ms))
  }
  /** Median ms of each phase (clock, processor in brackets), then the rest of the call. */
  note(): string {
    const names = [...new Set(this.runs.flatMap((r) => Object.keys(r.phases) as RevisionPhase[]))]
    const of = (name: RevisionPhase, k: keyof PhaseTime) => median(this.runs.map((r) => r.phases[name]?.[k] ?? 0))
    const rest = (k: keyof PhaseTime) => median(this.runs.map((r) => r.total[k] - Object.values(r.phases).reduce((a, p) => a + p[k], 0)))
    const parts = names.map((n) => `${PHASE_LABELS[n]} ${Math.round(of(n, 'ms'))} (${Math.round(of(n, 'cpuMs'))})`)
    parts.push(`rest: arguments checked, storage guard, commit, change events ${Math.round(rest('ms'))} (${Math.round(rest('cpuMs'))})`)
    return `ms on the clock (on the processor): ${parts.join(' · ')}; whole call on the processor ${Math.round(median(this.runs.map((r) => r.total.cpuMs)))}`
  }
}

const PHASE_LABELS: Record<RevisionPhase, string> = {
  parse: 'text read',
  read: 'anchors read',
  plan: 're-anchoring engine',
  diff: 'paragraph diff',
  history: 'revision + undo snapshot',
  text: 'text + report search index',
  anchors: 'annotation anchors (versions, change log, search rows)',
  'reviews-sources': 'reviews + proposal sources',
  counts: 'counts',
}

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

    const preview = new Breakdown()
    const apply = new Breakdown()
    const undo = new Breakdown()
    const alone = new Breakdown()
    let counts = ''
    let announced = 0
    let announcedByApply = 0
    const stop = wb.onChange((e) => (announced += e.records.filter((r) => r.kind === 'annotation').length))
    for (let r = 0; r < RUNS; r++) {
      const p = (await preview.time(() => call(wb, 'reports.previewRevision', { reportId, text: revised }))) as { paragraphs: { stats: Record<string, number> }; annotations: { outcomes: Record<string, number> } }
      counts = `${JSON.stringify(p.paragraphs.stats)} ${JSON.stringify(p.annotations.outcomes)}`
      const before = announced
      const { revision } = (await apply.time(() => call(wb, 'reports.revise', { reportId, text: revised }))) as { revision: number }
      announcedByApply = announced - before
      await undo.time(() => call(wb, 'reports.undoRevision', { reportId, revision }))
    }
    stop()
    for (let r = 0; r < RUNS; r++) {
      const { revision } = (await alone.time(() => call(wb, 'reports.revise', { reportId, text: revised }))) as { revision: number }
      await call(wb, 'reports.undoRevision', { reportId, revision })
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
      { figure: 'reports.previewRevision (diff + dry run)', median: ms(preview.median), target: '< 2 s', note: `${note}; ${counts}; ${preview.note()}` },
      { figure: 'reports.revise right after the preview (its plan taken)', median: ms(apply.median), target: '< 3 s', note: `${note}; ${announcedByApply} annotation records announced to other windows; ${apply.note()}` },
      { figure: 'reports.revise with no preview before (plans itself)', median: ms(alone.median), target: '—', note: alone.note() },
      { figure: 'reports.undoRevision', median: ms(undo.median), target: '< 3 s', note: undo.note() },
      { figure: 'reports.revisions (3 revisions, change sizes)', median: ms(median(list)), target: '—' },
      { figure: 'reports.revisionDiff (words marked)', median: ms(median(diff)), target: '—' },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
