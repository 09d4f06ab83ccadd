// Finds a quote near where it is expected when no edit script says where it went: exact
// occurrences outward from the expected offset, then approximate matches in a window around it,
// then (for a long quote) the one exact occurrence anywhere. Position dominates the score,
// because boilerplate repeats whole passages word for word.
import search from 'approx-string-match'
import { contextAgreement, contextSimilarity, isWordChar, snapToWords, stringSimilarity, trimSpaces } from './similarity'

export interface QuoteParts {
  exact: string
  prefix: string
  suffix: string
}
export type SearchResult =
  | {
      kind: 'found'
      start: number
      end: number
      method: 'exact' | 'fuzzy'
      confidence: number
      /** (Nearly) exact, in its context, far ahead of any rival: fit to tell how far the text moved. */
      certain: boolean
    }
  | { kind: 'ambiguous' }
  | { kind: 'none' }

/** Exact occurrences scored, nearest first; further ones cannot win on position. */
const MAX_EXACT_CANDIDATES = 12
/** Distance (characters) at which the position score has fallen to 1/e. */
const POSITION_SCALE = 400
/** A winner must lead the runner-up by this much, else the quote is ambiguous. */
const MARGIN = 0.08
const CERTAIN_QUOTE = 0.9
const CERTAIN_CONTEXT = 0.8
const CERTAIN_MARGIN = 0.2
export const ACCEPT_SCORE = 0.6
/** Half-width of the stretch searched around the expected offset, beyond the quote's length. */
const SEARCH_RADIUS = 3_000
const FUZZY_RADII = [200, SEARCH_RADIUS]
/** Share of a quote's characters that may differ in an approximate match. */
const FUZZY_ERROR_RATE = 0.2
const MIN_FUZZY_SIMILARITY = 0.75
/** A quote this long, found exactly once in the whole text, has moved rather than vanished. */
const MIN_MOVED_LENGTH = 24
const MOVED_MIN_CONTEXT = 0.6

interface Candidate {
  start: number
  end: number
  score: number
  context: number
  quote: number
}

/** Context a candidate needs: a few words say little on their own, a long sentence says much. */
export function minContext(length: number): number {
  if (length < 20) return 0.6
  if (length < 60) return 0.45
  return 0.25
}

function positionScore(start: number, expected: number): number {
  return Math.exp(-Math.abs(start - expected) / POSITION_SCALE)
}

function choose(cands: Candidate[], length: number): SearchResult | null {
  const usable = cands.filter((c) => c.context >= minContext(length)).sort((a, b) => b.score - a.score)
  const best = usable[0]
  if (!best || best.score < ACCEPT_SCORE) return null
  const rival = usable.find((c) => c.end <= best.start || c.start >= best.end)
  if (rival && best.score - rival.score < MARGIN) return { kind: 'ambiguous' }
  const certain = best.quote >= CERTAIN_QUOTE && best.context >= CERTAIN_CONTEXT && (!rival || best.score - rival.score >= CERTAIN_MARGIN)
  return { kind: 'found', start: best.start, end: best.end, method: best.quote === 1 ? 'exact' : 'fuzzy', confidence: best.score, certain }
}

/** Up to `cap` exact occurrences of `needle` starting in [from, to), nearest to `expected` first. */
export function nearestOccurrences(text: string, needle: string, expected: number, cap: number, from = 0, to = text.length): number[] {
  const window = text.slice(from, Math.min(text.length, to + needle.length))
  const local = expected - from
  const starts: number[] = []
  let fwd = window.indexOf(needle, Math.max(0, local))
  let back = local > 0 ? window.lastIndexOf(needle, local - 1) : -1
  while (starts.length < cap && (fwd >= 0 || back >= 0)) {
    if (fwd >= 0 && (back < 0 || fwd - local <= local - back)) {
      starts.push(from + fwd)
      fwd = window.indexOf(needle, fwd + 1)
    } else {
      starts.push(from + back)
      back = back > 0 ? window.lastIndexOf(needle, back - 1) : -1
    }
  }
  return starts
}

function exactCandidates(text: string, q: QuoteParts, expected: number): Candidate[] {
  const from = Math.max(0, expected - SEARCH_RADIUS)
  const to = Math.min(text.length, expected + q.exact.length + SEARCH_RADIUS)
  return nearestOccurrences(text, q.exact, expected, MAX_EXACT_CANDIDATES, from, to).map((start) => {
    const end = start + q.exact.length
    const context = contextSimilarity(text, start, end, q.prefix, q.suffix)
    return { start, end, context, quote: 1, score: 0.65 * positionScore(start, expected) + 0.35 * context }
  })
}

function fuzzyCandidates(text: string, q: QuoteParts, expected: number, radius: number, range?: [number, number]): Candidate[] {
  const length = q.exact.length
  const maxErrors = Math.floor(length * FUZZY_ERROR_RATE)
  if (maxErrors < 1) return []
  const from = range ? range[0] : Math.max(0, expected - radius - maxErrors)
  const to = range ? range[1] : Math.min(text.length, expected + length + radius + maxErrors)
  const startsWord = isWordChar(q.exact[0]) && !isWordChar(q.prefix[q.prefix.length - 1])
  const endsWord = isWordChar(q.exact[length - 1]) && !isWordChar(q.suffix[0])
  const seen = new Set<string>()
  const cands: Candidate[] = []
  // Exact copies were weighed already; blanked out, they cannot hide an edited match nearby
  // (the matcher reports only the matches with the fewest errors).
  const window = text.slice(from, to).split(q.exact).join('\u0000'.repeat(length))
  for (const m of search(window, q.exact, maxErrors)) {
    // A match against the window's edge may be cut short by it: the wider window will see it whole.
    const atEdge = (from > 0 && m.start <= maxErrors) || (to < text.length && to - from - m.end <= maxErrors)
    if (atEdge) continue
    let [start, end] = snapToWords(text, from + m.start, from + m.end, startsWord, endsWord)
    ;[start, end] = trimSpaces(text, start, end)
    const key = `${start}:${end}`
    if (end <= start || seen.has(key)) continue
    seen.add(key)
    // Context first: it is cheap, and a candidate without it is dropped anyway.
    const context = contextSimilarity(text, start, end, q.prefix, q.suffix)
    if (context < minContext(length)) continue
    // Unsnapped, the matcher's error count is the edit distance already.
    const raw = start === from + m.start && end === from + m.end
    const quote = raw ? 1 - m.errors / Math.max(length, end - start) : stringSimilarity(q.exact, text.slice(start, end))
    if (quote < MIN_FUZZY_SIMILARITY) continue
    const score = 0.55 * positionScore(start, expected) + 0.25 * context + 0.2 * quote
    cands.push({ start, end, context, quote, score })
  }
  return cands
}

export interface RangeCandidate {
  start: number
  end: number
  context: number
  quote: number
}

/**
 * Every exact occurrence of the quote in [from, to) (at most `cap`), or failing those its
 * approximate matches there, with how well quote and context agree: for a caller that knows
 * the annotation must lie between two others and weighs the candidates itself. Null when the
 * quote occurs there more than `cap` times.
 */
export function candidatesBetween(text: string, q: QuoteParts, from: number, to: number, cap: number, fuzzy: boolean): RangeCandidate[] | null {
  const exact: RangeCandidate[] = []
  const stop = Math.min(text.length, to + q.exact.length)
  for (let at = text.indexOf(q.exact, from); at >= 0 && at + q.exact.length <= stop; at = text.indexOf(q.exact, at + 1)) {
    if (exact.length >= cap) return null
    exact.push({ start: at, end: at + q.exact.length, context: contextAgreement(text, at, at + q.exact.length, q.prefix, q.suffix), quote: 1 })
  }
  if (!fuzzy) return exact
  // Approximate matches too: an edited copy where order expects it beats an untouched copy elsewhere.
  const approximate = fuzzyCandidates(text, q, from, 0, [Math.max(0, from), stop]).map(({ start, end, context, quote }) => ({ start, end, context, quote }))
  return [...exact, ...approximate]
}

/** Answers of `movedQuote` by quote: each pass of a re-anchoring asks again for what it could not place. */
const movedAnswers = new WeakMap<QuoteParts, { text: string; answer: SearchResult | null }>()

/** The single exact occurrence of a long quote anywhere in the text, if its context agrees. */
function movedQuote(text: string, q: QuoteParts): SearchResult | null {
  if (q.exact.length < MIN_MOVED_LENGTH) return null
  const known = movedAnswers.get(q)
  if (known?.text === text) return known.answer
  const answer = findMovedQuote(text, q)
  movedAnswers.set(q, { text, answer })
  return answer
}

function findMovedQuote(text: string, q: QuoteParts): SearchResult | null {
  const length = q.exact.length
  const first = text.indexOf(q.exact)
  if (first < 0 || text.indexOf(q.exact, first + 1) >= 0) return null
  // Without its old neighbours around it, a copy of a deleted passage looks the same as the
  // passage moved: only a quote whose context moved with it is followed.
  const context = contextSimilarity(text, first, first + length, q.prefix, q.suffix)
  if (context < MOVED_MIN_CONTEXT) return null
  return { kind: 'found', start: first, end: first + length, method: 'exact', confidence: Math.max(ACCEPT_SCORE, context), certain: false }
}

/**
 * The quote near `expected`: the best exact occurrence if position and context agree, else the
 * best approximate match in a growing window, else a long quote's only occurrence anywhere.
 * Never the best of bad candidates: below the acceptance score the answer is 'none'; two
 * near-equal candidates make it 'ambiguous'.
 */
export function searchNear(text: string, q: QuoteParts, expected: number, radii: readonly number[] = FUZZY_RADII): SearchResult {
  const length = q.exact.length
  if (length === 0) return { kind: 'none' }
  const exact = choose(exactCandidates(text, q, expected), length)
  if (exact) return exact
  for (const radius of radii) {
    const fuzzy = choose(fuzzyCandidates(text, q, expected, radius), length)
    if (fuzzy) return fuzzy
  }
  return movedQuote(text, q) ?? { kind: 'none' }
}
