// Re-anchoring without the previous revision (imported annotations, a report replaced outside the
// app): the quote leads, with its context. Seeds of each quote and its context, looked up in an
// index of the new text, give the places it may now stand, edited or not; one standing out alone
// is an anchor, and the longest run of anchors that kept their order (a longest increasing
// subsequence) says how far each stretch of text moved. Every other annotation is placed among its
// candidates between the anchors around it, by quote, context and nearness to where they expect
// it; failing that, by the older local searches. With the previous revision, the same search
// finds what the diff left unplaced, between the neighbours the diff placed.
import { alignNeedle, type NeedleHit } from './needle-align'
import { clustered, findAnchors, longestIncreasing, verifyCandidate, type Anchor } from './quote-anchors'
import { contextSimilarity } from './similarity'
import { quoteOf, REVIEW_BELOW, roundConfidence, type ReanchorInput, type ReanchorOutcome } from './outcome'
import { ACCEPT_SCORE, candidatesBetween, minContext, searchNear, type QuoteParts } from './quote-search'
import { seededCandidates, type Seeded } from './seeded-candidates'
import { SeedIndex } from './seed-index'

/** An anchor out of order and alone is believed only with this much context agreeing. */
const LONE_CONTEXT = 0.75
/** Approximate matches of the quote alone are looked for this close to where the drift puts it (wider searches are the seeds' work). */
const NEAR_RADII = [200]
/** Drifts this close are one. */
const SAME_DRIFT = 16
/** A quote found this often at most is weighed anywhere in the text by its context. */
const MAX_GLOBAL = 64
const GLOBAL_CONTEXT = 0.9
const GLOBAL_LEAD = 0.3
/** Shorter quotes say too little to be looked for anywhere. */
const MIN_GLOBAL_LENGTH = 8

/** The quote anywhere in the text, where its context clearly agrees better than at any other copy. */
function byContextAlone(text: string, q: QuoteParts): { start: number; end: number; context: number } | null {
  if (q.exact.length < MIN_GLOBAL_LENGTH) return null
  const scored: Array<{ start: number; context: number }> = []
  for (let at = text.indexOf(q.exact); at >= 0; at = text.indexOf(q.exact, at + 1)) {
    if (scored.length >= MAX_GLOBAL) return null
    scored.push({ start: at, context: contextSimilarity(text, at, at + q.exact.length, q.prefix, q.suffix) })
  }
  scored.sort((a, b) => b.context - a.context)
  const [best, second] = scored
  if (!best || best.context < Math.max(GLOBAL_CONTEXT, minContext(q.exact.length))) return null
  if (second && best.context - second.context < GLOBAL_LEAD) return null
  return { start: best.start, end: best.start + q.exact.length, context: best.context }
}

type Placement = { start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; confidence: number }

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

/** Two anchors this far apart (new text) at most are searched between, approximate matches too. */
const MAX_FUZZY_GAP = 80_000
const MAX_GAP_CANDIDATES = 300
/** Between two anchors, the winner must lead the runner-up by this much. */
const GAP_LEAD = 0.2
/** …and its context must agree this well: between distant anchors, order alone proves little. */
const MIN_GAP_CONTEXT = 0.75

/**
 * The quote between the anchors before and after it: order says it cannot be elsewhere (unless
 * it moved), so context decides among the few candidates there, with the place that the two
 * anchors interpolate as a tie-breaker.
 */
function betweenAnchors(text: string, q: QuoteParts, old: { start: number; end: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>): Placement | null {
  const from = before ? before.start : 0
  const to = after ? after.start : text.length
  if (to < from) return null
  const gap = to - from
  const found = candidatesBetween(text, q, from, to, MAX_GAP_CANDIDATES, gap <= MAX_FUZZY_GAP)
  if (!found || found.length === 0) return null
  const oldFrom = before ? olds[before.k]!.start : 0
  const oldTo = after ? olds[after.k]!.start : Math.max(old.start + 1, oldFrom + gap)
  const expected = from + ((old.start - oldFrom) / Math.max(1, oldTo - oldFrom)) * gap
  const need = minContext(q.exact.length)
  const scored = found
    .filter((c) => c.context >= need)
    .map((c) => ({ ...c, score: 0.45 * c.context + 0.2 * c.quote + 0.35 * Math.exp(-Math.abs(c.start - expected) / Math.max(500, gap / 10)) }))
    .sort((a, b) => b.score - a.score)
  const [best, second] = scored
  if (!best || best.score < ACCEPT_SCORE || best.context < MIN_GAP_CONTEXT) return null
  if (second && best.score - second.score < GAP_LEAD && (second.end <= best.start || second.start >= best.end)) return null
  return { start: best.start, end: best.end, method: best.quote === 1 ? 'exact' : 'fuzzy', confidence: roundConfidence(best.score) }
}

/** The nearest anchors before and after the k-th annotation (document order). */
function neighbours(anchors: Anchor[], k: number): [Anchor | undefined, Anchor | undefined] {
  let lo = 0
  let hi = anchors.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (anchors[mid]!.k < k) lo = mid + 1
    else hi = mid
  }
  let after = anchors[lo]
  if (after && after.k === k) after = anchors[lo + 1]
  return [anchors[lo - 1], after]
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
  const index = new SeedIndex(text)
  const seeded = quotes.map((q) => seededCandidates(index, q))
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
    const confident: Anchor[] = []
    first.forEach((p, k) => {
      if (p && p !== 'ambiguous' && p.confidence >= SECOND_PASS_CONFIDENCE) {
        confident.push({ k, start: p.start, end: p.end, drift: p.start - olds[k]!.start, context: p.confidence, quote: 1, trusted: false, telling: false })
      }
    })
    for (const i of longestIncreasing(confident.map((c) => c.start))) confident[i]!.trusted = true
    const more = confident.filter((c) => c.trusted)
    const again = placeRest(text, quotes, seeded, olds, missing, new Map(), more, more)
    last = first.map((p, k) => again[k] ?? p)
  }
  order.forEach((index, k) => {
    const id = items[index]!.id
    const placed = last[k]
    if (placed && placed !== 'ambiguous') outcomes[index] = { id, status: 'placed', ...placed }
    else {
      const anywhere = byContextAlone(text, quotes[k]!)
      if (anywhere) {
        outcomes[index] = { id, status: 'placed', start: anywhere.start, end: anywhere.end, method: 'exact', confidence: roundConfidence(Math.max(ACCEPT_SCORE, anywhere.context)) }
      } else outcomes[index] = { id, status: 'unplaced', reason: placed === 'ambiguous' ? 'ambiguous' : 'low_confidence' }
    }
  })
}

/** Confidence a first-pass placement needs to serve as an anchor in the second. */
const SECOND_PASS_CONFIDENCE = 0.85

/**
 * Where the anchors around an annotation expect it: between the places their two drifts put it
 * (the text may have shifted anywhere between them), and how fast plausibility falls outside.
 */
function expectedAt(old: { start: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>, length: number): { lo: number; hi: number; at: number; scale: number } {
  if (before && after) {
    const lo = old.start + Math.min(before.drift, after.drift)
    const hi = old.start + Math.max(before.drift, after.drift)
    // Far from both anchors, the text may have shifted by more than they show.
    const distance = Math.min(old.start - olds[before.k]!.start, olds[after.k]!.start - old.start)
    return { lo, hi, at: Math.round((lo + hi) / 2), scale: NEAR_SCALE + UNCERTAINTY * Math.max(0, distance) }
  }
  const one = before ?? after
  if (!one) return { lo: old.start, hi: old.start, at: old.start, scale: length }
  const at = old.start + one.drift
  return { lo: at, hi: at, at, scale: NEAR_SCALE + 2 * UNCERTAINTY * Math.abs(old.start - olds[one.k]!.start) }
}

/** How much the drift may change per character away from the nearest anchor. */
const UNCERTAINTY = 0.025
/** Distance (characters) at which nearness to the expected place has fallen to 1/e, where the anchors agree. */
const NEAR_SCALE = 300
/** Context a candidate found by its seeds needs at least (copies of a passage differ only there). */
const MIN_SEEDED_CONTEXT = 0.7
/** Found near a guide's drift but not by its seeds, a quote needs this much confidence. */
const NEAR_CONFIDENCE = 0.8
/** A candidate this implausibly far from where the anchors expect it is another copy, not the annotation. */
const MIN_NEAR = 0.05
/** Candidates verified per annotation, best first. */
const VERIFIED = 3
/** Two verified candidates this close in score cannot be told apart. */
const SEEDED_MARGIN = 0.15

/**
 * The annotation among the candidates its seeds found between the anchors before and after it,
 * weighed by how many seeds agree and by nearness to where the anchors expect it; the best few
 * are aligned exactly and judged on quote, context and place. Null when no candidate lies there.
 */
function bySeeds(text: string, q: QuoteParts, s: Seeded, old: { start: number; end: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>): Placement | 'ambiguous' | null {
  const from = before ? before.start - s.tolerance : 0
  const to = after ? after.start + s.tolerance : text.length
  const { lo, hi, scale } = expectedAt(old, before, after, olds, text.length)
  const near = (x: number) => Math.exp(-Math.max(0, lo - x, x - hi) / scale)
  const ranked = s.candidates
    .filter((c) => c.at >= from && c.at <= to && near(c.at) >= MIN_NEAR)
    .map((c) => ({ c, score: 0.5 * (c.votes / Math.max(1, s.informative)) + 0.5 * near(c.at) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, VERIFIED)
  if (ranked.length === 0) return null
  const need = Math.max(MIN_SEEDED_CONTEXT, minContext(q.exact.length))
  const verified: Array<NeedleHit & { score: number }> = []
  for (const { c, score } of ranked) {
    // A candidate whose seeds already trail the best verified one by the margin cannot catch up.
    if (verified.length > 0 && verified[0]!.score - (0.65 + 0.35 * near(c.at)) >= SEEDED_MARGIN) break
    const h = verifyCandidate(text, q, c)
    if (h === null || h.kept < MIN_KEPT || h.context < need || near(h.start) < MIN_NEAR) continue
    verified.push({ ...h, score: 0.3 * h.quote + 0.35 * h.context + 0.35 * near(h.start) })
    verified.sort((a, b) => b.score - a.score)
  }
  const [best, rival] = verified
  if (!best) return null
  if (rival && best.score - rival.score < SEEDED_MARGIN && (rival.end <= best.start || rival.start >= best.end)) return 'ambiguous'
  const method = best.quote < 1 ? 'fuzzy' : best.start === old.start && best.end === old.end ? 'position' : 'exact'
  return { start: best.start, end: best.end, method, confidence: roundConfidence(Math.max(ACCEPT_SCORE, 0.6 * best.quote + 0.4 * best.context)) }
}

/** Share of its text a candidate must keep (less is substantially changed). */
const MIN_KEPT = REVIEW_BELOW
/** Half-width of the stretch around the expected place where the quote with its context is aligned as a last resort. */
const AROUND = 400

/** The quote with its context aligned around where the anchors expect it: a short quote mistyped is found by its context. */
function aroundExpected(text: string, q: QuoteParts, old: { start: number; end: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>): Placement | null {
  if (!before && !after) return null
  const { at } = expectedAt(old, before, after, olds, text.length)
  const [hit] = alignNeedle(text, q, at - q.prefix.length - AROUND, at + q.exact.length + q.suffix.length + AROUND, 1)
  if (!hit || hit.kept < MIN_KEPT || hit.context < Math.max(0.6, minContext(q.exact.length))) return null
  return { start: hit.start, end: hit.end, method: hit.quote < 1 ? 'fuzzy' : 'exact', confidence: roundConfidence(Math.max(ACCEPT_SCORE, 0.6 * hit.quote + 0.4 * hit.context)) }
}

/** The annotations `ks` (document order): by their seeds between the anchors, else near their guides' drifts, else between ordered anchors. */
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
    out[k] = betweenAnchors(text, q, old, before, after, olds) ?? aroundExpected(text, q, old, before, after, olds) ?? (placed === 'ambiguous' ? placed : null)
  }
  return out
}

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
  const index = new SeedIndex(text)
  for (const i of missing) {
    const q = quoteOf(items[i]!.selectors)
    if (q.exact.length === 0) continue
    const k = kOf.get(i)!
    const [before, after] = neighbours(anchors, k)
    if (!before || !after) continue
    const found = bySeeds(text, q, seededCandidates(index, q), olds[k]!, before, after, olds) ?? onlyBetween(text, q, before, after)
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
