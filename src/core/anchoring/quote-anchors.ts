// Anchors of the quote-led re-anchoring: annotations whose quote with its context stands in one
// place of the new text only (found by its seeds, edited or not), and which of them kept their
// order (a longest increasing subsequence) or moved together with a neighbour.
import { alignQuoteAt, type NeedleHit } from './needle-align'
import { contextAgreement } from './similarity'
import { minContext, nearestOccurrences, type QuoteParts } from './quote-search'
import type { Seeded } from './seeded-candidates'

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
  quote: number
  trusted: boolean
  /** Found by most of its seeds, with no rival anywhere: believed even out of order. */
  telling: boolean
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

/** A candidate is an anchor when this many seeds, and this share of the needle's, agree on it… */
const MIN_ANCHOR_VOTES = 3
const ANCHOR_SHARE = 0.4
/** …and no other place gathers more than this share of its votes. */
const RIVAL_SHARE = 0.5
/** An anchor verified this well (quote similarity) may be believed. */
const ANCHOR_QUOTE = 0.8
/** With this share of its seeds and no rival with more than two, a needle has moved rather than vanished. */
const TELLING_SHARE = 0.6

export function findAnchors(text: string, quotes: QuoteParts[], olds: Array<{ start: number; end: number }>, seeded: Seeded[]): Anchor[] {
  const anchors: Anchor[] = []
  quotes.forEach((q, k) => {
    if (q.exact.length === 0) return
    const s = seeded[k]!
    const [best, second] = s.candidates
    if (!best || best.votes < MIN_ANCHOR_VOTES || best.votes < ANCHOR_SHARE * s.informative) return
    if (second && second.votes > RIVAL_SHARE * best.votes) return
    const hit = verifyCandidate(text, q, best)
    if (!hit || hit.kept < ANCHOR_QUOTE || hit.context < minContext(q.exact.length)) return
    const telling = best.votes >= 4 && best.votes >= TELLING_SHARE * s.informative && (!second || second.votes <= 2)
    anchors.push({ k, start: hit.start, end: hit.end, drift: hit.start - olds[k]!.start, context: hit.context, quote: hit.quote, trusted: false, telling })
  })
  for (const i of longestIncreasing(anchors.map((a) => a.start))) anchors[i]!.trusted = true
  return anchors
}

/** How far from where its nearest seed puts it a quote's edge is looked for. */
const VERIFY_SLACK = 12

/** A candidate's exact span: the quote itself where the seeds put it, in its context, else the needle aligned there. */
export function verifyCandidate(text: string, q: QuoteParts, c: { at: number; end: number }): NeedleHit | null {
  const l = q.exact.length
  const at = c.at
  const [exact] = nearestOccurrences(text, q.exact, at, 1, Math.max(0, at - VERIFY_SLACK), at + VERIFY_SLACK)
  let found: NeedleHit | null = null
  if (exact !== undefined) {
    found = { start: exact, end: exact + l, quote: 1, kept: 1, context: contextAgreement(text, exact, exact + l, q.prefix, q.suffix), needle: 1 }
    if (found.context >= 0.8) return found
  }
  const aligned = alignQuoteAt(text, q, at, c.end, VERIFY_SLACK)
  if (!aligned) return found
  if (!found) return aligned
  return 0.6 * aligned.quote + 0.4 * aligned.context > 0.6 * found.quote + 0.4 * found.context ? aligned : found
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

/** The nearest anchors before and after the k-th annotation (document order). */
export function neighbours(anchors: Anchor[], k: number): [Anchor | undefined, Anchor | undefined] {
  let lo = 0
  let hi = anchors.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (anchors[mid]!.k < k) lo = mid + 1
    else hi = mid
  }
  let after = anchors[lo]
  if (after && after.k === k) after = anchors[lo + 1]
  return [anchors[lo - 1], after]
}
