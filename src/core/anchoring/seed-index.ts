// An index of the new text's word starts, by a hash of the next few folded characters: where a
// quote and its context might stand anywhere in a long report is then a few table look-ups, not
// a scan of the whole text per annotation. Folding (case and diacritics aside) keeps a seed
// alive through the most common edit, another tone mark.
import { foldCode, foldTables, isWordCode } from './fold-table'

/** Folded characters hashed from each word start: long enough to be telling, short enough to survive a typo nearby. */
export const SEED_LENGTH = 10
/** A seed occurring more often than this says nothing about where a passage is. */
export const MAX_SEED_OCCURRENCES = 48

/** Multiplier of the rolling hash (odd, bits spread), and its power that drops the character leaving the window. */
const BASE = 0x2c9277b5
const BASE_OUT = (() => {
  let p = 1
  for (let i = 0; i < SEED_LENGTH; i++) p = Math.imul(p, BASE)
  return p
})()
/** Ring buffers of the last folded characters: a power of two above SEED_LENGTH. */
const RING = 16

/** Mixes every bit of the rolling hash into the low ones, which the tables below take their slots from (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Seed hashes numbered 0, 1, 2… in the order added, in an open-addressing table small enough to stay in cache. */
class SeedTable {
  /** One bit per value of a hash's low 16 bits: most hashes not in the table are told by this bit alone. */
  readonly bits = new Int32Array(1 << 11)
  private readonly keys: Uint32Array
  private readonly ids: Int32Array
  private readonly mask: number
  /** Distinct hashes added. */
  size = 0
  constructor(capacity: number) {
    let slots = 64
    while (slots < capacity * 2) slots <<= 1
    this.mask = slots - 1
    this.keys = new Uint32Array(slots)
    this.ids = new Int32Array(slots).fill(-1)
  }
  /** The number of `h`, given it on first sight. */
  add(h: number): number {
    let slot = h & this.mask
    for (;;) {
      const id = this.ids[slot]!
      if (id < 0) break
      if (this.keys[slot] === h) return id
      slot = (slot + 1) & this.mask
    }
    this.bits[(h & 0xffff) >>> 5]! |= 1 << (h & 31)
    this.keys[slot] = h
    this.ids[slot] = this.size
    return this.size++
  }
  /** The number of `h`, or -1 if it was never added. */
  idOf(h: number): number {
    if ((this.bits[(h & 0xffff) >>> 5]! & (1 << (h & 31))) === 0) return -1
    let slot = h & this.mask
    for (;;) {
      const id = this.ids[slot]!
      if (id < 0 || this.keys[slot] === h) return id
      slot = (slot + 1) & this.mask
    }
  }
}

/** In `codeTable`: the bit saying a code unit belongs to a word, above its folded form. */
const WORD = 0x10000
let codes: Int32Array | null = null

/** Folded form and word bit of every tabulated code unit, in one entry: one look-up per character of a long text. */
function codeTable(): Int32Array {
  if (!codes) {
    const { folded, wordLike, limit } = foldTables()
    codes = new Int32Array(limit)
    for (let c = 0; c < limit; c++) codes[c] = folded[c]! | (wordLike[c] === 1 ? WORD : 0)
  }
  return codes
}

/**
 * Output of `seedPass`: positions, and hashes (or numbers in `wanted`). Reused from call to call,
 * grown to the most word starts a text has had (~1 MB for a 600,000-character report).
 */
let outAt = new Int32Array(4096)
let outHash = new Uint32Array(4096)
const ringFolded = new Int32Array(RING)
const ringStart = new Int32Array(RING)

function push(count: number, at: number, hash: number): number {
  if (count === outAt.length) {
    const a = new Int32Array(count * 2)
    a.set(outAt)
    outAt = a
    const b = new Uint32Array(count * 2)
    b.set(outHash)
    outHash = b
  }
  outAt[count] = at
  outHash[count] = hash
  return count + 1
}

/**
 * The seeds of text[from, to) into `outAt`/`outHash`, in text order; returns how many. A seed is
 * a word start (a word character whose previous code unit is not one, or the first of the range)
 * with the hash of the SEED_LENGTH folded characters from it (combining marks, which fold to
 * nothing, skipped); a word start with fewer after it has none. One pass: each character enters a
 * rolling hash of the last SEED_LENGTH folded ones, and the window is emitted when the character
 * it begins with came with a word start. With `wanted`, only seeds whose hash is in it, each
 * given as its number in `wanted` instead of its hash.
 */
function seedPass(text: string, from: number, to: number, wanted: SeedTable | null): number {
  const table = codeTable()
  const limit = table.length
  const bits = wanted ? wanted.bits : null
  ringFolded.fill(0)
  let count = 0
  let h = 0
  let taken = 0
  let prevWord = 0
  // The word start(s) since the last folded character: -1 none, p one at p, -2 - p several from p.
  let start = -1
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    const code = c < limit ? table[c]! : foldCode(c) | (isWordCode(c) ? WORD : 0)
    const word = code >>> 16
    if (word > prevWord) start = start === -1 ? i : start < -1 ? start : -2 - start
    prevWord = word
    const f = code & 0xffff
    if (f === 0) continue
    const slot = taken & (RING - 1)
    h = (Math.imul(h, BASE) + f - Math.imul(ringFolded[(taken - SEED_LENGTH) & (RING - 1)]!, BASE_OUT)) | 0
    ringFolded[slot] = f
    ringStart[slot] = start
    start = -1
    taken++
    if (taken < SEED_LENGTH) continue
    const first = ringStart[(taken - SEED_LENGTH) & (RING - 1)]!
    if (first === -1) continue
    const hash = mix(h)
    let key = hash
    if (bits) {
      if ((bits[(hash & 0xffff) >>> 5]! & (1 << (hash & 31))) === 0) continue
      key = wanted!.idOf(hash)
      if (key < 0) continue
    }
    if (first >= 0) {
      count = push(count, first, key)
      continue
    }
    // Several word starts before one folded character (only around code units that fold to
    // nothing and are not word characters): each has the same seed.
    for (let p = -2 - first; p < to; p++) {
      const code = text.charCodeAt(p)
      if (isWordCode(code) && (p === from || !isWordCode(text.charCodeAt(p - 1)))) count = push(count, p, key)
      if (foldCode(code) !== 0) break
    }
  }
  return count
}

/** Word starts of text[from, to) and their seeds (only those with SEED_LENGTH folded characters after them). */
export function seedsOf(text: string, from = 0, to = text.length): Array<{ at: number; hash: number }> {
  const count = seedPass(text, from, to, null)
  const out = new Array<{ at: number; hash: number }>(count)
  for (let s = 0; s < count; s++) out[s] = { at: outAt[s]!, hash: outHash[s]! }
  return out
}

export class SeedIndex {
  private readonly table: SeedTable
  /** Where each seed's occurrences begin in `positions` (by the seed's number; one more at the end). */
  private readonly starts: Int32Array
  /** Occurrences of seed 0 in text order, then of seed 1, and so on. */
  private readonly positions: Int32Array
  /** Length of the indexed text. */
  readonly length: number

  /**
   * The seeds of `text`; with `wanted` (the seeds of every needle that will be looked up), only
   * those: the text is still hashed at every word start, but the table holds the needles' seeds
   * only. Looking up a seed not in `wanted` finds nothing.
   */
  constructor(text: string, wanted?: ArrayLike<number>) {
    this.length = text.length
    let count: number
    if (wanted) {
      this.table = new SeedTable(wanted.length)
      for (let i = 0; i < wanted.length; i++) this.table.add(wanted[i]!)
      count = seedPass(text, 0, text.length, this.table)
    } else {
      count = seedPass(text, 0, text.length, null)
      this.table = new SeedTable(count)
      for (let s = 0; s < count; s++) outHash[s] = this.table.add(outHash[s]!)
    }
    // Occurrences grouped by seed (a counting sort of the pass's output, which is in text order).
    const starts = new Int32Array(this.table.size + 1)
    for (let s = 0; s < count; s++) starts[outHash[s]! + 1]!++
    for (let id = 0; id < this.table.size; id++) starts[id + 1]! += starts[id]!
    const fill = starts.slice(0, this.table.size)
    const positions = new Int32Array(count)
    for (let s = 0; s < count; s++) positions[fill[outHash[s]!]!++] = outAt[s]!
    this.starts = starts
    this.positions = positions
  }

  /** The number of a seed in the index, or -1 if it does not occur (see `first`, `last`). */
  seedNumber(hash: number): number {
    return this.table.idOf(hash)
  }

  /** Where the occurrences of seed number `id` begin in `positions`… */
  first(id: number): number {
    return this.starts[id]!
  }

  /** …and where they end. */
  last(id: number): number {
    return this.starts[id + 1]!
  }

  /** The text position of occurrence `s` (occurrences of one seed in text order). */
  position(s: number): number {
    return this.positions[s]!
  }
}
