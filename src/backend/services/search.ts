// Full-text search across report text, annotations and proposals, ranked. Every word of the query
// must occur, at a word start (only the last word may be the start of a longer one). The index is
// asked tier by tier — words side by side in order, then near each other, then anywhere, then
// readings through the synonym list; inside each, the last word whole before as a prefix and the
// typed diacritics before folded ones — and inside a tier by bm25. The chosen items are then read
// again in their original text: how well the typed diacritics agree, the passage to show and the
// words to mark.
import { WorkbenchError } from '../../core/errors'
import type { SearchResult } from '../../core/methods/search'
import { matchText, type TextMatch } from '../../core/search/match'
import { literalTiers, parseQuery, synonymExpression, tierExpression, type ParsedQuery, type Variant } from '../../core/search/query'
import { makeSnippet, type Snippet } from '../../core/search/snippet'
import type { SynonymIndex } from '../../core/search/synonyms'
import { reportExists } from '../db/reports'
import * as search from '../db/search'
import type { Db } from '../db/types'

export const DEFAULT_SEARCH_LIMIT = 20
/**
 * Matches scored per tier and kind. Where more items match, the first CANDIDATE_CAP in reading
 * order are ranked: a word that common ranks nothing usefully, and bounding it keeps p95 low.
 */
export const CANDIDATE_CAP = 1_000

export interface SearchInput {
  q: string
  reportId?: number
  limit?: number
}

type Row = search.ReportBlockHit | search.AnnotationHit | search.ProposalHit

interface Source<R extends Row> {
  kind: SearchResult['kind']
  /** Columns holding the original text, where words typed with diacritics are looked up as typed. */
  originalColumns: readonly string[]
  candidates(db: Db, expression: string, reportId: number | null, cap: number): search.Candidate[]
  rows(db: Db, rowids: readonly number[]): R[]
  /** The texts searched, in the order a snippet prefers them. */
  fields(row: R): string[]
  result(row: R, base: ResultBase, match: TextMatch): SearchResult
}

interface ResultBase {
  reportId: number
  exactDiacritics: boolean
  rank: number
}

const reportSource: Source<search.ReportBlockHit> = {
  kind: 'report',
  originalColumns: ['original'],
  candidates: search.reportBlockCandidates,
  rows: search.reportBlocksByRowid,
  fields: (row) => [row.text],
  result: (row, base, match) => {
    const span = match.focus ?? { start: 0, end: row.text.length }
    return {
      kind: 'report',
      id: row.reportId,
      ...base,
      title: row.reportTitle,
      ...makeSnippet(row.text, span, match.marks),
      start: row.blockStart + span.start,
      end: row.blockStart + span.end,
    }
  },
}

const annotationSource: Source<search.AnnotationHit> = {
  kind: 'annotation',
  originalColumns: ['body', 'quote', 'tags'],
  candidates: search.annotationCandidates,
  rows: search.annotationsBySeq,
  fields: (row) => [row.body, row.quote, row.tags.join(', ')],
  result: (row, base) => ({
    kind: 'annotation',
    id: row.id,
    ...base,
    title: shorten(row.quote, 80),
    snippet: '',
    marks: [],
    start: row.placed ? row.start : null,
    end: row.placed ? row.end : null,
  }),
}

const proposalSource: Source<search.ProposalHit> = {
  kind: 'proposal',
  originalColumns: ['title', 'detail', 'notes'],
  candidates: search.proposalCandidates,
  rows: search.proposalsById,
  fields: (row) => [row.title, row.detail, row.notes],
  result: (row, base) => ({
    kind: 'proposal',
    id: row.id,
    ...base,
    title: row.title,
    snippet: '',
    marks: [],
    start: row.sourceStart,
    end: row.sourceEnd,
  }),
}

/** On a tie, proposals and annotations (few, and written by the users) before report passages. */
const SOURCES = [proposalSource, annotationSource, reportSource] as const

interface Tier {
  expression(source: Source<Row>): string
  variants: readonly Variant[]
}

function tiersFor(q: ParsedQuery): Tier[] {
  const tiers: Tier[] = literalTiers(q).map((shape) => ({
    expression: (source) => tierExpression(q, shape, source.originalColumns),
    variants: [q.literal],
  }))
  if (q.synonyms.length > 0) tiers.push({ expression: () => synonymExpression(q.synonyms), variants: q.synonyms })
  return tiers
}

interface Ranked {
  source: Source<Row>
  row: Row
  tier: number
  kindOrder: number
  score: number
  match: TextMatch
  variant: Variant
}

export function searchWorkbench(db: Db, input: SearchInput, synonyms: SynonymIndex | null = null): SearchResult[] {
  const reportId = input.reportId ?? null
  if (reportId !== null && !reportExists(db, reportId)) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  const q = parseQuery(input.q, synonyms)
  if (!q) return []
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT
  const tiers = tiersFor(q)

  const ranked: Ranked[] = []
  SOURCES.forEach((source: Source<Row>, kindOrder) => {
    const picked = new Map<number, { tier: number; score: number }>()
    for (let t = 0; t < tiers.length && picked.size < limit; t++) {
      const fresh = source
        .candidates(db, tiers[t]!.expression(source), reportId, CANDIDATE_CAP)
        .filter((c) => !picked.has(c.rowid))
        .sort((a, b) => a.score - b.score)
        .slice(0, limit - picked.size)
      for (const c of fresh) picked.set(c.rowid, { tier: t, score: c.score })
    }
    for (const row of source.rows(db, [...picked.keys()])) {
      const { tier, score } = picked.get(row.rowid)!
      const text = source.fields(row).join('\n')
      const [variant, match] = bestReading(text, tiers[tier]!.variants)
      ranked.push({ source, row, tier, kindOrder, score, match, variant })
    }
  })

  ranked.sort((a, b) => a.tier - b.tier || b.match.agreement - a.match.agreement || a.kindOrder - b.kindOrder || a.score - b.score)
  return ranked.slice(0, limit).map((r, i) => {
    const base = { reportId: r.row.reportId, exactDiacritics: r.match.exact, rank: i + 1 }
    const result = r.source.result(r.row, base, r.match)
    return r.source.kind === 'report' ? result : { ...result, ...bestFieldSnippet(r.source.fields(r.row), r.variant) }
  })
}

/** The reading that finds the most of its words in `text` (then the best agreeing diacritics). */
function bestReading(text: string, variants: readonly Variant[]): [Variant, TextMatch] {
  let best: [Variant, TextMatch] | null = null
  for (const v of variants) {
    const m = matchText(text, v)
    const score = m.found / m.groups
    if (!best || score > best[1].found / best[1].groups || (score === best[1].found / best[1].groups && m.agreement > best[1].agreement)) best = [v, m]
  }
  return best!
}

/** The snippet of the field where most query words occur (the first such field on a tie). */
function bestFieldSnippet(fields: string[], variant: Variant): Snippet {
  let best: { text: string; match: TextMatch } | null = null
  for (const text of fields) {
    const match = matchText(text, variant)
    if (!best || match.found > best.match.found) best = { text, match }
  }
  return makeSnippet(best!.text, best!.match.focus, best!.match.marks)
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`
}
