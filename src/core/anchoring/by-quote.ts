// Re-anchoring without the previous revision (imported annotations): each quote is searched
// outward from its stored position shifted by the drift that confident neighbours showed.
// When the text jumps (a paragraph moved in ahead), the next annotations confirm the new drift.
import { nearestOccurrences, searchNear, type QuoteParts } from './quote-search'
import { quoteOf, roundConfidence, unplaced, type Anchored, type ReanchorInput, type ReanchorOutcome } from './outcome'

/** The drift is the median of this many recent confident placements, so one error cannot steer it. */
const DRIFT_WINDOW = 3
/** How far from where the drift expects them quotes are looked for when the text seems to jump. */
const JUMP_RADIUS = 20_000
/** Annotations (from the unplaced one on) that vote on the new drift… */
const VOTERS = 8
/** …if their quote is long enough to say something, with at most this many places each… */
const MIN_VOTER_LENGTH = 8
const MAX_VOTES = 24
/** …counting drifts this close together as one (small edits shift annotations a little). */
const VOTE_TOLERANCE = 48
const MIN_SUPPORT = 3
/** A drift this far from the current one needs this many more votes. */
const NEAR_JUMP = 2_000
const FAR_EXTRA_SUPPORT = 2

/** The drift (new minus old offset) that the most recent confident placements agree on. */
export class DriftTracker {
  private recent: number[] = []
  record(drift: number): void {
    this.recent.push(drift)
    if (this.recent.length > DRIFT_WINDOW) this.recent.shift()
  }
  reset(drift: number): void {
    this.recent = [drift]
  }
  get current(): number {
    if (this.recent.length === 0) return 0
    const sorted = [...this.recent].sort((a, b) => a - b)
    return sorted[sorted.length >> 1]!
  }
}

/**
 * The stored position if the quote is still there and nothing says the text moved, else a
 * search near `expected` (the stored position shifted by the observed drift).
 */
export function anchorByQuote(text: string, q: QuoteParts, start: number, end: number, expected: number, id: string): Anchored {
  if (q.exact.length === 0) return unplaced(id, 'low_confidence')
  if (expected === start && text.slice(start, end) === q.exact) {
    return { outcome: { id, status: 'placed', start, end, method: 'position', confidence: 1 }, certain: true }
  }
  const found = searchNear(text, q, expected)
  if (found.kind === 'found') {
    const method = found.method === 'exact' && found.start === start && found.end === end ? 'position' : found.method
    const outcome: ReanchorOutcome = { id, status: 'placed', start: found.start, end: found.end, method, confidence: roundConfidence(found.confidence) }
    return { outcome, certain: found.certain }
  }
  return unplaced(id, found.kind === 'ambiguous' ? 'ambiguous' : 'low_confidence')
}

/**
 * After an annotation could not be placed near where the drift expects it: the drift that the
 * next few annotations agree on, each voting for every place its quote occurs nearby. A
 * passage moved in ahead gets every vote; a quote deleted here while a copy stands elsewhere
 * gets only its own, and the annotations after it vote for where they still are.
 */
function consensusDrift(text: string, items: ReanchorInput[], order: number[], k: number, current: number): number | null {
  const votes: Array<{ drift: number; voter: number }> = []
  let votedUpTo = -1
  for (let j = k; j < order.length && j < k + VOTERS; j++) {
    const item = items[order[j]!]!
    const exact = quoteOf(item.selectors).exact
    const { start: at, end } = item.selectors.position
    // Overlapping annotations are one witness, not several.
    if (exact.length < MIN_VOTER_LENGTH || at < votedUpTo) continue
    votedUpTo = end
    const expected = at + current
    const from = Math.max(0, Math.min(at, expected) - JUMP_RADIUS)
    const to = Math.max(at, expected) + JUMP_RADIUS
    for (const p of nearestOccurrences(text, exact, expected, MAX_VOTES, from, to)) votes.push({ drift: p - at, voter: j })
  }
  // Position first: the nearest drift with enough support wins, and a far one needs more.
  let best: { drift: number; support: number } | null = null
  for (const { drift } of votes) {
    const support = new Set(votes.filter((v) => Math.abs(v.drift - drift) <= VOTE_TOLERANCE).map((v) => v.voter)).size
    const needed = Math.abs(drift - current) > NEAR_JUMP ? MIN_SUPPORT + FAR_EXTRA_SUPPORT : MIN_SUPPORT
    if (support < needed) continue
    const distance = Math.abs(drift - current)
    if (!best || distance < Math.abs(best.drift - current) || (distance === Math.abs(best.drift - current) && support > best.support)) {
      best = { drift, support }
    }
  }
  if (!best) return null
  return best.drift === current ? null : best.drift
}

/** Anchors items[order[0]], items[order[1]], … (document order) on `text`, into `outcomes`. */
export function reanchorByQuote(text: string, items: ReanchorInput[], order: number[], outcomes: ReanchorOutcome[]): void {
  const drift = new DriftTracker()
  order.forEach((index, k) => {
    const item = items[index]!
    const q = quoteOf(item.selectors)
    const { start, end } = item.selectors.position
    let anchored = anchorByQuote(text, q, start, end, start + drift.current, item.id)
    if (anchored.outcome.status !== 'placed') {
      const jump = consensusDrift(text, items, order, k, drift.current)
      if (jump !== null) {
        drift.reset(jump)
        anchored = anchorByQuote(text, q, start, end, start + jump, item.id)
      }
    }
    if (anchored.outcome.status === 'placed' && anchored.certain) drift.record(anchored.outcome.start - start)
    outcomes[index] = anchored.outcome
  })
}
