// The simplest re-anchoring there is, to measure the engine against: the exact quote's
// occurrence nearest to the old position, or nothing.
import type { ReanchorInput, ReanchorOutcome } from '../src/core/anchoring/reanchor'
import { nearestOccurrences } from '../src/core/anchoring/quote-search'

export function nearestExactQuote(newText: string, items: ReanchorInput[]): ReanchorOutcome[] {
  return items.map(({ id, selectors }) => {
    const exact = selectors.quote.exact
    const [start] = exact ? nearestOccurrences(newText, exact, selectors.position.start, 1) : []
    if (start === undefined) return { id, status: 'unplaced', reason: 'deleted' }
    return { id, status: 'placed', start, end: start + exact.length, method: 'exact', confidence: 1 }
  })
}
