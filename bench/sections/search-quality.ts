// Search quality on real reports the search was never tuned on: the labelled corpus
// (../shared/corpus beside the repository, or WORKBENCH_CORPUS) is imported into a temporary workbench at run time,
// each hand-labelled directive becomes queries of 2–3 keywords typed without diacritics, and we
// count how often the paragraph holding the directive is the first result, or among the first five.
// Nothing from the corpus is written into the repository.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench, type Workbench } from '../../src/backend/workbench'
import { segmentBlocks } from '../../src/core/blocks'
import { fold, nfc } from '../../src/core/text'
import { makeRng } from '../corpus'
import type { BenchRow } from '../table'

export const name = 'search quality'

const CORPUS = process.env.WORKBENCH_CORPUS ?? resolve(import.meta.dirname, '../../../shared/corpus')

/** Function words a user would not type as keywords (folded). Written by hand, not learnt from the corpus. */
const STOPWORDS = new Set(
  ('va cua cac nhung cho voi de trong theo tai tren la co duoc da se nay do mot tu ve khi thi ma nham can phai den ra vao lai nhu ' +
    'cung con chua dang bi boi neu hay hoac tung moi nhieu it rat qua sau truoc giua duoi ngoai hon vi nen tren day')
    .split(' '),
)

interface Case {
  reportId: number
  text: string
  gold: { start: number; end: number }
  q: string
  kind: 'adjacent' | 'scattered'
}

interface Scores {
  at1: number
  at5: number
  none: number
  n: number
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(join(CORPUS, 'reports'))) {
    return [{ figure: 'search success@1 / @5', median: 'skipped', target: '—', note: `no corpus at ${CORPUS}` }]
  }
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-search-quality-'))
  try {
    const wb = openWorkbench({ dataDir: join(dir, 'data'), bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
    const cases = await loadCases(wb)
    const within = await score(wb, cases, true)
    const across = await score(wb, cases, false)
    const phrases = await score(wb, cases.filter((c) => c.kind === 'adjacent'), false)
    const scattered = await score(wb, cases.filter((c) => c.kind === 'scattered'), false)
    await wb.close()
    const fmt = (s: Scores) => `${pct(s.at1)} / ${pct(s.at5)}`
    const note = (s: Scores, scope: string) =>
      `${s.n} queries (2–3 keywords without diacritics from ${new Set(cases.map((c) => c.reportId)).size} reports' labelled directives), ${scope}; no result ${pct(s.none)}`
    return [
      { figure: 'search success@1 / @5, within the report', median: fmt(within), target: '—', note: note(within, 'searched within their report') },
      { figure: 'search success@1 / @5, across all reports', median: fmt(across), target: '—', note: note(across, 'searched across all reports') },
      { figure: '… of which consecutive words', median: fmt(phrases), target: '—', note: `${phrases.n} queries, across all reports` },
      { figure: '… of which words from anywhere in the sentence', median: fmt(scattered), target: '—', note: `${scattered.n} queries, across all reports` },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function loadCases(wb: Workbench): Promise<Case[]> {
  const rng = makeRng(12_2026)
  const cases: Case[] = []
  for (const file of readdirSync(join(CORPUS, 'reports')).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = nfc(readFileSync(join(CORPUS, 'reports', file), 'utf8'))
    const body = raw.split('\n').slice(2).join('\n')
    const goldFile = join(CORPUS, 'gold', file.replace(/\.txt$/, '.json'))
    const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { text: string }[]) : []
    const reply = await dispatch(wb.handlers, 'reports.import', { text: body, title: file.replace(/\.txt$/, '') })
    if (!reply.ok) continue
    const { id, text } = reply.value as { id: number; text: string }
    for (const item of gold) {
      const exact = nfc(item.text)
      const start = text.indexOf(exact)
      if (start === -1) continue
      const words = exact.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
      const content = words.filter((w) => fold(w).length >= 2 && !STOPWORDS.has(fold(w).toLowerCase()) && !/^\d+$/.test(w))
      if (content.length < 3) continue
      const span = { start, end: start + exact.length }
      const n = 2 + Math.floor(rng() * 2)
      // A phrase the user remembers: consecutive words of the sentence, with at least two content words.
      const at = Math.floor(rng() * Math.max(1, words.length - n))
      const adjacent = words.slice(at, at + n)
      if (adjacent.filter((w) => content.includes(w)).length >= 2) {
        cases.push({ reportId: id, text, gold: span, q: fold(adjacent.join(' ')), kind: 'adjacent' })
      }
      // Keywords picked from anywhere in the sentence, kept in its order.
      const picked = new Set<number>()
      while (picked.size < Math.min(n, content.length)) picked.add(Math.floor(rng() * content.length))
      const scattered = [...picked].sort((a, b) => a - b).map((i) => content[i]!)
      cases.push({ reportId: id, text, gold: span, q: fold(scattered.join(' ')), kind: 'scattered' })
    }
  }
  return cases
}

async function score(wb: Workbench, cases: Case[], withinReport: boolean): Promise<Scores> {
  const scores: Scores = { at1: 0, at5: 0, none: 0, n: cases.length }
  for (const c of cases) {
    const reply = await dispatch(wb.handlers, 'search.query', withinReport ? { q: c.q, reportId: c.reportId, limit: 20 } : { q: c.q, limit: 20 })
    if (!reply.ok) throw new Error(reply.error.message)
    const hits = (reply.value as { kind: string; reportId: number; start: number | null }[]).filter((h) => h.kind === 'report')
    if (hits.length === 0) scores.none++
    const rankOfGold = hits.findIndex((h) => h.reportId === c.reportId && h.start !== null && blockOverlaps(c.text, h.start, c.gold))
    if (rankOfGold === 0) scores.at1++
    if (rankOfGold >= 0 && rankOfGold < 5) scores.at5++
  }
  return { ...scores, at1: scores.at1 / scores.n, at5: scores.at5 / scores.n, none: scores.none / scores.n }
}

/** Whether the paragraph holding `offset` overlaps the labelled span. */
function blockOverlaps(text: string, offset: number, gold: { start: number; end: number }): boolean {
  const block = segmentBlocks(text).find((b) => offset >= b.start && offset < b.end)
  return block !== undefined && block.start < gold.end && gold.start < block.end
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`
}
