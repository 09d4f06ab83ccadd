// The correct answer for an annotation after a revision, from the recorded fate of each character,
// and the tally of an engine's answers against it.
import type { ReanchorOutcome } from '../src/core/anchoring/reanchor'
import { INSERTED, SUBST, type Revision } from './revision'

/** `kept`: share of the annotation's characters still there unchanged, together. */
export type Truth = { deleted: true; kept: number } | { deleted: false; start: number; end: number; kept: number }

/** Below this share of its text surviving together, an annotation's text has substantially changed. */
export const SUBSTANTIAL_CHANGE = 0.7

/**
 * Where old [s, e) is now. The annotation's surviving characters are grouped into runs that
 * nothing else interrupts (inserted text may; text moved in from elsewhere may not); the run
 * with the most unchanged characters is the annotation, widened over substituted characters
 * of its own at either edge and trimmed of white space.
 * Deleted means more than half of the characters were deleted or substituted (a typo or a
 * changed diacritic substitutes one character; a replaced word substitutes all of its own).
 */
export function truthFor(rev: Revision, s: number, e: number): Truth {
  const length = e - s
  const positions: number[] = []
  for (let i = s; i < e; i++) {
    const p = rev.newIndexOf[i]!
    if (p >= 0) positions.push(p)
  }
  if (positions.length * 2 < length) return { deleted: true, kept: positions.length / length }
  positions.sort((a, b) => a - b)
  const ownOrInserted = (n: number) => {
    const o = rev.origin[n]!
    return rev.kind[n] === INSERTED || (o >= s && o < e)
  }
  let best = { first: 0, last: 0, kept: 0 }
  let run = { first: positions[0]!, last: positions[0]!, kept: 1 }
  for (let k = 1; k <= positions.length; k++) {
    const p = positions[k]
    let joined = p !== undefined
    for (let n = run.last + 1; joined && n < p!; n++) if (!ownOrInserted(n)) joined = false
    if (joined) {
      run.last = p!
      run.kept++
    } else {
      if (run.kept > best.kept) best = run
      if (p !== undefined) run = { first: p, last: p, kept: 1 }
    }
  }
  if (best.kept * 2 < length) return { deleted: true, kept: best.kept / length }
  const own = (n: number) => rev.kind[n] === SUBST && rev.origin[n]! >= s && rev.origin[n]! < e
  let start = best.first
  let end = best.last + 1
  while (start > 0 && own(start - 1)) start--
  while (end < rev.text.length && own(end)) end++
  while (start < end && /\s/u.test(rev.text[start]!)) start++
  while (end > start && /\s/u.test(rev.text[end - 1]!)) end--
  // Characters of its own words that were only mistyped still count as its text.
  let slipped = 0
  for (let n = start; n < end; n++) if (rev.slip[n] === 1 && own(n)) slipped++
  return { deleted: false, start, end, kept: Math.min(1, (best.kept + slipped) / length) }
}

export interface Tally {
  total: number
  /** Annotations whose text still exists, and of those: */
  existing: number
  /** Those whose text did not substantially change, and of those placed on the right span: */
  intact: number
  intactRight: number
  intactUnplaced: number
  right: number
  /** Placed overlapping the right span, with an edge elsewhere. */
  edgeOff: number
  /** Placed on text that does not overlap the right span. */
  wrongPlace: number
  unplaced: number
  /** Annotations whose text was deleted, and of those: */
  deleted: number
  deletedUnplaced: number
  deletedPlaced: number
  /** Annotations whose text substantially changed (deleted included), and of those placed: */
  changed: number
  changedPlaced: number
  /** Outcomes sent to review, and of those, how many had substantially changed text. */
  review: number
  reviewChanged: number
}

export function tally(truths: Truth[], outcomes: ReanchorOutcome[]): Tally {
  const t: Tally = {
    total: truths.length,
    existing: 0,
    intact: 0,
    intactRight: 0,
    intactUnplaced: 0,
    right: 0,
    edgeOff: 0,
    wrongPlace: 0,
    unplaced: 0,
    deleted: 0,
    deletedUnplaced: 0,
    deletedPlaced: 0,
    changed: 0,
    changedPlaced: 0,
    review: 0,
    reviewChanged: 0,
  }
  truths.forEach((truth, i) => {
    const o = outcomes[i]!
    const changed = truth.kept < SUBSTANTIAL_CHANGE
    if (changed) {
      t.changed++
      if (o.status === 'placed') t.changedPlaced++
    }
    if (o.status === 'review') {
      t.review++
      if (changed) t.reviewChanged++
    }
    if (truth.deleted) {
      t.deleted++
      if (o.status === 'placed') t.deletedPlaced++
      else t.deletedUnplaced++
      return
    }
    t.existing++
    if (!changed) t.intact++
    if (o.status !== 'placed' && !changed) t.intactUnplaced++
    if (o.status !== 'placed') t.unplaced++
    else if (o.start === truth.start && o.end === truth.end) {
      t.right++
      if (!changed) t.intactRight++
    }
    else if (o.start < truth.end && truth.start < o.end) t.edgeOff++
    else t.wrongPlace++
  })
  return t
}

/** Misplaced: on text that is not the annotation's (a wrong copy, or text that replaced a deleted one). */
export function misplacedShare(t: Tally): number {
  return (t.wrongPlace + t.deletedPlaced) / t.total
}
