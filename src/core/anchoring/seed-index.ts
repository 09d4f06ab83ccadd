// An index of the new text's word starts, by a hash of the next few folded characters: where a
// quote and its context might stand anywhere in a long report is then a few table look-ups, not
// a scan of the whole text per annotation. Folding (case and diacritics aside) keeps a seed
// alive through the most common edit, another tone mark.
import { foldCode, foldTables, isWordCode } from './fold-table'

/** Folded characters hashed from each word start: long enough to be telling, short enough to survive a typo nearby. */
export const SEED_LENGTH = 10
/** A seed occurring more often than this says nothing about where a passage is. */
export const MAX_SEED_OCCURRENCES = 48

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** Hash of SEED_LENGTH folded characters from `at` (marks skipped), or -1 if the text ends first. */
function seedAt(text: string, at: number, end: number): number {
  let h = FNV_OFFSET
  let taken = 0
  for (let i = at; i < end && taken < SEED_LENGTH; i++) {
    const f = foldCode(text.charCodeAt(i))
    if (f === 0) continue
    h = Math.imul(h ^ f, FNV_PRIME)
    taken++
  }
  return taken < SEED_LENGTH ? -1 : h >>> 0
}

function isWordStart(text: string, i: number, from: number): boolean {
  return isWordCode(text.charCodeAt(i)) && (i === from || !isWordCode(text.charCodeAt(i - 1)))
}

/** Word starts of text[from, to) and their seeds (only those with SEED_LENGTH characters after them). */
export function seedsOf(text: string, from = 0, to = text.length): Array<{ at: number; hash: number }> {
  const out: Array<{ at: number; hash: number }> = []
  for (let i = from; i < to; i++) {
    if (!isWordStart(text, i, from)) continue
    const hash = seedAt(text, i, to)
    if (hash < 0) break
    out.push({ at: i, hash })
  }
  return out
}

/** A set of seed hashes in an open-addressing table small enough to stay in cache. */
class HashSet {
  private readonly keys: Uint32Array
  private readonly used: Uint8Array
  private readonly mask: number
  constructor(hashes: Iterable<number>, size: number) {
    let slots = 64
    while (slots < size * 2) slots <<= 1
    this.mask = slots - 1
    this.keys = new Uint32Array(slots)
    this.used = new Uint8Array(slots)
    for (const h of hashes) {
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask
      while (this.used[slot] && this.keys[slot] !== h) slot = (slot + 1) & this.mask
      this.used[slot] = 1
      this.keys[slot] = h
    }
  }
  has(h: number): boolean {
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask
    while (this.used[slot]) {
      if (this.keys[slot] === h) return true
      slot = (slot + 1) & this.mask
    }
    return false
  }
}

/** Seeds of a whole text in typed arrays: each word start hashed over the folded characters after it (only those in `wanted`, when given). */
function seedArrays(text: string, wanted: HashSet | null): { at: Int32Array; hash: Uint32Array; count: number } {
  const n = text.length
  const { folded: foldOf, wordLike, limit } = foldTables()
  const fold = (code: number) => (code < limit ? foldOf[code]! : foldCode(code))
  const isWord = (code: number) => (code < limit ? wordLike[code] === 1 : isWordCode(code))
  let capacity = wanted ? 1024 : Math.max(16, n >> 2)
  let at = new Int32Array(capacity)
  let hash = new Uint32Array(capacity)
  let count = 0
  let inWord = false
  for (let i = 0; i < n; i++) {
    const word = isWord(text.charCodeAt(i))
    if (word && !inWord) {
      let h = FNV_OFFSET
      let taken = 0
      for (let j = i; j < n && taken < SEED_LENGTH; j++) {
        const f = fold(text.charCodeAt(j))
        if (f === 0) continue
        h = Math.imul(h ^ f, FNV_PRIME)
        taken++
      }
      if (taken < SEED_LENGTH) break
      if (wanted && !wanted.has(h >>> 0)) {
        inWord = word
        continue
      }
      if (count === capacity) {
        capacity *= 2
        const a = new Int32Array(capacity)
        a.set(at)
        at = a
        const b = new Uint32Array(capacity)
        b.set(hash)
        hash = b
      }
      at[count] = i
      hash[count] = h >>> 0
      count++
    }
    inWord = word
  }
  return { at, hash, count }
}

export class SeedIndex {
  private readonly keys: Uint32Array
  private readonly used: Uint8Array
  private readonly heads: Int32Array
  private readonly counts: Int32Array
  private readonly next: Int32Array
  private readonly positions: Int32Array
  private readonly mask: number
  /** Length of the indexed text. */
  readonly length: number

  /**
   * The seeds of `text`; with `wanted` (the seeds of every needle that will be looked up), only
   * those: the text is still hashed at every word start, but the table holds a few thousand
   * entries instead of every word of the report. Looking up a seed not in `wanted` finds nothing.
   */
  constructor(text: string, wanted?: { hashes: Iterable<number>; size: number }) {
    this.length = text.length
    const { at: starts, hash: hashes, count } = seedArrays(text, wanted ? new HashSet(wanted.hashes, wanted.size) : null)
    let size = 1024
    while (size < count * 2) size <<= 1
    this.mask = size - 1
    this.keys = new Uint32Array(size)
    this.used = new Uint8Array(size)
    this.heads = new Int32Array(size).fill(-1)
    this.counts = new Int32Array(size)
    this.next = new Int32Array(count)
    this.positions = new Int32Array(count)
    for (let s = count - 1; s >= 0; s--) {
      const slot = this.slotOf(hashes[s]!, true)
      this.positions[s] = starts[s]!
      this.next[s] = this.heads[slot]!
      this.heads[slot] = s
      this.counts[slot]!++
    }
  }

  private slotOf(hash: number, insert: boolean): number {
    let slot = Math.imul(hash, 0x9e3779b1) >>> 0 & this.mask
    for (;;) {
      if (!this.used[slot]) {
        if (!insert) return -1
        this.used[slot] = 1
        this.keys[slot] = hash
        return slot
      }
      if (this.keys[slot] === hash) return slot
      slot = (slot + 1) & this.mask
    }
  }

  /** Calls `visit` for each place a seed occurs and returns how many, unless more than `cap` (then -1, none visited). */
  each(hash: number, cap: number, visit: (at: number) => void): number {
    const slot = this.slotOf(hash, false)
    if (slot < 0) return 0
    if (this.counts[slot]! > cap) return -1
    for (let s = this.heads[slot]!; s >= 0; s = this.next[s]!) visit(this.positions[s]!)
    return this.counts[slot]!
  }
}
