// Groups placed annotations by the report blocks they touch, in one pass (blocks are in text
// order, so each annotation finds its first block by binary search). A block whose highlights
// did not change keeps the same array, so only the blocks a change touches draw again.
import type { Layer } from './annotationSegments'

interface BlockSpan {
  index: number
  start: number
  end: number
}

interface Placed {
  id: string
  colour: string
  start: number | null
  end: number | null
}

export type BlockLayers = Map<number, Layer[]>

export function layersByBlock(blocks: readonly BlockSpan[], placed: readonly Placed[], previous: BlockLayers): BlockLayers {
  const buckets: BlockLayers = new Map()
  for (const a of placed) {
    if (a.start === null || a.end === null) continue
    const { start, end } = a
    for (let i = firstBlockEndingAfter(blocks, start); i < blocks.length && blocks[i]!.start < end; i++) {
      const b = blocks[i]!
      if (start >= b.end || end <= b.start) continue
      let bucket = buckets.get(b.index)
      if (!bucket) buckets.set(b.index, (bucket = []))
      bucket.push({ id: a.id, colour: a.colour, start, end })
    }
  }
  for (const [index, layers] of buckets) {
    const old = previous.get(index)
    if (old && sameLayers(old, layers)) buckets.set(index, old)
  }
  return buckets
}

function firstBlockEndingAfter(blocks: readonly BlockSpan[], offset: number): number {
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid]!.end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function sameLayers(a: readonly Layer[], b: readonly Layer[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.id !== y.id || x.colour !== y.colour || x.start !== y.start || x.end !== y.end) return false
  }
  return true
}
