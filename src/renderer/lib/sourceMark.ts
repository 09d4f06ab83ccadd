// Marks a proposal's source passage in the rendered report: a character range of the
// report text is cut into plain and marked pieces block by block.
import type { SourceAnchor } from '../../core/domain'

export interface TextRange {
  start: number
  end: number
}

export interface Segment {
  text: string
  marked: boolean
}

interface BlockLike {
  start: number
  end: number
  text: string
}

export function rangeTouchesBlock(range: TextRange | null, block: BlockLike): boolean {
  return !!range && range.start < block.end && range.end > block.start
}

/** The block's text as pieces, the part inside `range` flagged as marked. */
export function segmentBlock(block: BlockLike, range: TextRange | null): Segment[] {
  if (!range || !rangeTouchesBlock(range, block)) return [{ text: block.text, marked: false }]
  const len = block.text.length
  const from = Math.min(len, Math.max(0, range.start - block.start))
  const to = Math.min(len, Math.max(from, range.end - block.start))
  const pieces: Segment[] = [
    { text: block.text.slice(0, from), marked: false },
    { text: block.text.slice(from, to), marked: true },
    { text: block.text.slice(to), marked: false },
  ]
  return pieces.filter((p) => p.text.length > 0)
}

/**
 * Where an anchor lies in the text: its offsets when they still hold the quoted words,
 * else the quote's nearest occurrence (the report may have been re-imported).
 */
export function resolveAnchor(text: string, anchor: SourceAnchor): TextRange | null {
  const { start, end, exact } = anchor
  if (end > start && end <= text.length && (!exact || text.slice(start, end) === exact)) return { start, end }
  if (!exact) return null
  let best = -1
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at
  }
  return best === -1 ? null : { start: best, end: best + exact.length }
}
