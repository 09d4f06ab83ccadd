// Re-anchoring without the previous revision (imported annotations, a report replaced outside the
// app): the quote leads, with its context. Seeds of each quote and its context, looked up in an
// index of the new text, give the places it may now stand, edited or not; one standing out alone
// is an anchor, and the longest run of anchors that kept their order (a longest increasing
// subsequence) says how far each stretch of text moved. Every other annotation is placed among its
// candidates between the anchors around it, by quote, context and nearness to where they expect
// it; failing that, by the older local searches. With the previous revision, the same search
// finds what the diff left unplaced, between the neighbours the diff placed.
import { aroundExpected, bySeeds, type Placement } from './by-seeds'
import { clustered, findAnchors, longestIncreasing, neighbours, type Anchor } from './quote-anchors'
import { quoteOf, roundConfidence, type ReanchorInput, type ReanchorOutcome } from './outcome'
import { outOfStep } from './order-check'
import { ACCEPT_SCORE, searchNear, type QuoteParts } from './quote-search'
import { indexFor, needleSeeds, seededCandidates, type Seeded } from './seeded-candidates'

/** An anchor out of order and alone is believed only with this much context agreeing. */
const LONE_CONTEXT = 0.75
/** Approximate matches of the quote alone are looked for this close to where the drift puts it (wider searches are the seeds' work). */
const NEAR_RADII = [200]
/** Drifts this close are one. */
const SAME_DRIFT = 16
/** The quote searched near where the drifts (nearest first) put it; 'ambiguous' if only rivals were found. */
function nearDrifts(text: string, q: QuoteParts, old: { start: number; end: number }, drifts: number[]): Placement | 'ambiguous' | null {
  let ambiguous = false
  for (const drift of drifts) {
    const found = searchNear(text, q, old.start + drift, NEAR_RADII)
    if (found.kind === 'found') {
      const method = found.method === 'exact' && found.start === old.start && found.end === old.end ? 'position' : found.method
      return { start: found.start, end: found.end, method, confidence: roundConfidence(found.confidence) }
    }
    if (found.kind === 'ambiguous') ambiguous = true
  }
  return ambiguous ? 'ambiguous' : null
}

/** Drifts of the nearest anchors before and after old position `at` (nearest first, one if they agree). */
function driftsAround(anchors: Anchor[], olds: Array<{ start: number }>, k: number, at: number): number[] {
  const [before, after] = neighbours(anchors, k)
  const found: Array<{ drift: number; distance: number }> = []
  if (before) found.push({ drift: before.drift, distance: at - olds[before.k]!.start })
  if (after) found.push({ drift: after.drift, distance: olds[after.k]!.start - at })
  if (found.length === 0) return [0]
  found.sort((a, b) => a.distance - b.distance)
  if (found.length === 2 && Math.abs(found[0]!.drift - found[1]!.drift) <= SAME_DRIFT) found.pop()
  return found.map((f) => f.drift)
}

/** Anchors items[order[0]], items[order[1]], … (document order) on `text`, into `outcomes`. */
export function reanchorQuoteLed(text: string, items: ReanchorInput[], order: number[], outcomes: ReanchorOutcome[]): void {
  const quotes = order.map((i) => quoteOf(items[i]!.selectors))
  const olds = order.map((i) => items[i]!.selectors.position)
  const seeds = quotes.map(needleSeeds)
  const index = indexFor(text, seeds)
  const seeded = quotes.map((q, k) => seededCandidates(index, q, seeds[k]))
  const anchors = findAnchors(text, quotes, olds, seeded)
  const inOrder = anchors.filter((a) => a.trusted)
  const placements = new Map<number, Placement>()
  // An anchor out of order is a passage moved, or a copy of boilerplate whose own copy was
  // edited: where the ordered anchors expect it, the edited copy is looked for first.
  anchors.forEach((a, i) => {
    if (a.trusted) {
      const method = a.quote < 1 ? 'fuzzy' : a.start === olds[a.k]!.start && a.end === olds[a.k]!.end ? 'position' : 'exact'
      placements.set(a.k, { start: a.start, end: a.end, method, confidence: roundConfidence(Math.max(ACCEPT_SCORE, 0.5 + a.context / 2)) })
      return
    }
    const local = nearDrifts(text, quotes[a.k]!, olds[a.k]!, driftsAround(inOrder, olds, a.k, olds[a.k]!.start))
    if (local && local !== 'ambiguous' && (local.start !== a.start || local.end !== a.end)) {
      placements.set(a.k, local)
      return
    }
    const moved = clustered(anchors, i, olds)
    if (moved || (a.telling && a.context >= LONE_CONTEXT)) {
      placements.set(a.k, { start: a.start, end: a.end, method: a.quote === 1 ? 'exact' : 'fuzzy', confidence: roundConfidence(Math.max(ACCEPT_SCORE, 0.5 + a.context / 2)) })
    }
  })
  // Moved passages lend their drift to their neighbours too.
  const guides = anchors.filter((a, i) => a.trusted || (placements.get(a.k)?.start === a.start && clustered(anchors, i, olds)))
  const first = placeRest(text, quotes, seeded, olds, order.map((_, k) => k), placements, guides, inOrder)
  // Sparse annotations have few anchors: confident placements of the first pass become anchors
  // (those that keep their order), and the annotations still unplaced are tried again between them.
  const missing = order.map((_, k) => k).filter((k) => first[k] === null || first[k] === 'ambiguous')
  let last = first
  if (missing.length > 0) {
    const more = asAnchors(first, olds, SECOND_PASS_CONFIDENCE)
    const again = placeRest(text, quotes, seeded, olds, missing, new Map(), more, more)
    last = first.map((p, k) => again[k] ?? p)
  }
  // Anchors stand alone by construction; any other placement on one copy of several, out of
  // step with its neighbours, is left for a person to confirm.
  const anchored = new Set(anchors.filter((a) => placements.get(a.k)?.start === a.start).map((a) => a.k))
  const keep = (k: number) => anchored.has(k)
  const stray = outOfStep(last, olds, seeded, keep)
  for (const k of stray) last[k] = 'ambiguous'
  if (stray.length > 0) {
    // The placements that remain, close around each stray one, say which copy is its own.
    const settled = asAnchors(last, olds, 0)
    const again = placeRest(text, quotes, seeded, olds, stray, new Map(), settled, settled)
    const tried = last.map((p, k) => again[k] ?? p)
    const still = new Set(outOfStep(tried, olds, seeded, (k) => !stray.includes(k)))
    for (const k of stray) if (!still.has(k) && again[k]) last[k] = again[k]
  }
  order.forEach((index, k) => {
    const id = items[index]!.id
    const placed = last[k]
    if (placed && placed !== 'ambiguous') outcomes[index] = { id, status: 'placed', ...placed }
    else outcomes[index] = { id, status: 'unplaced', reason: placed === 'ambiguous' ? 'ambiguous' : 'low_confidence' }
  })
}

/** Placements at least this confident, those that kept their order, as anchors. */
function asAnchors(answers: Array<Placement | 'ambiguous' | null | undefined>, olds: Array<{ start: number }>, confidence: number): Anchor[] {
  const confident: Anchor[] = []
  answers.forEach((p, k) => {
    if (p && p !== 'ambiguous' && p.confidence >= confidence) {
      confident.push({ k, start: p.start, end: p.end, drift: p.start - olds[k]!.start, context: p.confidence, quote: 1, trusted: false, telling: false })
    }
  })
  for (const i of longestIncreasing(confident.map((c) => c.start))) confident[i]!.trusted = true
  return confident.filter((c) => c.trusted)
}

/** Found near a guide's drift but not by its seeds, a quote needs this much confidence. */
const NEAR_CONFIDENCE = 0.8
/** Confidence a first-pass placement needs to serve as an anchor in the second. */
const SECOND_PASS_CONFIDENCE = 0.85

/** The annotations `ks` (document order): by their seeds between the anchors, else near their guides' drifts, else with their context around where the anchors expect them. */
function placeRest(
  text: string,
  quotes: QuoteParts[],
  seeded: Seeded[],
  olds: Array<{ start: number; end: number }>,
  ks: number[],
  placements: Map<number, Placement>,
  guides: Anchor[],
  inOrder: Anchor[],
): Array<Placement | 'ambiguous' | null | undefined> {
  const out: Array<Placement | 'ambiguous' | null | undefined> = new Array(quotes.length)
  for (const k of ks) {
    const q = quotes[k]!
    const old = olds[k]!
    const fixed = placements.get(k)
    if (fixed) {
      out[k] = fixed
      continue
    }
    const [before, after] = neighbours(inOrder, k)
    const seededPlace = q.exact.length > 0 ? bySeeds(text, q, seeded[k]!, old, before, after, olds) : null
    if (seededPlace) {
      out[k] = seededPlace
      continue
    }
    const placed = nearDrifts(text, q, old, driftsAround(guides, olds, k, old.start))
    if (placed && placed !== 'ambiguous' && placed.confidence >= NEAR_CONFIDENCE) {
      out[k] = placed
      continue
    }
    out[k] = aroundExpected(text, q, old, before, after, olds) ?? (placed === 'ambiguous' ? placed : null)
  }
  return out
}
