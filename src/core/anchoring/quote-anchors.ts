// Anchors of the quote-led re-anchoring: annotations whose quote (or quote with a little context)
// occurs exactly once in the new text, and which of them kept their order (a longest increasing
// subsequence) or moved together with a neighbour.
import { contextSimilarity } from './similarity'
import { minContext, type QuoteParts } from './quote-search'

/** Characters of context (each side) that, with the quote, may single out one copy of a passage. */
const NEEDLE_CONTEXT = 16
/** Anchors this close in drift and old position are one passage moved together. */
const CLUSTER_DRIFT = 64
const CLUSTER_DISTANCE = 3_000

export interface Anchor {
  /** Position in document order. */
  k: number
  start: number
  end: number
  drift: number
  context: number
  trusted: boolean
  /** Found by a long quote alone (not with the help of its context). */
  telling: boolean
}

/** A quote this long, found once in the whole text, may be believed out of order (a passage moved). */
const LONE_LENGTH = 24

/** The only occurrence of `needle` in `text`, or -1 (none, or several). */
function onlyOccurrence(text: string, needle: string): number {
  const first = text.indexOf(needle)
  if (first < 0 || text.indexOf(needle, first + 1) >= 0) return -1
  return first
}

/** The quote's only place in the text, by the quote alone or with a little of its context (then negative, -2 - place). */
function uniquePlace(text: string, q: QuoteParts): number {
  const alone = onlyOccurrence(text, q.exact)
  if (alone >= 0) return alone
  const prefix = q.prefix.slice(-NEEDLE_CONTEXT)
  const suffix = q.suffix.slice(0, NEEDLE_CONTEXT)
  if (prefix.length + suffix.length < NEEDLE_CONTEXT) return -1
  const withContext = onlyOccurrence(text, prefix + q.exact + suffix)
  return withContext < 0 ? -1 : -2 - (withContext + prefix.length)
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
export function longestIncreasing(values: number[]): number[] {
  const tails: number[] = []
  const before = new Int32Array(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) before[i] = tails[lo - 1]!
    tails[lo] = i
  }
  const out: number[] = []
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = before[i]!) out.push(i)
  return out.reverse()
}

export function findAnchors(text: string, quotes: QuoteParts[], olds: Array<{ start: number; end: number }>): Anchor[] {
  const anchors: Anchor[] = []
  quotes.forEach((q, k) => {
    if (q.exact.length === 0) return
    const place = uniquePlace(text, q)
    if (place === -1) return
    const start = place >= 0 ? place : -2 - place
    const end = start + q.exact.length
    const context = contextSimilarity(text, start, end, q.prefix, q.suffix)
    if (context < minContext(q.exact.length)) return
    anchors.push({ k, start, end, drift: start - olds[k]!.start, context, trusted: false, telling: place >= 0 && q.exact.length >= LONE_LENGTH })
  })
  for (const i of longestIncreasing(anchors.map((a) => a.start))) anchors[i]!.trusted = true
  return anchors
}

/** Out of order but agreeing with a neighbour out of order too: a passage moved as a whole. */
export function clustered(anchors: Anchor[], i: number, olds: Array<{ start: number }>): boolean {
  const a = anchors[i]!
  for (const j of [i - 1, i + 1]) {
    const b = anchors[j]
    if (b && !b.trusted && Math.abs(b.drift - a.drift) <= CLUSTER_DRIFT && Math.abs(olds[b.k]!.start - olds[a.k]!.start) <= CLUSTER_DISTANCE) return true
  }
  return false
}

