// An index of the new text's word starts, by a hash of the next few folded characters: where a
// quote and its context might stand anywhere in a long report is then a few table look-ups, not
// a scan of the whole text per annotation. Folding (case and diacritics aside) keeps a seed
// alive through the most common edit, another tone mark.
import { foldCode, isWordCode } from './fold-table'

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

export class SeedIndex {
  private readonly keys: Uint32Array
  private readonly used: Uint8Array
  private readonly heads: Int32Array
  private readonly counts: Int32Array
  private readonly next: Int32Array
  private readonly positions: Int32Array
  private readonly mask: number

  constructor(text: string) {
    const seeds = seedsOf(text)
    let size = 1024
    while (size < seeds.length * 2) size <<= 1
    this.mask = size - 1
    this.keys = new Uint32Array(size)
    this.used = new Uint8Array(size)
    this.heads = new Int32Array(size).fill(-1)
    this.counts = new Int32Array(size)
    this.next = new Int32Array(seeds.length)
    this.positions = new Int32Array(seeds.length)
    for (let s = seeds.length - 1; s >= 0; s--) {
      const { at, hash } = seeds[s]!
      const slot = this.slotOf(hash, true)
      this.positions[s] = at
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

  /** How often a seed occurs. */
  count(hash: number): number {
    const slot = this.slotOf(hash, false)
    return slot < 0 ? 0 : this.counts[slot]!
  }

  /** Where a seed occurs (ascending), unless more than `cap` times (then null). */
  find(hash: number, cap = MAX_SEED_OCCURRENCES): number[] | null {
    const slot = this.slotOf(hash, false)
    if (slot < 0) return []
    if (this.counts[slot]! > cap) return null
    const out: number[] = []
    for (let s = this.heads[slot]!; s >= 0; s = this.next[s]!) out.push(this.positions[s]!)
    return out
  }
}
