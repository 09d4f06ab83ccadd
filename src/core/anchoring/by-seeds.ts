// Placing an annotation among the candidates its seeds found, between the anchors around it: where
// the anchors expect it, how plausible each candidate's place is, and which candidate (verified
// by aligning quote and context) wins by quote, context and place, or whether two copies tie.
import { alignNeedle, type NeedleHit } from './needle-align'
import { REVIEW_BELOW, roundConfidence } from './outcome'
import { verifyCandidate, type Anchor } from './quote-anchors'
import { ACCEPT_SCORE, minContext, type QuoteParts } from './quote-search'
import type { Seeded } from './seeded-candidates'

export type Placement = { start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; confidence: number }

/**
 * Where the anchors around an annotation expect it: between the places their two drifts put it
 * (the text may have shifted anywhere between them), and how fast plausibility falls outside.
 */
export function expectedAt(old: { start: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>, length: number): { lo: number; hi: number; at: number; scale: number } {
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
export const MIN_SEEDED_CONTEXT = 0.7
/** A candidate this implausibly far from where the anchors expect it is another copy, not the annotation. */
const MIN_NEAR = 0.05
/** Candidates verified per annotation, best first. */
const VERIFIED = 2
/** Two verified candidates this close in score cannot be told apart. */
const SEEDED_MARGIN = 0.15

/**
 * The annotation among the candidates its seeds found between the anchors before and after it,
 * weighed by how many seeds agree and by nearness to where the anchors expect it; the best few
 * are aligned exactly and judged on quote, context and place. Null when no candidate lies there.
 */
export function bySeeds(text: string, q: QuoteParts, s: Seeded, old: { start: number; end: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>): Placement | 'ambiguous' | null {
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
  for (const { c } of ranked) {
    // A candidate that could not beat the best verified one even with a perfect quote and context is not verified.
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
export function aroundExpected(text: string, q: QuoteParts, old: { start: number; end: number }, before: Anchor | undefined, after: Anchor | undefined, olds: Array<{ start: number }>): Placement | null {
  if (!before && !after) return null
  const { at } = expectedAt(old, before, after, olds, text.length)
  const [hit] = alignNeedle(text, q, at - q.prefix.length - AROUND, at + q.exact.length + q.suffix.length + AROUND, 1)
  if (!hit || hit.kept < MIN_KEPT || hit.context < Math.max(0.6, minContext(q.exact.length))) return null
  return { start: hit.start, end: hit.end, method: hit.quote < 1 ? 'fuzzy' : 'exact', confidence: roundConfidence(Math.max(ACCEPT_SCORE, 0.6 * hit.quote + 0.4 * hit.context)) }
}
