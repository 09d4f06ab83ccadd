// A last look at the quote-led placements: an annotation placed on one of several copies of its
// quote and context, at a drift that neither of its placed neighbours shares, is more likely on the
// wrong copy (or on the copy of a sentence that was deleted) than on its own text. Without the
// previous revision nothing else tells the copies apart, so it is left for a person to confirm
// (`ambiguous`) rather than silently placed.
import type { Placement } from './by-seeds'
import type { Seeded } from './seeded-candidates'

/** Drift (characters) a placement may differ from its neighbours' by, near them… */
const STEP_SLACK = 300
/** …plus this share of the distance to the nearer one (a sentence or paragraph may have been inserted or deleted between). */
const STEP_SHARE = 0.3
/** Another candidate with this share of the chosen one's seeds is a copy it cannot be told from. */
const COPY_SHARE = 0.5

type Answer = Placement | 'ambiguous' | null | undefined

/** Whether another place gathers nearly as many seeds as the chosen one (a copy of the passage). */
export function hasCopy(s: Seeded, start: number, length: number): boolean {
  const near = (at: number) => Math.abs(at - start) <= s.tolerance
  const own = s.candidates.find((c) => near(c.at))
  // Not found by its seeds at all: its seeds are too common to tell copies apart.
  if (!own) return true
  return s.candidates.some((c) => c !== own && Math.abs(c.at - start) > s.tolerance + length && c.votes >= COPY_SHARE * own.votes)
}

/**
 * Indexes k of the placements out of step with both placed neighbours (or with the only one)
 * while their quote and context stand elsewhere too. All are judged against the same
 * placements, so one wrong placement does not excuse or condemn another by turns.
 */
export function outOfStep(answers: Answer[], olds: Array<{ start: number }>, seeded: Seeded[], keep: (k: number) => boolean): number[] {
  const placed: number[] = []
  answers.forEach((a, k) => {
    if (a && a !== 'ambiguous') placed.push(k)
  })
  const out: number[] = []
  placed.forEach((k, i) => {
    if (keep(k)) return
    const p = answers[k] as Placement
    const drift = p.start - olds[k]!.start
    const sides = [placed[i - 1], placed[i + 1]].filter((j): j is number => j !== undefined)
    if (sides.length === 0) return
    const drifts = sides.map((j) => (answers[j] as Placement).start - olds[j]!.start)
    const nearest = Math.min(...sides.map((j) => Math.abs(olds[j]!.start - olds[k]!.start)))
    const slack = STEP_SLACK + (sides.length === 2 ? 1 : 2) * STEP_SHARE * nearest
    if (drift >= Math.min(...drifts) - slack && drift <= Math.max(...drifts) + slack) return
    if (hasCopy(seeded[k]!, p.start, p.end - p.start)) out.push(k)
  })
  return out
}
