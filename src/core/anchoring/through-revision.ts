// Re-anchoring with the previous revision at hand: the annotation's old span travels through the
// edit script, which already knows which copy of a repeated passage is which. Text the script
// calls deleted is looked for among its insertions (moved), and otherwise reported deleted; text
// moved in between its sentences is not its own, and a larger part that moved away leads it.
import { anchorByQuote } from './by-quote'
import { insideMovedBlock, insideMovedParagraph, type MovedBlocks } from './moved-blocks'
import { piecesAroundMovedIn } from './moved-in'
import { findMoved } from './moved-text'
import { firstRangeEndingAfter, type MappedSpan, type OffsetMap } from './offset-map'
import { REVIEW_BELOW, REVIEW_FROM, roundConfidence, unplaced, type Anchored, type ReanchorOutcome } from './outcome'
import { ACCEPT_SCORE, searchNear, type QuoteParts } from './quote-search'
import { snapToWords, trimSpaces, wordEdges } from './similarity'

/** Share of an annotation's characters that must survive a revision (unchanged, or in a mistyped word) for it to stay. */
export const MIN_KEPT_SHARE = REVIEW_BELOW

/** The new span of a mapped old span, snapped to words where its edges came from other words. */
function newSpan(oldText: string, newText: string, mapped: MappedSpan, s: number, e: number): [number, number] {
  const edges = wordEdges(oldText, s, e)
  const [ns, ne] = snapToWords(newText, mapped.start, mapped.end, mapped.startSubstituted && edges.startsWord, mapped.endSubstituted && edges.endsWord)
  return trimSpaces(newText, ns, ne)
}

function share(mapped: MappedSpan | null, length: number): number {
  return mapped ? (mapped.kept + mapped.slipped) / length : 0
}

export function throughRevision(
  oldText: string,
  newText: string,
  map: OffsetMap,
  moved: MovedBlocks,
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
  let mapped = map.map(s, e)
  const length = e - s
  let kept = share(mapped, length)
  if (mapped && mapped.end - mapped.start > length) {
    // Text moved in between its sentences: the annotation is the piece that kept more of it.
    const piece = largestPiece(oldText, newText, map, moved, mapped, kept, length)
    if (piece) ({ mapped, kept } = piece)
  }
  if (mapped && kept >= MIN_KEPT_SHARE) {
    const [ns, ne] = newSpan(oldText, newText, mapped, s, e)
    if (ne > ns) {
      const unchanged = mapped.kept === length && newText.slice(ns, ne) === q.exact
      const method = unchanged && ns === start && ne === end ? 'position' : 'diff'
      const outcome: ReanchorOutcome = { id, status: 'placed', start: ns, end: ne, method, confidence: roundConfidence(mapped.kept / length) }
      return { outcome, certain: mapped.kept === length }
    }
  }
  const found = findMoved(oldText, newText, map, s, e)
  // A whole paragraph moved, each the other's clear best match, tells copies of boilerplate apart
  // where the quote and its context, standing in other deleted or inserted copies, cannot.
  if (found === 'ambiguous' && !insideMovedParagraph(moved, s, e)) return unplaced(id, 'ambiguous')
  if (found && found !== 'ambiguous') {
    const confidence = roundConfidence(Math.max(ACCEPT_SCORE, found.confidence))
    return { outcome: { id, status: 'placed', start: found.start, end: found.end, method: 'exact', confidence }, certain: false }
  }
  // A paragraph moved and edited: through its own alignment.
  if (insideMovedBlock(moved, s, e)) {
    const inBlock = moved.map.map(s, e)
    const keptInBlock = share(inBlock, length)
    if (inBlock && keptInBlock >= REVIEW_FROM && keptInBlock > kept) {
      const [ns, ne] = newSpan(oldText, newText, inBlock, s, e)
      if (ne > ns) return placedOrReview(id, q.exact, newText, ns, ne, keptInBlock)
    }
  }
  if (found === 'ambiguous') return unplaced(id, 'ambiguous')
  if (found === null && kept < MIN_KEPT_SHARE) {
    // Part of it left with a sentence or paragraph that moved, the rest stayed: the larger part leads.
    const part = movedPart(oldText, newText, map, moved, s, e)
    if (part && part.kept > kept && part.kept >= REVIEW_FROM) return placedOrReview(id, q.exact, newText, part.start, part.end, part.kept)
  }
  if (mapped && kept >= REVIEW_FROM) {
    const [ns, ne] = newSpan(oldText, newText, mapped, s, e)
    if (ne > ns) return placedOrReview(id, q.exact, newText, ns, ne, kept)
  }
  return unplaced(id, 'deleted')
}

/** The deleted run of old text that overlaps [s, e) the most, clipped to it. */
function largestDeletedPart(map: OffsetMap, s: number, e: number): [number, number] | null {
  const runs = map.oldOnly
  let best: [number, number] | null = null
  for (let i = firstRangeEndingAfter(runs, s); i < runs.length && runs[i]![0] < e; i++) {
    const a = Math.max(s, runs[i]![0])
    const b = Math.min(e, runs[i]![1])
    if (b > a && (!best || b - a > best[1] - best[0])) best = [a, b]
  }
  return best
}

/**
 * Where the part of old [s, e) that was deleted here went, when it moved (verbatim, or with a
 * whole paragraph moved and edited), with the share of [s, e) that part keeps.
 */
function movedPart(oldText: string, newText: string, map: OffsetMap, moved: MovedBlocks, s: number, e: number): { start: number; end: number; kept: number } | null {
  const part = largestDeletedPart(map, s, e)
  if (!part || (part[0] === s && part[1] === e)) return null
  let [ds, de] = part
  let found = findMoved(oldText, newText, map, ds, de)
  if (found === null) {
    // Trimmed: the white space that joined it to the rest may not be what moved.
    ;[ds, de] = trimSpaces(oldText, ds, de)
    if (de <= ds) return null
    found = findMoved(oldText, newText, map, ds, de)
  }
  if (found && found !== 'ambiguous') {
    const [ns, ne] = trimSpaces(newText, found.start, found.end)
    return ne > ns ? { start: ns, end: ne, kept: (part[1] - part[0]) / (e - s) } : null
  }
  if (found === null && insideMovedParagraph(moved, ds, de)) {
    const inBlock = moved.map.map(ds, de)
    if (!inBlock) return null
    const [ns, ne] = newSpan(oldText, newText, inBlock, ds, de)
    return ne > ns ? { start: ns, end: ne, kept: share(inBlock, e - s) } : null
  }
  return null
}

/** The piece of a mapped span on either side of text moved in, with the share of the span it keeps. */
function largestPiece(
  oldText: string,
  newText: string,
  map: OffsetMap,
  moved: MovedBlocks,
  mapped: MappedSpan,
  kept: number,
  length: number,
): { mapped: MappedSpan; kept: number } | null {
  const pieces = piecesAroundMovedIn(oldText, newText, map, moved, mapped.start, mapped.end)
  if (!pieces) return null
  let best = pieces[0]!
  for (const p of pieces) if (p[1] - p[0] > best[1] - best[0]) best = p
  const [start, end] = best
  // The piece's characters are the annotation's own, less any edited inside the whole span.
  const keptChars = Math.min(mapped.kept, end - start)
  const slipped = Math.min(mapped.slipped, end - start - keptChars)
  const startSubstituted = start === mapped.start && mapped.startSubstituted
  const endSubstituted = end === mapped.end && mapped.endSubstituted
  const piece: MappedSpan = { start, end, kept: keptChars, slipped, startSubstituted, endSubstituted }
  return { mapped: piece, kept: Math.min(kept, share(piece, length)) }
}

function placedOrReview(id: string, oldQuote: string, newText: string, start: number, end: number, kept: number): Anchored {
  const confidence = roundConfidence(kept)
  if (kept >= REVIEW_BELOW) return { outcome: { id, status: 'placed', start, end, method: 'diff', confidence }, certain: false }
  return { outcome: { id, status: 'review', start, end, oldQuote, newQuote: newText.slice(start, end), confidence }, certain: false }
}
