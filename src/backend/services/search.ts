// Full-text search across report text, annotations and proposals. The tables are asked in tiers —
// words as typed (diacritics kept) before words folded, and for several words the words side by
// side before anywhere in the item — so the best kind of match comes first; each ask stops at the
// limit. Then the matched words are found again in the original text for offsets and snippets.
import { WorkbenchError } from '../../core/errors'
import type { SearchResult } from '../../core/methods/search'
import { findTerms, ftsExpression, makeSnippet, matchSpan, searchTerms, type SearchTerms, type Span } from '../../core/search-text'
import { reportExists } from '../db/reports'
import * as search from '../db/search'
import type { Db } from '../db/types'

export const DEFAULT_SEARCH_LIMIT = 20

export interface SearchInput {
  q: string
  reportId?: number
  limit?: number
}

type Hit =
  | { kind: 'report'; key: string; row: search.ReportBlockHit }
  | { kind: 'annotation'; key: string; row: search.AnnotationHit }
  | { kind: 'proposal'; key: string; row: search.ProposalHit }

interface Source {
  /** Columns holding the original text (searched for the words as typed). */
  originalColumns: readonly string[]
  find(db: Db, expression: string, reportId: number | null, limit: number): Hit[]
}

/** Within a tier: proposals and annotations (few, and written by the users) before report passages. */
const SOURCES: readonly Source[] = [
  {
    originalColumns: ['title', 'detail', 'notes'],
    find: (db, expression, reportId, limit) =>
      search.searchProposals(db, expression, reportId, limit).map((row) => ({ kind: 'proposal', key: `p${row.id}`, row })),
  },
  {
    originalColumns: ['body', 'quote', 'tags'],
    find: (db, expression, reportId, limit) =>
      search.searchAnnotations(db, expression, reportId, limit).map((row) => ({ kind: 'annotation', key: `a${row.id}`, row })),
  },
  {
    originalColumns: ['original'],
    find: (db, expression, reportId, limit) =>
      search.searchReportBlocks(db, expression, reportId, limit).map((row) => ({
        kind: 'report',
        key: `r${row.reportId}:${row.blockStart}`,
        row,
      })),
  },
]

interface Tier {
  /** The words as typed, diacritics and all (else folded). */
  exact: boolean
  /** The words next to each other, in order (else anywhere in the item). */
  phrase: boolean
}

function tiersFor(terms: SearchTerms): Tier[] {
  if (terms.exact.length === 1) return [{ exact: true, phrase: false }, { exact: false, phrase: false }]
  return [
    { exact: true, phrase: true },
    { exact: true, phrase: false },
    { exact: false, phrase: true },
    { exact: false, phrase: false },
  ]
}

export function searchWorkbench(db: Db, input: SearchInput): SearchResult[] {
  const reportId = input.reportId ?? null
  if (reportId !== null && !reportExists(db, reportId)) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  const terms = searchTerms(input.q)
  if (!terms) return []
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT

  const found: { hit: Hit; exact: boolean }[] = []
  const seen = SOURCES.map(() => new Set<string>())
  for (const tier of tiersFor(terms)) {
    SOURCES.forEach((source, i) => {
      const wanted = limit - found.length
      if (wanted <= 0) return
      const expression = tier.exact
        ? ftsExpression(source.originalColumns, terms.exact, tier.phrase)
        : ftsExpression(['folded'], terms.folded, tier.phrase)
      // Items found in an earlier tier match again here: ask for enough to still get `wanted` new ones.
      const fresh = source.find(db, expression, reportId, wanted + seen[i]!.size).filter((h) => !seen[i]!.has(h.key))
      for (const hit of fresh.slice(0, wanted)) {
        seen[i]!.add(hit.key)
        found.push({ hit, exact: tier.exact })
      }
    })
  }

  const tags = search.tagsOfAnnotations(
    db,
    found.flatMap(({ hit }) => (hit.kind === 'annotation' ? [hit.row.id] : [])),
  )
  return found.map(({ hit, exact }, index) => toResult(hit, exact, index + 1, terms, tags))
}

function toResult(hit: Hit, exact: boolean, rank: number, terms: SearchTerms, tags: Map<string, string[]>): SearchResult {
  const common = { reportId: hit.row.reportId, exactDiacritics: exact, rank }
  switch (hit.kind) {
    case 'report': {
      const { text, blockStart } = hit.row
      const occurrences = findTerms(text, terms, exact)
      const span = matchSpan(text, occurrences) ?? { start: 0, end: text.length }
      return {
        kind: 'report',
        id: hit.row.reportId,
        ...common,
        title: hit.row.reportTitle,
        ...makeSnippet(text, span, occurrences),
        start: blockStart + span.start,
        end: blockStart + span.end,
      }
    }
    case 'annotation': {
      const row = hit.row
      return {
        kind: 'annotation',
        id: row.id,
        ...common,
        title: shorten(row.quote, 80),
        ...bestFieldSnippet([row.body, row.quote, (tags.get(row.id) ?? []).join(', ')], terms, exact),
        start: row.placed ? row.start : null,
        end: row.placed ? row.end : null,
      }
    }
    case 'proposal': {
      const row = hit.row
      return {
        kind: 'proposal',
        id: row.id,
        ...common,
        title: row.title,
        ...bestFieldSnippet([row.title, row.detail, row.notes], terms, exact),
        start: row.sourceStart,
        end: row.sourceEnd,
      }
    }
  }
}

/** The snippet of the field where most query words occur (the first such field on a tie). */
function bestFieldSnippet(fields: string[], terms: SearchTerms, exact: boolean): { snippet: string; marks: Span[] } {
  let best = { text: fields[0] ?? '', occurrences: [] as Span[][], found: -1 }
  for (const text of fields) {
    const occurrences = findTerms(text, terms, exact)
    const found = occurrences.filter((o) => o.length > 0).length
    if (found > best.found) best = { text, occurrences, found }
  }
  return makeSnippet(best.text, matchSpan(best.text, best.occurrences), best.occurrences)
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`
}
