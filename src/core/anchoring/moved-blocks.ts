// A paragraph moved and then edited is, to the diff, one paragraph deleted here and another
// inserted there. Deleted and inserted paragraphs that still share most of their words are paired
// (each the other's clear best match), and each pair is diffed on its own, so positions inside a
// moved block travel through the block's own alignment like any other text.
import { sharedWords, wordFingerprint } from './fold-table'
import { OffsetMap } from './offset-map'
import { diffRanges, type EditOp } from './text-diff'

/** A deleted and an inserted paragraph sharing this share of their words are one passage, moved. */
const MIN_SIMILARITY = 0.6
/** …and the best match must lead the next best by this much, both ways. */
const MIN_LEAD = 0.15
/** Paragraphs with fewer words than this say too little about where they went. */
const MIN_WORDS = 6

interface Block {
  start: number
  end: number
  words: Uint32Array
  /** The whole paragraph (line) lies in the range, not a sentence cut out of one. */
  whole: boolean
}

/** Whether only white space stands between [s, e) and the line breaks (or text edges) around it. */
function wholeLine(text: string, s: number, e: number): boolean {
  for (let i = s - 1; i >= 0 && text[i] !== '\n'; i--) if (!/\s/u.test(text[i]!)) return false
  for (let i = e; i < text.length && text[i] !== '\n'; i++) if (!/\s/u.test(text[i]!)) return false
  return true
}

/** The paragraphs (runs of text between line breaks) inside the given ranges, trimmed. */
function blocksOf(text: string, ranges: Array<[number, number]>): Block[] {
  const blocks: Block[] = []
  for (const [a, b] of ranges) {
    let at = a
    while (at < b) {
      let end = text.indexOf('\n', at)
      if (end < 0 || end > b) end = b
      let s = at
      let e = end
      while (s < e && /\s/u.test(text[s]!)) s++
      while (e > s && /\s/u.test(text[e - 1]!)) e--
      if (e > s) {
        const words = wordFingerprint(text.slice(s, e))
        if (words.length >= MIN_WORDS) blocks.push({ start: s, end: e, words, whole: wholeLine(text, s, e) })
      }
      at = end + 1
    }
  }
  return blocks
}

function dice(a: Uint32Array, b: Uint32Array): number {
  return (2 * sharedWords(a, b)) / (a.length + b.length)
}

/** Best and second-best similarity of each row of a score matrix. */
function bestOf(scores: Float64Array, rows: number, cols: number, byRow: boolean): Array<{ best: number; at: number; second: number }> {
  const out = []
  const n = byRow ? rows : cols
  const m = byRow ? cols : rows
  for (let i = 0; i < n; i++) {
    let best = 0
    let at = -1
    let second = 0
    for (let j = 0; j < m; j++) {
      const v = byRow ? scores[i * cols + j]! : scores[j * cols + i]!
      if (v > best) {
        second = best
        best = v
        at = j
      } else if (v > second) second = v
    }
    out.push({ best, at, second })
  }
  return out
}

export interface MovedBlocks {
  /** Old ranges of the paragraphs followed to their new place. */
  blocks: Array<[number, number]>
  /** Per block: a whole paragraph deleted here and a whole paragraph inserted there (not sentences cut out of paragraphs). */
  whole: boolean[]
  map: OffsetMap
}

/** The deleted paragraphs of `map` that reappear, edited, among its insertions, and their alignment. */
export function movedBlocks(oldText: string, newText: string, map: OffsetMap): MovedBlocks {
  const deleted = blocksOf(oldText, map.oldOnly)
  const inserted = blocksOf(newText, map.newOnly)
  const cols = inserted.length
  const scores = new Float64Array(deleted.length * cols)
  deleted.forEach((d, i) => {
    inserted.forEach((n, j) => {
      const short = Math.min(d.words.length, n.words.length)
      const long = Math.max(d.words.length, n.words.length)
      // Dice cannot reach the threshold when the lengths differ this much.
      if ((2 * short) / (short + long) >= MIN_SIMILARITY) scores[i * cols + j] = dice(d.words, n.words)
    })
  })
  const rowBest = bestOf(scores, deleted.length, cols, true)
  const colBest = bestOf(scores, deleted.length, cols, false)
  const ops: EditOp[] = []
  const blocks: Array<[number, number, boolean]> = []
  rowBest.forEach(({ best, at, second }, i) => {
    if (at < 0 || best < MIN_SIMILARITY || best - second < MIN_LEAD) return
    const col = colBest[at]!
    if (col.at !== i || col.best - col.second < MIN_LEAD) return
    const d = deleted[i]!
    const n = inserted[at]!
    blocks.push([d.start, d.end, d.whole && n.whole])
    ops.push(...diffRanges(oldText, d.start, d.end, newText, n.start, n.end))
  })
  ops.sort((a, b) => a.oldStart - b.oldStart || a.oldEnd - b.oldEnd)
  blocks.sort((a, b) => a[0] - b[0])
  return { blocks: blocks.map(([a, b]) => [a, b]), whole: blocks.map((b) => b[2]), map: new OffsetMap(ops) }
}

/** The moved block old [s, e) lies inside, or -1. */
function blockOf(moved: MovedBlocks, s: number, e: number): number {
  let lo = 0
  let hi = moved.blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [a, b] = moved.blocks[mid]!
    if (b <= s) lo = mid + 1
    else if (a > s) hi = mid - 1
    else return e <= b ? mid : -1
  }
  return -1
}

/** Whether old [s, e) lies inside one of the moved blocks. */
export function insideMovedBlock(moved: MovedBlocks, s: number, e: number): boolean {
  return blockOf(moved, s, e) >= 0
}

/** Whether old [s, e) lies inside a moved block that is a whole paragraph at both ends of the move. */
export function insideMovedParagraph(moved: MovedBlocks, s: number, e: number): boolean {
  const at = blockOf(moved, s, e)
  return at >= 0 && moved.whole[at]!
}
