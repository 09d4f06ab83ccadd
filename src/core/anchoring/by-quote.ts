// One annotation found by its quote near an expected position (a single annotation on the current
// text, or selectors older than the previous revision), and the drift tracker that tells the
// annotations after a confident placement how far the text has shifted.
import { searchNear, type QuoteParts } from './quote-search'
import { roundConfidence, unplaced, type Anchored, type ReanchorOutcome } from './outcome'

/** The drift is the median of this many recent confident placements, so one error cannot steer it. */
const DRIFT_WINDOW = 3

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
