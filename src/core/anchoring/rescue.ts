// With the previous revision at hand, some annotations come out of the diff unplaced though their
// text is still there: a copy of boilerplate that the diff paired with another identical copy.
// The annotations the diff placed for certain are anchors, and the seed search places the rest
// between them where quote, context and order agree.
import { bySeeds, MIN_SEEDED_CONTEXT, type Placement } from './by-seeds'
import { quoteOf, roundConfidence, type ReanchorInput, type ReanchorOutcome } from './outcome'
import { longestIncreasing, neighbours, type Anchor } from './quote-anchors'
import { ACCEPT_SCORE, candidatesBetween, minContext, type QuoteParts } from './quote-search'
import { indexFor, needleSeeds, seededCandidates } from './seeded-candidates'

/**
 * With the previous revision at hand, some annotations come out of the diff unplaced though
 * their text is still there (a copy of boilerplate that the diff paired with another copy). The
 * annotations the diff placed for certain are anchors; each unplaced one is looked for by its
 * seeds between the two around it, and placed only where quote, context and order all agree.
 */
export function rescueBetween(text: string, items: ReanchorInput[], order: number[], outcomes: ReanchorOutcome[], certain: boolean[]): void {
  const missing = order.filter((i) => outcomes[i]!.status === 'unplaced')
  if (missing.length === 0) return
  const placedAnchors: Anchor[] = []
  const kOf = new Map<number, number>()
  order.forEach((i, k) => {
    kOf.set(i, k)
    const o = outcomes[i]!
    if (o.status === 'placed' && certain[i]) {
      placedAnchors.push({ k, start: o.start, end: o.end, drift: o.start - items[i]!.selectors.position.start, context: 1, quote: 1, trusted: false, telling: false })
    }
  })
  for (const a of longestIncreasing(placedAnchors.map((a) => a.start))) placedAnchors[a]!.trusted = true
  const anchors = placedAnchors.filter((a) => a.trusted)
  const olds = order.map((i) => items[i]!.selectors.position)
  const quotes = new Map(missing.map((i) => [i, quoteOf(items[i]!.selectors)]))
  const seeds = new Map([...quotes].map(([i, q]) => [i, needleSeeds(q)]))
  const index = indexFor(text, [...seeds.values()])
  for (const i of missing) {
    const q = quotes.get(i)!
    if (q.exact.length === 0) continue
    const k = kOf.get(i)!
    const [before, after] = neighbours(anchors, k)
    if (!before || !after) continue
    const found = bySeeds(text, q, seededCandidates(index, q, seeds.get(i)), olds[k]!, before, after, olds) ?? onlyBetween(text, q, before, after)
    if (found && found !== 'ambiguous') outcomes[i] = { id: items[i]!.id, status: 'placed', ...found }
  }
}

/** The quote's only exact occurrence between two anchors close together, its context agreeing. */
function onlyBetween(text: string, q: QuoteParts, before: Anchor, after: Anchor): Placement | null {
  if (after.start - before.start > MAX_ONLY_GAP) return null
  const found = candidatesBetween(text, q, before.start, after.start, 1, false)
  if (!found || found.length !== 1) return null
  const [c] = found
  if (c!.context < Math.max(MIN_SEEDED_CONTEXT, minContext(q.exact.length))) return null
  return { start: c!.start, end: c!.end, method: 'exact', confidence: roundConfidence(Math.max(ACCEPT_SCORE, c!.context)) }
}

/** Anchors at most this far apart leave room for one copy of a passage only. */
const MAX_ONLY_GAP = 2_000
