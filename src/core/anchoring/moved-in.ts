// Text moved in from elsewhere between two sentences of an annotation (a sentence or paragraph
// moved there) belongs to the place it came from, not to the annotation around its new place:
// the annotation is the piece of itself on either side that kept more of its text.
import type { MovedBlocks } from './moved-blocks'
import { firstRangeEndingAfter, type OffsetMap } from './offset-map'

/** Inserted runs shorter than this are edits of the annotation's own words, never a move. */
const MIN_PIECE = 20
/** Inserted runs are looked for among the deleted text whole (a move keeps its text) up to this length. */
const PROBE = 2_000

interface Found {
  deleted: string
  movedTo: Array<[number, number]>
}
const cache = new WeakMap<OffsetMap, Found>()

function foundFor(oldText: string, map: OffsetMap, moved: MovedBlocks): Found {
  let found = cache.get(map)
  if (!found) {
    const deleted = map.oldOnly.map(([a, b]) => oldText.slice(a, b)).join('\u0000')
    const movedTo: Array<[number, number]> = []
    for (const [k, [a, b]] of moved.blocks.entries()) {
      if (!moved.whole[k]) continue
      const m = moved.map.map(a, b)
      if (m) movedTo.push([m.start, m.end])
    }
    found = { deleted, movedTo }
    cache.set(map, found)
  }
  return found
}

/**
 * The pieces of new [start, end) between runs of text moved in from elsewhere (found among the
 * deleted text, or the new place of a whole paragraph moved and edited), or null when none splits it.
 */
export function piecesAroundMovedIn(oldText: string, newText: string, map: OffsetMap, moved: MovedBlocks, start: number, end: number): Array<[number, number]> | null {
  const inserted = map.newOnly
  let pieces: Array<[number, number]> | null = null
  let from = start
  for (let i = firstRangeEndingAfter(inserted, start); i < inserted.length; i++) {
    const [a, b] = inserted[i]!
    if (a >= end) break
    if (a <= start || b >= end || b - a < MIN_PIECE) continue
    if (!movedIn(oldText, newText, map, moved, a, b)) continue
    pieces ??= []
    pieces.push([from, a])
    from = b
  }
  if (!pieces) return null
  pieces.push([from, end])
  return pieces
}

function movedIn(oldText: string, newText: string, map: OffsetMap, moved: MovedBlocks, a: number, b: number): boolean {
  const found = foundFor(oldText, map, moved)
  for (const [s, e] of found.movedTo) if (s < b && a < e) return true
  // Whole: a sentence newly written from phrases of the report shares its beginning with others.
  const text = newText.slice(a, b).trim()
  return text.length >= MIN_PIECE && found.deleted.includes(text.slice(0, PROBE))
}
