// Where a quote with its context may stand anywhere in the new text: each seed of the needle
// (prefix + quote + suffix) found in the index votes for the quote start it implies, and nearby
// votes are gathered into candidates. A passage edited here and there keeps most of its seeds, so
// an edited quote is found as readily as an exact one; copies of boilerplate come out as several
// candidates of equal weight, for order and position to tell apart.
import { MAX_SEED_OCCURRENCES, seedsOf, type SeedIndex } from './seed-index'
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

export function seededCandidates(index: SeedIndex, q: QuoteParts): Seeded {
  const needle = q.prefix + q.exact + q.suffix
  const p = q.prefix.length
  const tolerance = 16 + Math.ceil(q.exact.length / 20)
  let seeds = seedsOf(needle)
  if (seeds.length > MAX_SEEDS) {
    const step = seeds.length / MAX_SEEDS
    seeds = Array.from({ length: MAX_SEEDS }, (_, i) => seeds[Math.floor(i * step)]!)
  }
  const preds: number[] = []
  const owners: number[] = []
  const l = q.exact.length
  let informative = 0
  seeds.forEach((seed, s) => {
    const found = index.find(seed.hash, MAX_SEED_OCCURRENCES)
    if (found === null) return
    informative++
    for (const pos of found) {
      preds.push(pos - seed.at + p)
      owners.push(s)
    }
  })
  if (preds.length === 0) return { candidates: [], informative, tolerance }
  const order = preds.map((_, i) => i).sort((a, b) => preds[a]! - preds[b]!)
  const candidates: Candidate[] = []
  let group: number[] = []
  const close = () => {
    if (group.length === 0) return
    const voters = new Set(group.map((i) => owners[i]!))
    let nearStart = group[0]!
    let nearEnd = group[0]!
    for (const i of group) {
      const o = seeds[owners[i]!]!.at
      if (Math.abs(o - p) < Math.abs(seeds[owners[nearStart]!]!.at - p)) nearStart = i
      if (Math.abs(o - p - l) < Math.abs(seeds[owners[nearEnd]!]!.at - p - l)) nearEnd = i
    }
    candidates.push({ at: preds[nearStart]!, end: preds[nearEnd]! + l, votes: voters.size })
    group = []
  }
  for (const i of order) {
    if (group.length > 0 && preds[i]! - preds[group[group.length - 1]!]! > tolerance) close()
    group.push(i)
  }
  close()
  candidates.sort((a, b) => b.votes - a.votes || a.at - b.at)
  return { candidates, informative, tolerance }
}
