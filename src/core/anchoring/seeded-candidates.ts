// Where a quote with its context may stand anywhere in the new text: each seed of the needle
// (prefix + quote + suffix) found in the index votes for the quote start it implies, and nearby
// votes are gathered into candidates. A passage edited here and there keeps most of its seeds, so
// an edited quote is found as readily as an exact one; copies of boilerplate come out as several
// candidates of equal weight, for order and position to tell apart.
import { MAX_SEED_OCCURRENCES, SeedIndex, seedsOf } from './seed-index'
import type { QuoteParts } from './quote-search'

export interface Candidate {
  /** Where the seeds put the quote's start (the seed nearest to it decides)… */
  at: number
  /** …and its end (the seed nearest to that). */
  end: number
  /** Seeds agreeing on it. */
  votes: number
}

export interface Seeded {
  /** Candidates, most votes first. */
  candidates: Candidate[]
  /** Seeds of the needle rare enough to vote. */
  informative: number
  /** How far apart two votes for one place may be (edits inside the needle shift them). */
  tolerance: number
}

/** Seeds taken from a long needle at most: spread over it, enough to outvote edits. */
const MAX_SEEDS = 24
/** Packing of a vote: seed number in the low part, predicted start (shifted to be positive) above. */
const SEED_BITS = 5
const SEED_SLOTS = 1 << SEED_BITS
const OFFSET = 1 << 20
/** Packed votes are 32-bit integers: texts and needles up to these lengths (far beyond any report). */
const MAX_TEXT = (1 << 25) - OFFSET
const MAX_NEEDLE = OFFSET

const buffer = new Int32Array(MAX_SEEDS * MAX_SEED_OCCURRENCES)

function bitCount(x: number): number {
  let n = 0
  for (; x !== 0; x >>>= 1) n += x & 1
  return n
}

/** The seeds a needle (prefix + quote + suffix) is looked up by: at most MAX_SEEDS, spread over it. */
export function needleSeeds(q: QuoteParts): Array<{ at: number; hash: number }> {
  const seeds = seedsOf(q.prefix + q.exact + q.suffix)
  if (seeds.length <= MAX_SEEDS) return seeds
  const step = seeds.length / MAX_SEEDS
  return Array.from({ length: MAX_SEEDS }, (_, i) => seeds[Math.floor(i * step)]!)
}

/** An index of `text` holding only the seeds of these needles (all that will be looked up in it). */
export function indexFor(text: string, seeds: Array<Array<{ hash: number }>>): SeedIndex {
  let size = 0
  for (const s of seeds) size += s.length
  const hashes = new Uint32Array(size)
  let n = 0
  for (const s of seeds) for (const x of s) hashes[n++] = x.hash
  return new SeedIndex(text, hashes)
}

export function seededCandidates(index: SeedIndex, q: QuoteParts, seeds = needleSeeds(q)): Seeded {
  const needle = q.prefix + q.exact + q.suffix
  const p = q.prefix.length
  const tolerance = 16 + Math.ceil(q.exact.length / 20)
  const l = q.exact.length
  // Each vote packed as (predicted start + offset) * SEED_SLOTS + seed: one native numeric sort.
  let n = 0
  let informative = 0
  if (index.length > MAX_TEXT || needle.length > MAX_NEEDLE) return { candidates: [], informative, tolerance }
  for (let s = 0; s < seeds.length; s++) {
    const shift = ((p - seeds[s]!.at + OFFSET) << SEED_BITS) + s
    const found = index.each(seeds[s]!.hash, MAX_SEED_OCCURRENCES, (pos) => {
      buffer[n++] = (pos << SEED_BITS) + shift
    })
    if (found >= 0) informative++
  }
  if (n === 0) return { candidates: [], informative, tolerance }
  const packed = buffer.subarray(0, n).sort()
  const candidates: Candidate[] = []
  let first = 0
  const close = (last: number) => {
    let voters = 0
    let nearStart = -1
    let nearEnd = -1
    let startAt = 0
    let endAt = 0
    for (let i = first; i <= last; i++) {
      const s = packed[i]! & (SEED_SLOTS - 1)
      voters |= 1 << s
      const pred = (packed[i]! >> SEED_BITS) - OFFSET
      const o = seeds[s]!.at
      if (nearStart < 0 || Math.abs(o - p) < nearStart) {
        nearStart = Math.abs(o - p)
        startAt = pred
      }
      if (nearEnd < 0 || Math.abs(o - p - l) < nearEnd) {
        nearEnd = Math.abs(o - p - l)
        endAt = pred + l
      }
    }
    candidates.push({ at: startAt, end: endAt, votes: bitCount(voters) })
  }
  for (let i = 1; i <= packed.length; i++) {
    if (i === packed.length || (packed[i]! >> SEED_BITS) - (packed[i - 1]! >> SEED_BITS) > tolerance) {
      close(i - 1)
      first = i
    }
  }
  candidates.sort((a, b) => b.votes - a.votes || a.at - b.at)
  return { candidates, informative, tolerance }
}
