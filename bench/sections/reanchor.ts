// Re-anchoring 5,000 annotations on a 600,000-character report after revisions editing 2, 5 and
// 10 % of its characters: the engine with the previous revision (as the workbench runs it),
// without it (imported annotations), and a plain exact-quote matcher for comparison.
import { reanchorAll, type ReanchorInput, type ReanchorOutcome } from '../../src/core/anchoring/reanchor'
import { describeRange } from '../../src/core/anchoring/selectors'
import { nearestExactQuote } from '../baseline'
import { generateAnnotations, generateReport, loadSources } from '../corpus'
import { reviseReport } from '../revision'
import { median, percent, type BenchRow } from '../table'
import { tally, truthFor, type Tally, type Truth } from '../truth'

export const name = 're-anchoring'

const PARAGRAPHS = 1_000
const ANNOTATIONS = 5_000
const EDIT_RATES = [0.02, 0.05, 0.1]
const RUNS = 5
/** The search without history is slower; three runs give its median. */
const RUNS_WITHOUT_HISTORY = 3

interface Engine {
  label: string
  runs: number
  anchor(oldText: string, newText: string, items: ReanchorInput[]): ReanchorOutcome[]
}

const ENGINES: Engine[] = [
  { label: 'engine, previous revision known', runs: RUNS, anchor: (o, n, items) => reanchorAll(o, n, items) },
  { label: 'engine, no previous revision', runs: RUNS_WITHOUT_HISTORY, anchor: (_o, n, items) => reanchorAll(null, n, items) },
  { label: 'baseline: nearest exact quote', runs: RUNS, anchor: (_o, n, items) => nearestExactQuote(n, items) },
]

function measure(engine: Engine, oldText: string, newText: string, items: ReanchorInput[]): { outcomes: ReanchorOutcome[]; wall: number; cpu: number } {
  const walls: number[] = []
  const cpus: number[] = []
  let outcomes: ReanchorOutcome[] = []
  for (let r = 0; r < engine.runs; r++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    outcomes = engine.anchor(oldText, newText, items)
    walls.push(performance.now() - t0)
    const cpu = process.cpuUsage(cpu0)
    cpus.push((cpu.user + cpu.system) / 1000)
  }
  return { outcomes, wall: median(walls), cpu: median(cpus) }
}

function rowsFor(level: string, engine: Engine, t: Tally, wall: number, cpu: number): BenchRow[] {
  const main = engine === ENGINES[0]
  const at2 = main && level === '2 %'
  const prefix = `${level} edits, ${engine.label}:`
  const misplaced = t.wrongPlace + t.deletedPlaced
  return [
    { figure: `${prefix} right span`, median: percent(t.right, t.existing), target: at2 ? '≥ 99 %' : '—', note: `of ${t.existing} whose text remains; edges off ${percent(t.edgeOff, t.existing)}` },
    {
      figure: `${prefix} misplaced`,
      median: percent(misplaced, t.total),
      target: at2 ? '0 on deleted text' : '—',
      note: `${t.wrongPlace} on other text, ${t.deletedPlaced} on text that replaced deleted text`,
    },
    { figure: `${prefix} unplaced, text remains`, median: percent(t.unplaced, t.existing), target: '—' },
    { figure: `${prefix} deleted → unplaced`, median: percent(t.deletedUnplaced, t.deleted), target: at2 ? '100 %' : '—', note: `of ${t.deleted} deleted` },
    {
      figure: `${prefix} time for ${ANNOTATIONS.toLocaleString('en')}`,
      median: `${(wall / 1000).toFixed(2)} s`,
      target: at2 ? '< 1 s' : '—',
      note: `CPU ${(cpu / 1000).toFixed(2)} s; median of ${engine.runs} runs`,
    },
  ]
}

export async function run(): Promise<BenchRow[]> {
  const sources = loadSources()
  const report = generateReport(PARAGRAPHS, 1, sources)
  const annotations = generateAnnotations(report, ANNOTATIONS, 2)
  const items = annotations.map((a) => ({ id: a.id, selectors: describeRange(report.text, a.start, a.end) }))
  const rows: BenchRow[] = [
    {
      figure: 'corpus',
      median: `${report.text.length.toLocaleString('en')} chars`,
      target: '—',
      note: `${PARAGRAPHS} paragraphs from real report sentences, ${ANNOTATIONS} annotations (words, clauses, sentences, across paragraphs)`,
    },
  ]
  for (const [i, rate] of EDIT_RATES.entries()) {
    const level = `${Math.round(rate * 100)} %`
    const revision = reviseReport(report, rate, 3 + i, sources)
    const truths: Truth[] = annotations.map((a) => truthFor(revision, a.start, a.end))
    const mix = Object.entries(revision.counts).map(([kind, n]) => `${n} ${kind}`).join(', ')
    rows.push({
      figure: `${level} edits: revision`,
      median: `${revision.editedChars.toLocaleString('en')} chars edited`,
      target: '—',
      note: `${mix}; ${truths.filter((t) => t.deleted).length} annotations' text deleted`,
    })
    for (const engine of ENGINES) {
      const { outcomes, wall, cpu } = measure(engine, report.text, revision.text, items)
      rows.push(...rowsFor(level, engine, tally(truths, outcomes), wall, cpu))
    }
  }
  return rows
}
