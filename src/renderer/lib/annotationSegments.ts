// Cuts a block's text at every annotation boundary, so overlapping and nested highlights
// can each be drawn as their own <mark>, stacked where they cover the same words.
import type { TextRange } from './sourceMark'

export interface Layer extends TextRange {
  /** The annotation id, or '' for the marked source passage of a proposal. */
  id: string
  colour: string
}

export interface LayeredSegment {
  text: string
  /** Layers covering this piece, the longest (outermost) first. */
  layers: Layer[]
}

interface BlockLike {
  start: number
  end: number
  text: string
}

export function segmentLayers(block: BlockLike, layers: readonly Layer[]): LayeredSegment[] {
  const inside = layers.filter((l) => l.start < block.end && l.end > block.start && l.end > l.start)
  if (inside.length === 0) return [{ text: block.text, layers: [] }]
  const cuts = new Set<number>([block.start, block.end])
  for (const l of inside) {
    cuts.add(Math.max(block.start, l.start))
    cuts.add(Math.min(block.end, l.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: LayeredSegment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!
    const to = points[i + 1]!
    if (to <= from) continue
    const covering = inside
      .filter((l) => l.start <= from && l.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    out.push({ text: block.text.slice(from - block.start, to - block.start), layers: covering })
  }
  return out
}
