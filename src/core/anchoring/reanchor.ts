// Puts a report's annotations back on its text after a revision, all together and in document
// order. With the previous revision at hand, offsets travel through an edit script; without it
// (imported annotations), quotes are searched outward from their drift-adjusted positions.
import { anchorByQuote, DriftTracker } from './by-quote'
import { reanchorQuoteLed } from './quote-led'
import { rescueBetween } from './rescue'
import { movedBlocks } from './moved-blocks'
import { OffsetMap } from './offset-map'
import { quoteOf, type ReanchorInput, type ReanchorOutcome } from './outcome'
import type { AnchorSelectors } from './selectors'
import { diffRevisions, focusOn, refineCoarse } from './text-diff'
import { throughRevision } from './through-revision'

export type { ReanchorInput, ReanchorOutcome } from './outcome'
export { REVIEW_BELOW } from './outcome'
export { MIN_KEPT_SHARE } from './through-revision'

/** Single annotation on the current text (position verified against quote, else exact quote near position, else fuzzy). */
export function anchorOne(text: string, selectors: AnchorSelectors): ReanchorOutcome {
  const { start, end } = selectors.position
  return anchorByQuote(text, quoteOf(selectors), start, end, start, '').outcome
}

/** Document order, so each confident placement can tell the next one how far the text moved. */
function inDocumentOrder(items: ReanchorInput[]): number[] {
  return items
    .map((_, i) => i)
    .sort((a, b) => items[a]!.selectors.position.start - items[b]!.selectors.position.start || a - b)
}

/** Re-anchors all annotations of a report together. oldText is the previous revision when known (null for imported annotations). */
export function reanchorAll(oldText: string | null, newText: string, items: ReanchorInput[]): ReanchorOutcome[] {
  if (items.length === 0) return []
  const outcomes: ReanchorOutcome[] = new Array(items.length)
  const order = inDocumentOrder(items)
  if (oldText === null || oldText === newText) {
    reanchorQuoteLed(newText, items, order, outcomes)
    return outcomes
  }
  // Only sentences holding annotations are diffed word by word; the others when a span reaches them.
  const focus = focusOn(items.map((item) => item.selectors.position))
  const map = new OffsetMap(diffRevisions(oldText, newText, focus), (op) => refineCoarse(oldText, newText, op))
  const moved = movedBlocks(oldText, newText, map)
  const drift = new DriftTracker()
  const certainly: boolean[] = new Array(items.length).fill(false)
  for (const index of order) {
    const item = items[index]!
    const { start, end } = item.selectors.position
    const { outcome, certain } = throughRevision(oldText, newText, map, moved, quoteOf(item.selectors), start, end, drift.current, item.id)
    if (outcome.status === 'placed' && certain) drift.record(outcome.start - start)
    outcomes[index] = outcome
    certainly[index] = certain
  }
  rescueBetween(newText, items, order, outcomes, certainly)
  return outcomes
}
