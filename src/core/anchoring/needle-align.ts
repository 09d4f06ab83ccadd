// A quote looked for together with the context stored around it: aligned as one needle
// (prefix + quote + suffix), the context decides where a short or mistyped quote now stands, and
// the quote's edges are carried through the alignment instead of guessed from the quote alone.
import search from 'approx-string-match'
import type { QuoteParts } from './quote-search'
import { contextAgreement, isWordChar, keptShare, snapToWords, trimSpaces } from './similarity'

/** Share of the needle's characters that may differ. */
const NEEDLE_ERROR_RATE = 0.25

export interface NeedleHit {
  start: number
  end: number
  /** Similarity of the quote to the new span, and of the stored context to the text around it (0–1). */
  quote: number
  context: number
  /** Share of the quote's text still there, word by word (a mistyped word counts as kept). */
  kept: number
  /** Similarity of the whole needle to where it was found (0–1). */
  needle: number
}

/** A quote this similar (edit distance) has kept enough of its words without counting them. */
const SURELY_KEPT = 0.85

const DIAG = 0
const UP = 1
const LEFT = 2

export interface Aligned {
  /** The quote's new span, before snapping. */
  qs: number
  qe: number
  quoteErrors: number
  needleErrors: number
}

/**
 * Aligns the needle (prefix + quote + suffix, the quote at needle offset p, length l) with the text
 * near `base` (where the needle would start), within `slack` characters of that diagonal: a banded
 * edit-distance alignment, free to start and end anywhere in the band. Returns where the quote's
 * edges fall (text inserted at an edge is left outside the quote) and the errors in quote and needle.
 */
export function alignBanded(needle: string, p: number, l: number, text: string, base: number, slack: number): Aligned | null {
  const n = needle.length
  const w = 2 * slack + 1
  const INF = 0xffff
  const cost = new Uint16Array((n + 1) * w).fill(INF)
  const move = new Uint8Array((n + 1) * w)
  const textAt = (i: number, d: number) => base + i + d - slack
  const length = text.length
  const codes = new Uint16Array(w + n + 1)
  // codes[k] is the text character at base - slack + k - 1 (0 outside the text).
  for (let k = 0; k < codes.length; k++) {
    const j = base - slack + k - 1
    codes[k] = j >= 0 && j < length ? text.charCodeAt(j) : 0
  }
  for (let d = 0; d < w; d++) {
    const j = base + d - slack
    if (j >= 0 && j <= length) cost[d] = 0
  }
  for (let i = 1; i <= n; i++) {
    const row = i * w
    const prev = row - w
    const c = needle.charCodeAt(i - 1)
    // Text offset j = base + i + d - slack must lie in [0, length].
    const dFrom = Math.max(0, slack - base - i)
    const dTo = Math.min(w - 1, length - base - i + slack)
    for (let d = dFrom; d <= dTo; d++) {
      let best = INF
      let how = DIAG
      const diag = cost[prev + d]!
      if (diag < INF) best = diag + (c === codes[i + d]! ? 0 : 1)
      if (d + 1 < w) {
        const up = cost[prev + d + 1]! + 1
        if (up < best) {
          best = up
          how = UP
        }
      }
      if (d > 0) {
        const left = cost[row + d - 1]! + 1
        if (left < best) {
          best = left
          how = LEFT
        }
      }
      cost[row + d] = best
      move[row + d] = how
    }
  }
  let d = -1
  for (let e = 0; e < w; e++) if (cost[n * w + e]! < INF && (d < 0 || cost[n * w + e]! < cost[n * w + d]!)) d = e
  if (d < 0) return null
  const needleErrors = cost[n * w + d]!
  let i = n
  let qs = -1
  let qe = -1
  let quoteErrors = 0
  while (i > 0) {
    const j = textAt(i, d)
    if (i === p + l) qe = j
    if (i === p && qs < 0) qs = j
    const how = move[i * w + d]!
    const inQuote = i > p && i <= p + l
    if (how === DIAG) {
      if (inQuote && needle.charCodeAt(i - 1) !== text.charCodeAt(j - 1)) quoteErrors++
      i--
    } else if (how === UP) {
      if (inQuote) quoteErrors++
      i--
      d++
    } else {
      if (i > p && i < p + l) quoteErrors++
      d--
    }
  }
  if (qs < 0) qs = textAt(0, d)
  if (qe < 0) qe = qs
  return { qs, qe: Math.max(qs, qe), quoteErrors, needleErrors }
}

/** The quote's span found through an alignment, snapped to words, with its similarities. */
function hitOf(text: string, q: QuoteParts, a: Aligned, needleLength: number): NeedleHit | null {
  const l = q.exact.length
  const startsWord = isWordChar(q.exact[0]) && !isWordChar(q.prefix[q.prefix.length - 1])
  const endsWord = isWordChar(q.exact[l - 1]) && !isWordChar(q.suffix[0])
  let [start, end] = snapToWords(text, a.qs, a.qe, startsWord, endsWord)
  ;[start, end] = trimSpaces(text, start, end)
  if (end <= start) return null
  const grown = end - start - (a.qe - a.qs)
  const quote = Math.max(0, 1 - (a.quoteErrors + Math.max(0, grown)) / Math.max(l, end - start))
  const context = contextAgreement(text, start, end, q.prefix, q.suffix)
  // Words replaced cost about as much by either measure, so only a quote with several slips is counted word by word.
  const kept = quote >= SURELY_KEPT ? quote : keptShare(q.exact, text.slice(start, end))
  return { start, end, quote, context, kept, needle: 1 - a.needleErrors / needleLength }
}

/** The quote with its context aligned where the quote is expected to start (`at`, give or take `slack`). */
export function alignAt(text: string, q: QuoteParts, at: number, slack: number): NeedleHit | null {
  const needle = q.prefix + q.exact + q.suffix
  if (q.exact.length === 0) return null
  const a = alignBanded(needle, q.prefix.length, q.exact.length, text, at - q.prefix.length, slack)
  if (!a || a.needleErrors > needle.length * NEEDLE_ERROR_RATE) return null
  return hitOf(text, q, a, needle.length)
}

/** Quote characters aligned with the context at each edge of a long quote. */
const EDGE = 24
/** Band (characters each side of the diagonal) for the quote between its edges. */
const INNER_BAND = 8

/** Edit distance of `a` and text[s, e), computed within `band` of the diagonal (capped above by the band's width). */
export function bandedDistance(a: string, text: string, s: number, e: number, band: number): number {
  const n = a.length
  const m = e - s
  band += Math.abs(n - m)
  const w = 2 * band + 1
  const INF = 0x3fffffff
  let prev = new Int32Array(w).fill(INF)
  let cur = new Int32Array(w).fill(INF)
  // Cell (i, d) stands for text offset j = i + d - band.
  for (let d = band; d < w && d - band <= m; d++) prev[d] = d - band
  for (let i = 1; i <= n; i++) {
    cur.fill(INF)
    const c = a.charCodeAt(i - 1)
    for (let d = 0; d < w; d++) {
      const j = i + d - band
      if (j < 0 || j > m) continue
      let best = INF
      if (j >= 1 && prev[d]! < INF) best = prev[d]! + (c === text.charCodeAt(s + j - 1) ? 0 : 1)
      if (d + 1 < w && prev[d + 1]! + 1 < best) best = prev[d + 1]! + 1
      if (d > 0 && cur[d - 1]! + 1 < best) best = cur[d - 1]! + 1
      cur[d] = best
    }
    ;[prev, cur] = [cur, prev]
  }
  const d = m - n + band
  return d >= 0 && d < w && prev[d]! < INF ? prev[d]! : Math.max(n, m)
}

/**
 * The quote near `at` (give or take `slack`): each edge aligned with its context, which says
 * where the quote now starts and ends (and whether a replaced word at an edge still belongs to
 * it), then the quote between them compared in a narrow band, so a long sentence costs little.
 */
export function alignQuoteAt(text: string, q: QuoteParts, at: number, end: number, slack: number): NeedleHit | null {
  const l = q.exact.length
  if (l <= 2 * EDGE) return alignAt(text, q, at, slack)
  const head = alignBanded(q.prefix + q.exact.slice(0, EDGE), q.prefix.length, EDGE, text, at - q.prefix.length, slack)
  const tail = alignBanded(q.exact.slice(l - EDGE) + q.suffix, 0, EDGE, text, end - EDGE, slack)
  if (!head || !tail || tail.qe <= head.qs) return null
  const qs = head.qs
  const qe = tail.qe
  if (Math.abs(qe - qs - l) > l * NEEDLE_ERROR_RATE) return null
  const quoteErrors = bandedDistance(q.exact, text, qs, qe, INNER_BAND)
  const needleLength = q.prefix.length + l + q.suffix.length
  const edgeContext = head.needleErrors - head.quoteErrors + tail.needleErrors - tail.quoteErrors
  return hitOf(text, q, { qs, qe, quoteErrors, needleErrors: Math.min(needleLength, quoteErrors + edgeContext) }, needleLength)
}

/**
 * The best alignments of the quote with its context inside text[from, to) (ties: up to `limit`),
 * each with the quote's new span snapped to words where the quote began or ended one.
 */
export function alignNeedle(text: string, q: QuoteParts, from: number, to: number, limit = 3): NeedleHit[] {
  const needle = q.prefix + q.exact + q.suffix
  const p = q.prefix.length
  const l = q.exact.length
  if (l === 0) return []
  from = Math.max(0, from)
  to = Math.min(text.length, to)
  if (to - from < l) return []
  const found = search(text.slice(from, to), needle, Math.floor(needle.length * NEEDLE_ERROR_RATE))
  const hits: NeedleHit[] = []
  let lastEnd = -1
  for (const m of found) {
    if (hits.length >= limit) break
    if (m.start < lastEnd) continue
    lastEnd = m.end
    const a = alignBanded(needle, p, l, text, from + m.start, m.errors + 2)
    const hit = a && hitOf(text, q, a, needle.length)
    if (hit) hits.push(hit)
  }
  return hits
}
