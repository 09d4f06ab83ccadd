// Where every anchor of a report would go on a new text, worked out once and used twice: by the
// preview (counted, nothing written) and by applying the revision (written), so what the preview
// announces is what applying does.
import { reanchorAll, type ReanchorInput, type ReanchorOutcome } from '../../core/anchoring/reanchor'
import { describeRange, type AnchorSelectors } from '../../core/anchoring/selectors'
import * as reviews from '../db/annotation-reviews'
import * as annotations from '../db/annotations'
import { listProposalSources, type ProposalSource } from '../db/proposal-sources'
import type { Db } from '../db/types'
import { nowIso } from './clock'

export interface AnnotationPlan {
  annotation: annotations.StoredAnnotation
  outcome: ReanchorOutcome
}

export interface SourcePlan {
  source: ProposalSource
  outcome: ReanchorOutcome
}

function annotationInput(a: annotations.StoredAnnotation): ReanchorInput {
  return {
    id: a.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      position: { type: 'TextPositionSelector', start: a.positionStart, end: a.positionEnd },
    },
  }
}

/**
 * Placed annotations follow the edit script from the previous text; unplaced ones (whose stored
 * position belongs to an older text) get another chance by quote alone. Deleted ones are planned
 * too, so a restore puts them in the right place.
 */
export function planAnnotations(db: Db, reportId: number, oldText: string, newText: string, only?: (a: annotations.StoredAnnotation) => boolean): AnnotationPlan[] {
  // Annotations waiting for review stay unplaced; their proposed place is carried by planWaitingReviews.
  const waiting = new Set(openReviews(db, reportId, oldText).map((r) => r.annotationId))
  const all = annotations.listStoredAnnotations(db, reportId, true).filter((a) => !waiting.has(a.id) && (!only || only(a)))
  const byId = new Map(all.map((a) => [a.id, a]))
  const placed = all.filter((a) => a.status === 'placed')
  const others = all.filter((a) => a.status !== 'placed')
  const outcomes = [
    ...reanchorAll(oldText, newText, placed.map(annotationInput)),
    ...(others.length > 0 ? reanchorAll(null, newText, others.map(annotationInput)) : []),
  ]
  return outcomes.map((outcome) => ({ annotation: byId.get(outcome.id)!, outcome }))
}

export function planProposalSources(db: Db, reportId: number, oldText: string, newText: string, only?: (s: ProposalSource) => boolean): SourcePlan[] {
  const sources = listProposalSources(db, reportId).filter((s) => !only || only(s))
  const inputs: ReanchorInput[] = sources.map((s) => ({ id: String(s.proposalId), selectors: sourceSelectors(oldText, s.source) }))
  return reanchorAll(oldText, newText, inputs).map((outcome, i) => ({ source: sources[i]!, outcome }))
}

function sourceSelectors(oldText: string, source: { start: number; end: number; exact: string }): AnchorSelectors {
  if (oldText.slice(source.start, source.end) === source.exact) return describeRange(oldText, source.start, source.end)
  return {
    quote: { type: 'TextQuoteSelector', exact: source.exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: source.start, end: source.end },
  }
}

/** Writes planned annotation anchors; one that cannot be placed keeps its quote and last position. */
export function applyAnnotationPlan(db: Db, newText: string, plans: readonly AnnotationPlan[]): void {
  for (const { annotation, outcome } of plans) {
    if (outcome.status === 'placed') {
      const { quote, position } = describeRange(newText, outcome.start, outcome.end)
      writeAnchor(db, annotation, {
        status: 'placed',
        positionStart: position.start,
        positionEnd: position.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      })
      reviews.deleteReview(db, annotation.id)
    } else {
      // The quote and last position are kept: they are what a later revision or a user needs to find it again.
      writeAnchor(db, annotation, { ...annotation, status: 'unplaced' })
      if (outcome.status === 'review') {
        const old = { positionStart: annotation.positionStart, positionEnd: annotation.positionEnd, exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix }
        reviews.putReview(db, { annotationId: annotation.id, old, newStart: outcome.start, newEnd: outcome.end, newExact: outcome.newQuote }, nowIso())
      } else reviews.deleteReview(db, annotation.id)
    }
  }
}

export interface WaitingPlan {
  review: reviews.StoredReview
  outcome: ReanchorOutcome
}

/** Open reviews whose proposed place lies in `text` (a place from another text is not trusted). */
function openReviews(db: Db, reportId: number, text: string): reviews.StoredReview[] {
  return [...reviews.listReviews(db, reportId).values()].filter((r) => r.resolvedAt === null && r.newEnd <= text.length)
}

/** A review resolved earlier cannot be reopened across a revision: its place belongs to the old text. */
export function dropResolvedReviews(db: Db, reportId: number): void {
  for (const [id, review] of reviews.listReviews(db, reportId)) if (review.resolvedAt !== null) reviews.deleteReview(db, id)
}

/** Where the place proposed to each waiting annotation goes on the new text. */
export function planWaitingReviews(db: Db, reportId: number, oldText: string, newText: string): WaitingPlan[] {
  const open = openReviews(db, reportId, oldText)
  const inputs: ReanchorInput[] = open.map((r) => ({ id: r.annotationId, selectors: describeRange(oldText, r.newStart, r.newEnd) }))
  const byId = new Map(open.map((r) => [r.annotationId, r]))
  return reanchorAll(oldText, newText, inputs).map((outcome) => ({ review: byId.get(outcome.id)!, outcome }))
}

export function applyWaitingReviews(db: Db, newText: string, plans: readonly WaitingPlan[]): void {
  for (const { review, outcome } of plans) {
    if (outcome.status === 'unplaced') reviews.deleteReview(db, review.annotationId)
    else reviews.putReview(db, { ...review, newStart: outcome.start, newEnd: outcome.end, newExact: newText.slice(outcome.start, outcome.end) }, nowIso())
  }
}

/** Writes an anchor, leaving the quote (and so the search index) alone when only the place changes. */
export function writeAnchor(db: Db, before: annotations.StoredAnnotation, anchor: annotations.AnchorFields): void {
  if (anchor.exact === before.exact) annotations.moveAnchor(db, before.id, anchor)
  else annotations.updateAnchor(db, before.id, anchor)
}
