// Turns a DOM selection in the report into offsets of the report text: each boundary is
// counted from its block's data-start, measuring the block's own text up to that point
// (highlights split text nodes, so node offsets alone would be wrong).
import type { TextRange } from './sourceMark'

function blockOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  return el?.closest<HTMLElement>('[data-block-index]') ?? null
}

function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange()
  r.selectNodeContents(block)
  r.setEnd(node, offset)
  return Number(block.dataset.start) + r.toString().length
}

/** Blocks of the report that the range touches, in document order. */
function blocksIn(root: HTMLElement, range: Range): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-block-index]')].filter((b) => range.intersectsNode(b))
}

export function rangeToOffsets(root: HTMLElement, range: Range): TextRange | null {
  if (range.collapsed) return null
  const blocks = blocksIn(root, range)
  if (blocks.length === 0) return null
  const first = blocks[0]!
  const last = blocks[blocks.length - 1]!
  const startBlock = blockOf(range.startContainer)
  const endBlock = blockOf(range.endContainer)
  const start = startBlock ? offsetIn(startBlock, range.startContainer, range.startOffset) : Number(first.dataset.start)
  const end = endBlock ? offsetIn(endBlock, range.endContainer, range.endOffset) : Number(last.dataset.end)
  return end > start ? { start, end } : null
}
