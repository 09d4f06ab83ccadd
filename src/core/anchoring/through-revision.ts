// Re-anchoring with the previous revision at hand: the annotation's old span travels through the
// edit script, which already knows which copy of a repeated passage is which. Text the script
// calls deleted is looked for among its insertions (moved), and otherwise reported deleted.
import { anchorByQuote } from './by-quote'
import { findMoved } from './moved-text'
import type { OffsetMap } from './offset-map'
import { roundConfidence, unplaced, type Anchored, type ReanchorOutcome } from './outcome'
import { ACCEPT_SCORE, searchNear, type QuoteParts } from './quote-search'
import { snapToWords, trimSpaces, wordEdges } from './similarity'

/** Share of an annotation's characters that must survive a revision unchanged for it to stay. */
export const MIN_KEPT_SHARE = 0.5

export function throughRevision(
  oldText: string,
  newText: string,
  map: OffsetMap,
  q: QuoteParts,
  start: number,
  end: number,
  drift: number,
  id: string,
): Anchored {
  if (q.exact.length === 0) return unplaced(id, 'low_confidence')
  let s = start
  let e = end
  if (oldText.slice(s, e) !== q.exact) {
    // Selectors older than the previous revision: find the quote there first, then follow the diff.
    const before = searchNear(oldText, q, start)
    if (before.kind !== 'found') return anchorByQuote(newText, q, start, end, start + drift, id)
    s = before.start
    e = before.end
  }
  const mapped = map.map(s, e)
  const length = e - s
  if (mapped && mapped.kept >= MIN_KEPT_SHARE * length) {
    const edges = wordEdges(oldText, s, e)
    let [ns, ne] = snapToWords(newText, mapped.start, mapped.end, mapped.startSubstituted && edges.startsWord, mapped.endSubstituted && edges.endsWord)
    ;[ns, ne] = trimSpaces(newText, ns, ne)
    if (ne > ns) {
      const unchanged = mapped.kept === length && newText.slice(ns, ne) === q.exact
      const method = unchanged && ns === start && ne === end ? 'position' : 'diff'
      const outcome: ReanchorOutcome = { id, status: 'placed', start: ns, end: ne, method, confidence: roundConfidence(mapped.kept / length) }
      return { outcome, certain: mapped.kept === length }
    }
  }
  const moved = findMoved(oldText, newText, map, s, e)
  if (moved === 'ambiguous') return unplaced(id, 'ambiguous')
  if (moved) {
    const confidence = roundConfidence(Math.max(ACCEPT_SCORE, moved.confidence))
    return { outcome: { id, status: 'placed', start: moved.start, end: moved.end, method: 'exact', confidence }, certain: false }
  }
  return unplaced(id, 'deleted')
}
