// Full-text search across report text, annotations and proposals, ranked. Every word of the query
// must occur, at a word start (only the last word may be the start of a longer one). The index is
// asked tier by tier — words side by side in order, then near each other, then anywhere, then
// readings through the synonym list; inside each, the last word whole before as a prefix and the
// typed diacritics before folded ones. Inside a tier: proposals, annotations, then report passages,
// and for each kind the first candidates in reading order are read again and ordered by how well the
// typed diacritics agree, then by a BM25-style weight (occurrences against length); the same reading
// gives the passage to show and the words to mark.
import { WorkbenchError } from '../../core/errors'
import type { SearchResult } from '../../core/methods/search'
import { joinTokens, matchTokens, wordTokens, type TextMatch, type Token } from '../../core/search/match'
import { literalTiers, parseQuery, synonymExpression, tierExpression, type ParsedQuery, type Variant } from '../../core/search/query'
import { makeSnippet, type Snippet } from '../../core/search/snippet'
import type { SynonymIndex } from '../../core/search/synonyms'
import { reportExists } from '../db/reports'
import * as search from '../db/search'
import type { Db } from '../db/types'

export const DEFAULT_SEARCH_LIMIT = 20
/**
 * Candidates read beyond the results still wanted, per tier and kind. Where more items match a
 * tier, the first ones in reading order are ranked: bounding the work keeps p95 low.
 */
export const CANDIDATE_SLACK = 5

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
  candidates(db: Db, expression: string, reportId: number | null, limit: number): search.Candidate[]
  rows(db: Db, rowids: readonly number[]): R[]
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

/** Within a tier, proposals and annotations (few, and written by the users) before report passages. */
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

interface Field {
  text: string
  tokens: Token[]
}

interface Picked {
  tier: number
  fields: Field[]
  variant: Variant
  match: TextMatch
}

interface Ranked extends Picked {
  source: Source<Row>
  row: Row
  kindOrder: number
}

export function searchWorkbench(db: Db, input: SearchInput, synonyms: SynonymIndex | null = null): SearchResult[] {
  const reportId = input.reportId ?? null
  if (reportId !== null && !reportExists(db, reportId)) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  const q = parseQuery(input.q, synonyms)
  if (!q) return []
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT
  const tiers = tiersFor(q)

  // Tier by tier, kind by kind (proposals, annotations, report passages), until `limit` are found.
  const ranked: Ranked[] = []
  const picked = SOURCES.map(() => new Set<number>())
  for (let t = 0; t < tiers.length && ranked.length < limit; t++) {
    const tier = tiers[t]!
    SOURCES.forEach((source: Source<Row>, kindOrder) => {
      const wanted = limit - ranked.length
      if (wanted <= 0) return
      const seen = picked[kindOrder]!
      // Items of an earlier tier match again here: ask for enough to still get fresh ones.
      const fresh = source
        .candidates(db, tier.expression(source), reportId, wanted + CANDIDATE_SLACK + seen.size)
        .filter((c) => !seen.has(c.rowid))
        .map((c) => {
          const fields = c.fields.map((text) => ({ text, tokens: wordTokens(text) }))
          return { rowid: c.rowid, tier: t, fields, ...bestReading(joinTokens(fields), tier.variants) }
        })
        .sort((a, b) => b.match.agreement - a.match.agreement || b.match.weight - a.match.weight)
        .slice(0, wanted)
      const byRowid = new Map(fresh.map((c) => [c.rowid, c]))
      for (const row of source.rows(db, [...byRowid.keys()])) {
        seen.add(row.rowid)
        ranked.push({ ...byRowid.get(row.rowid)!, source, row, kindOrder })
      }
    })
  }

  ranked.sort((a, b) => a.tier - b.tier || a.kindOrder - b.kindOrder || b.match.agreement - a.match.agreement || b.match.weight - a.match.weight)
  return ranked.slice(0, limit).map((r, i) => {
    const base = { reportId: r.row.reportId, exactDiacritics: r.match.exact, rank: i + 1 }
    const result = r.source.result(r.row, base, r.match)
    return r.source.kind === 'report' ? result : { ...result, ...bestFieldSnippet(r.fields, r.variant) }
  })
}

/** The reading that finds the most of its words in `text` (then the best agreeing diacritics). */
function bestReading(tokens: Token[], variants: readonly Variant[]): { variant: Variant; match: TextMatch } {
  let best: { variant: Variant; match: TextMatch } | null = null
  for (const variant of variants) {
    const match = matchTokens(tokens, variant)
    const share = match.found / match.groups
    const bestShare = best ? best.match.found / best.match.groups : -1
    if (share > bestShare || (share === bestShare && match.agreement > best!.match.agreement)) best = { variant, match }
  }
  return best!
}

/** The snippet of the field where most query words occur (the first such field on a tie). */
function bestFieldSnippet(fields: Field[], variant: Variant): Snippet {
  let best: { text: string; match: TextMatch } | null = null
  for (const { text, tokens } of fields) {
    const match = matchTokens(tokens, variant)
    if (!best || match.found > best.match.found) best = { text, match }
  }
  return makeSnippet(best!.text, best!.match.focus, best!.match.marks)
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`
}
