// What the user typed, read as a search: its words (as typed and folded), which of them may be
// the start of a longer word (only the last, while it is still being typed), the same query
// widened by synonyms, and the FTS5 expressions that fetch candidates tier by tier. Query words
// are always quoted, so nothing typed by the user is ever read as FTS5 syntax.
import { fold, nfc } from '../text'
import { expandSynonyms, type SynonymIndex } from './synonyms'

const NON_WORD_RUN = /[^\p{L}\p{N}\p{Co}]+/u
const ENDS_IN_WORD = /[\p{L}\p{N}\p{Co}]$/u
export const MAX_QUERY_WORDS = 12
/** Tokens allowed between the query words in the "near" tier (FTS5 NEAR distance). */
export const NEAR_DISTANCE = 6

export interface QueryWord {
  /** As typed: NFC, lower case. */
  exact: string
  /** No diacritics, đ→d. */
  folded: string
  /** Typed with at least one diacritic: then how well the marks agree ranks the matches. */
  marked: boolean
  /** May match the start of a longer word: the last word, when the query does not end in a space. */
  prefix: boolean
}

/** Words that must stand side by side (a synonym of several words), or one word. */
export type WordGroup = QueryWord[]

/** One way of reading the query: every group must occur in the item. */
export interface Variant {
  groups: WordGroup[]
  /** Reached through the synonym list rather than the words typed. */
  synonym: boolean
}

export interface ParsedQuery {
  words: QueryWord[]
  literal: Variant
  synonyms: Variant[]
}

/** The query read as words, or null when it has none (only spaces or punctuation). */
export function parseQuery(query: string, synonyms: SynonymIndex | null = null): ParsedQuery | null {
  const text = nfc(query).toLowerCase()
  const exact = [...new Set(text.split(NON_WORD_RUN).filter((w) => w.length > 0))].slice(0, MAX_QUERY_WORDS)
  if (exact.length === 0) return null
  const stillTyping = ENDS_IN_WORD.test(text)
  const words = exact.map((w, i) => {
    const folded = fold(w)
    return { exact: w, folded, marked: folded !== w, prefix: stillTyping && i === exact.length - 1 }
  })
  const literal: Variant = { groups: words.map((w) => [w]), synonym: false }
  return { words, literal, synonyms: synonyms ? expandSynonyms(words, synonyms) : [] }
}

/** How an expression treats the last word and the diacritics typed. */
export interface TierShape {
  proximity: 'phrase' | 'near' | 'all'
  /** The last word matched only as a whole word (no effect when it is not a prefix). */
  wholeLast: boolean
  /** Every word typed with diacritics must also occur with exactly those diacritics. */
  exactMarks: boolean
}

/**
 * The literal tiers, best first: words side by side in order, then near each other, then anywhere;
 * within each, the last word whole before as a prefix, and words with the typed diacritics before
 * words that only fold alike. Tiers that cannot differ from an earlier one are left out.
 */
export function literalTiers(q: ParsedQuery): TierShape[] {
  const proximities: TierShape['proximity'][] = q.words.length > 1 ? ['phrase', 'near', 'all'] : ['all']
  const lastIsPrefix = q.words[q.words.length - 1]!.prefix
  const marked = q.words.some((w) => w.marked)
  const tiers: TierShape[] = []
  for (const proximity of proximities) {
    for (const wholeLast of lastIsPrefix ? [true, false] : [true]) {
      for (const exactMarks of marked ? [true, false] : [false]) tiers.push({ proximity, wholeLast, exactMarks })
    }
  }
  return tiers
}

function token(w: QueryWord, form: 'exact' | 'folded', wholeOnly: boolean): string {
  const text = form === 'exact' ? w.exact : w.folded
  return `"${text.replace(/"/g, '""')}"${w.prefix && !wholeOnly ? '*' : ''}`
}

/**
 * The FTS5 expression of a literal tier. Matching runs on the folded column; `exactMarks` adds,
 * for each word typed with diacritics, that it occurs as typed in one of `originalColumns`.
 */
export function tierExpression(q: ParsedQuery, tier: TierShape, originalColumns: readonly string[]): string {
  const tokens = q.words.map((w) => token(w, 'folded', tier.wholeLast))
  const core =
    tier.proximity === 'phrase'
      ? tokens.join(' + ')
      : tier.proximity === 'near'
        ? `NEAR(${tokens.join(' ')}, ${NEAR_DISTANCE})`
        : tokens.join(' AND ')
  let expression = `{folded} : (${core})`
  if (tier.exactMarks) {
    for (const w of q.words) if (w.marked) expression += ` AND {${originalColumns.join(' ')}} : (${token(w, 'exact', tier.wholeLast)})`
  }
  return expression
}

/** One expression for every synonym reading: any of them, each with all its groups (phrases side by side). */
export function synonymExpression(variants: readonly Variant[]): string {
  const readings = variants.map(
    (v) => `(${v.groups.map((g) => (g.length === 1 ? token(g[0]!, 'folded', false) : `(${g.map((w) => token(w, 'folded', true)).join(' + ')})`)).join(' AND ')})`,
  )
  return `{folded} : (${readings.join(' OR ')})`
}
