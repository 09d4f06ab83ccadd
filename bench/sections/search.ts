// Search latency at scale: 100,000 indexed items (report paragraphs, annotations, proposals) of
// generated Vietnamese text in a temporary workbench, 200 queries typed with and without diacritics,
// each run through the contract dispatcher as the shells call it. BENCH_SEARCH_DATA=DIR keeps the
// generated workbench in DIR and reuses it on the next run (building it takes minutes).
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { insertAnnotation } from '../../src/backend/db/annotations'
import { openDatabase, type Db } from '../../src/backend/db/connection'
import { insertProposal } from '../../src/backend/db/proposals'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench } from '../../src/backend/workbench'
import { ANNOTATION_KINDS, DEFAULT_COLOUR_BY_KIND } from '../../src/core/annotation-domain'
import { fold } from '../../src/core/text'
import { loadSources, makeRng, pick, type SourceMaterial } from '../corpus'
import { median, type BenchRow } from '../table'

export const name = 'search'

const REPORTS = 20
const PARAGRAPHS_PER_REPORT = 2_000
const ANNOTATIONS = 45_000
const PROPOSALS = 15_000
const QUERIES = 200
const RUNS = 3
const P95_TARGET_MS = 30

export async function run(): Promise<BenchRow[]> {
  const kept = process.env.BENCH_SEARCH_DATA
  const dir = kept ? resolve(kept) : mkdtempSync(join(tmpdir(), 'workbench-bench-search-'))
  try {
    const sources = loadSources()
    const rng = makeRng(20_220_526)
    const dataDir = join(dir, 'data')
    const reuse = kept !== undefined && existsSync(join(dataDir, 'workbench.sqlite'))
    const loadStarted = performance.now()
    const wb = openWorkbench({ dataDir, bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
    const reportIds: number[] = []
    if (reuse) {
      const reply = await dispatch(wb.handlers, 'reports.list', {})
      if (!reply.ok) throw new Error(reply.error.message)
      reportIds.push(...(reply.value as { id: number; title: string }[]).filter((r) => r.title.startsWith('Báo cáo thử')).map((r) => r.id))
    } else {
      for (let r = 0; r < REPORTS; r++) {
        const text = Array.from({ length: PARAGRAPHS_PER_REPORT }, () => paragraph(rng, sources)).join('\n\n')
        const reply = await dispatch(wb.handlers, 'reports.import', { text, title: `Báo cáo thử ${r + 1}` })
        if (!reply.ok) throw new Error(reply.error.message)
        reportIds.push((reply.value as { id: number }).id)
      }
    }
    const db = openDatabase(wb.dbPath)
    if (!reuse) fillAnnotationsAndProposals(db, rng, sources, reportIds)
    const counts = indexedCounts(db)
    db.close()
    const loadSeconds = (performance.now() - loadStarted) / 1000

    // Queries from their own seed, so a reused workbench gets the same ones.
    const queries = makeQueries(makeRng(12_052_026), sources, reportIds)
    for (const q of queries.slice(0, 20)) await dispatch(wb.handlers, 'search.query', q.args)
    const runs: { all: number[]; marked: number[]; plain: number[] }[] = []
    for (let i = 0; i < RUNS; i++) {
      const times = { all: [] as number[], marked: [] as number[], plain: [] as number[] }
      for (const q of queries) {
        const started = performance.now()
        const reply = await dispatch(wb.handlers, 'search.query', q.args)
        const ms = performance.now() - started
        if (!reply.ok) throw new Error(`search.query failed on "${q.args.q}": ${reply.error.message}`)
        times.all.push(ms)
        ;(q.diacritics ? times.marked : times.plain).push(ms)
      }
      runs.push(times)
    }
    await wb.close()

    const across = (pick: (t: (typeof runs)[number]) => number[], q: number) => median(runs.map((t) => quantile(pick(t), q)))
    const note = `${counts.total.toLocaleString('en')} items (${counts.blocks} paragraphs, ${counts.annotations} annotations, ${counts.proposals} proposals); median of ${RUNS} runs of ${QUERIES} queries; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`
    return [
      { figure: 'search.query p50, all queries', median: ms(across((t) => t.all, 0.5)), target: '—', note },
      { figure: 'search.query p95, all queries', median: ms(across((t) => t.all, 0.95)), target: `< ${P95_TARGET_MS} ms` },
      { figure: 'search.query p95, typed with diacritics', median: ms(across((t) => t.marked, 0.95)), target: `< ${P95_TARGET_MS} ms` },
      { figure: 'search.query p95, typed without diacritics', median: ms(across((t) => t.plain, 0.95)), target: `< ${P95_TARGET_MS} ms` },
      ...(reuse ? [] : [{ figure: 'search index build (import + insert)', median: `${loadSeconds.toFixed(1)} s`, target: '—', note: 'one run' }]),
    ]
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true })
  }
}

/** A paragraph of 1–5 sample sentences in a new order. */
function paragraph(rng: () => number, sources: SourceMaterial): string {
  const count = 1 + Math.floor(rng() * 5)
  return Array.from({ length: count }, () => pick(rng, sources.sentences)).join(' ')
}

function fillAnnotationsAndProposals(db: Db, rng: () => number, sources: SourceMaterial, reportIds: number[]): void {
  const texts = new Map(reportIds.map((id) => [id, (db.prepare('SELECT text FROM reports WHERE id = ?').get(id) as { text: string }).text]))
  const at = new Date().toISOString()
  db.transaction(() => {
    const tag = db.prepare('INSERT INTO annotation_tags (annotation_id, position, tag) VALUES (?, 0, ?)')
    for (let i = 0; i < ANNOTATIONS; i++) {
      const reportId = pick(rng, reportIds)
      const text = texts.get(reportId)!
      const start = Math.floor(rng() * (text.length - 80))
      const end = start + 10 + Math.floor(rng() * 60)
      const kind = pick(rng, ANNOTATION_KINDS)
      const id = randomUUID()
      insertAnnotation(db, {
        id,
        reportId,
        kind,
        colour: DEFAULT_COLOUR_BY_KIND[kind],
        body: rng() < 0.2 ? '' : paragraph(rng, sources).slice(0, 400),
        includeInMinutes: rng() < 0.1,
        author: 'Thư ký',
        status: 'placed',
        positionStart: start,
        positionEnd: end,
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
        createdAt: at,
        updatedAt: at,
      })
      if (rng() < 0.3) tag.run(id, pick(rng, ['hạ tầng', 'ngân sách', 'giáo dục', 'y tế', 'đất đai', 'môi trường']))
    }
    for (let i = 0; i < PROPOSALS; i++) {
      const sentence = pick(rng, sources.sentences)
      insertProposal(db, {
        reportId: pick(rng, reportIds),
        sector: 'planning_investment',
        title: sentence.slice(0, 60 + Math.floor(rng() * 80)),
        detail: paragraph(rng, sources).slice(0, 600),
        status: 'proposed',
        owner: 'UBND huyện',
        dueDate: null,
        priority: 'normal',
        notes: rng() < 0.3 ? pick(rng, sources.sentences) : '',
        source: null,
        sortOrder: i,
        createdAt: at,
      })
    }
  })()
}

function indexedCounts(db: Db): { blocks: number; annotations: number; proposals: number; total: number } {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const blocks = count('report_text_search')
  const annotations = count('annotation_search')
  const proposals = count('proposal_search')
  return { blocks, annotations, proposals, total: blocks + annotations + proposals }
}

interface BenchQuery {
  args: { q: string; reportId?: number }
  diacritics: boolean
}

/** Half typed with diacritics, half without; 1–3 consecutive words of a sample sentence; half within one report. */
function makeQueries(rng: () => number, sources: SourceMaterial, reportIds: number[]): BenchQuery[] {
  const queries: BenchQuery[] = []
  while (queries.length < QUERIES) {
    const words = pick(rng, sources.sentences).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2)
    if (words.length < 3) continue
    const at = Math.floor(rng() * (words.length - 2))
    const phrase = words.slice(at, at + 1 + Math.floor(rng() * 3)).join(' ')
    const diacritics = queries.length % 2 === 0
    if (!diacritics && fold(phrase) === phrase.toLowerCase()) continue
    const q = diacritics ? phrase : fold(phrase)
    queries.push({ args: rng() < 0.5 ? { q } : { q, reportId: pick(rng, reportIds) }, diacritics })
  }
  return queries
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const low = Math.floor(pos)
  const high = Math.ceil(pos)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (pos - low)
}

function ms(x: number): string {
  return `${x.toFixed(1)} ms`
}
