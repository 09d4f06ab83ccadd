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
const spare = new Int32Array(MAX_SEEDS * MAX_SEED_OCCURRENCES)
/** How far each seed of the needle stands from the quote's start and from its end. */
const toStart = new Int32Array(MAX_SEEDS)
const toEnd = new Int32Array(MAX_SEEDS)
/** Where each seed's votes end in `buffer`: each seed's votes come in ascending order. */
const runEnds = new Int32Array(MAX_SEEDS + 1)

/** Candidates counted by their votes (at most MAX_SEEDS). */
const withVotes = new Int32Array(MAX_SEEDS + 2)

/**
 * Candidates (made in order of position) by most votes, then position: a counting sort, stable,
 * so the order of position survives among equal votes.
 */
function mostVotesFirst(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates
  withVotes.fill(0)
  // Slot MAX_SEEDS - votes + 1 counts candidates with that many votes: most votes first.
  for (const c of candidates) withVotes[MAX_SEEDS - c.votes + 1]!++
  for (let v = 1; v <= MAX_SEEDS + 1; v++) withVotes[v]! += withVotes[v - 1]!
  const sorted = new Array<Candidate>(candidates.length)
  for (const c of candidates) sorted[withVotes[MAX_SEEDS - c.votes]!++] = c
  return sorted
}

/**
 * Sorts the votes in `buffer`, made of `runs` ascending runs ending at `runEnds`, by merging them pairwise
 * (a few passes over a few hundred votes, cheaper than sorting them afresh). Returns the array
 * holding the result.
 */
function mergeRuns(runs: number): Int32Array {
  let from = buffer
  let to = spare
  while (runs > 1) {
    let merged = 0
    let start = 0
    for (let r = 0; r < runs; r += 2) {
      const mid = runEnds[r]!
      const end = r + 1 < runs ? runEnds[r + 1]! : mid
      let i = start
      let j = mid
      let o = start
      while (i < mid && j < end) to[o++] = from[i]! <= from[j]! ? from[i++]! : from[j++]!
      while (i < mid) to[o++] = from[i++]!
      while (j < end) to[o++] = from[j++]!
      runEnds[merged++] = end
      start = end
    }
    runs = merged
    const t = from
    from = to
    to = t
  }
  return from
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
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
  const p = q.prefix.length
  const tolerance = 16 + Math.ceil(q.exact.length / 20)
  const l = q.exact.length
  // Each vote packed as (predicted start + offset) * SEED_SLOTS + seed: votes sort as integers.
  let n = 0
  let informative = 0
  if (index.length > MAX_TEXT || p + l + q.suffix.length > MAX_NEEDLE) return { candidates: [], informative, tolerance }
  let runs = 0
  for (let s = 0; s < seeds.length; s++) {
    const id = index.seedNumber(seeds[s]!.hash)
    if (id < 0) {
      informative++
      continue
    }
    const first = index.first(id)
    const last = index.last(id)
    if (last - first > MAX_SEED_OCCURRENCES) continue
    informative++
    if (last === first) continue
    toStart[s] = Math.abs(seeds[s]!.at - p)
    toEnd[s] = Math.abs(seeds[s]!.at - p - l)
    const shift = ((p - seeds[s]!.at + OFFSET) << SEED_BITS) + s
    for (let o = first; o < last; o++) buffer[n++] = (index.position(o) << SEED_BITS) + shift
    runEnds[runs++] = n
  }
  if (n === 0) return { candidates: [], informative, tolerance }
  const packed = mergeRuns(runs)
  // Sorted votes no further apart than `tolerance` make one candidate; the seeds nearest to the
  // quote's start and end place its edges.
  const candidates: Candidate[] = []
  let voters = 0
  let nearStart = -1
  let nearEnd = -1
  let startAt = 0
  let endAt = 0
  let previous = packed[0]! >> SEED_BITS
  for (let i = 0; i < n; i++) {
    const vote = packed[i]!
    const at = vote >> SEED_BITS
    if (at - previous > tolerance) {
      candidates.push({ at: startAt, end: endAt, votes: bitCount(voters) })
      voters = 0
      nearStart = -1
      nearEnd = -1
    }
    previous = at
    const s = vote & (SEED_SLOTS - 1)
    voters |= 1 << s
    if (nearStart < 0 || toStart[s]! < nearStart) {
      nearStart = toStart[s]!
      startAt = at - OFFSET
    }
    if (nearEnd < 0 || toEnd[s]! < nearEnd) {
      nearEnd = toEnd[s]!
      endAt = at - OFFSET + l
    }
  }
  candidates.push({ at: startAt, end: endAt, votes: bitCount(voters) })
  return { candidates: mostVotesFirst(candidates), informative, tolerance }
}
