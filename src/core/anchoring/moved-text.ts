// A diff reports a moved sentence or paragraph as deleted in one place and inserted in another.
// Before calling an annotation's text deleted, look for its deleted block among the insertions.
import { mergeRanges, type OffsetMap } from './offset-map'
import { CONTEXT_LENGTH } from './selectors'

/** Quote plus the context that moved with it must be at least this long to be recognised. */
const MIN_EVIDENCE = 24
/** Deleted blocks searched whole: long enough to be telling, short enough to search quickly. */
const MIN_BLOCK = 40
const MAX_BLOCK = 20_000

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start]!)) start++
  while (end > start && /\s/u.test(text[end - 1]!)) end--
  return [start, end]
}

export interface MovedSpan {
  start: number
  end: number
  confidence: number
}

/** Stretches of one text joined by NUL (which never occurs in a report), searchable at once. */
class JoinedRanges {
  private readonly joined: string
  private readonly offsets: number[] = []
  constructor(text: string, ranges: Array<[number, number]>) {
    const parts: string[] = []
    let at = 0
    for (const [a, b] of ranges) {
      this.offsets.push(at, a)
      parts.push(text.slice(a, b))
      at += b - a + 1
    }
    this.joined = parts.join('\u0000')
  }
  /** Text offsets of up to `cap` occurrences of `needle` that `keep` accepts. */
  find(needle: string, cap: number, keep: (start: number, end: number) => boolean): number[] {
    const found: number[] = []
    for (let at = this.joined.indexOf(needle); at >= 0 && found.length < cap; at = this.joined.indexOf(needle, at + 1)) {
      const start = this.toText(at)
      if (keep(start, start + needle.length)) found.push(start)
    }
    return found
  }
  private toText(at: number): number {
    let lo = 0
    let hi = this.offsets.length / 2 - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.offsets[mid * 2]! <= at) lo = mid
      else hi = mid - 1
    }
    return this.offsets[lo * 2 + 1]! + (at - this.offsets[lo * 2]!)
  }
}

interface Searchable {
  inserted: JoinedRanges
  deleted: JoinedRanges
  isInserted: (start: number, end: number) => boolean
  isDeleted: (start: number, end: number) => boolean
}
const cache = new WeakMap<OffsetMap, Searchable>()

/**
 * The inserted and deleted text of a script, searchable. Pairs of sentences left coarse may hold
 * some: they are searched too, and a hit there counts once the pair, refined, says it is inserted
 * (deleted) text.
 */
function searchable(oldText: string, newText: string, map: OffsetMap): Searchable {
  let found = cache.get(map)
  if (!found) {
    const lazy = map.unrefinedNew.length > 0
    found = {
      inserted: new JoinedRanges(newText, lazy ? union(map.newOnly, map.unrefinedNew) : map.newOnly),
      deleted: new JoinedRanges(oldText, lazy ? union(map.oldOnly, map.unrefinedOld) : map.oldOnly),
      isInserted: lazy ? (a, b) => map.isNewOnly(a, b) : () => true,
      isDeleted: lazy ? (a, b) => map.isOldOnly(a, b) : () => true,
    }
    cache.set(map, found)
  }
  return found
}

/** Sorted ranges covering both lists, touching ones joined. */
function union(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  return mergeRanges([...a, ...b].sort((x, y) => x[0] - y[0]))
}

/**
 * Where the deleted old span [s, e) reappears in inserted text, together with the context that
 * was deleted with it (a moved block keeps its inside intact). 'ambiguous' when it reappears
 * twice, or when another deleted block holds the same text (then either could have moved).
 */
export function findMoved(oldText: string, newText: string, map: OffsetMap, s: number, e: number): MovedSpan | 'ambiguous' | null {
  const [runStart, runEnd] = map.deletedRun(s, e)
  if (runStart > s || runEnd < e) return null
  const joined = searchable(oldText, newText, map)
  // The whole deleted block found once among the insertions is a move, even where its sentences
  // are boilerplate that also stands in other deleted blocks.
  const [blockStart, blockEnd] = trimmed(oldText, runStart, runEnd)
  const block = oldText.slice(blockStart, blockEnd)
  if (block.length >= MIN_BLOCK && block.length <= MAX_BLOCK && blockStart <= s && e <= blockEnd) {
    const found = joined.inserted.find(block, 2, joined.isInserted)
    if (found.length === 1 && joined.deleted.find(block, 2, joined.isDeleted).length === 1) {
      const start = found[0]! + (s - blockStart)
      return { start, end: start + (e - s), confidence: 1 }
    }
  }
  const prefix = oldText.slice(Math.max(runStart, s - CONTEXT_LENGTH), s).trimStart()
  const suffix = oldText.slice(e, Math.min(runEnd, e + CONTEXT_LENGTH)).trimEnd()
  const needle = prefix + oldText.slice(s, e) + suffix
  if (needle.length < MIN_EVIDENCE) return null
  const found = joined.inserted.find(needle, 2, joined.isInserted)
  const start = found[0]
  if (start === undefined) return null
  if (found.length > 1 || joined.deleted.find(needle, 2, joined.isDeleted).length > 1) return 'ambiguous'
  return { start: start + prefix.length, end: start + prefix.length + (e - s), confidence: Math.min(1, needle.length / (2 * CONTEXT_LENGTH)) }
}
