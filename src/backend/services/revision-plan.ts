// Where every anchor of a report would go on a new text, worked out once and used twice: by the
// preview (counted, nothing written) and by applying the revision (written), so what the preview
// announces is what applying does. The plan a preview made is kept until the database changes,
// so applying right after it writes at once instead of re-anchoring everything again.
import { reanchorAll, type ReanchorInput, type ReanchorOutcome } from '../../core/anchoring/reanchor'
import { describeRange, type AnchorSelectors } from '../../core/anchoring/selectors'
import { annotationsWithReview, deleteReviews, sameAnchor, writeAnchors, type AnchorWrite } from '../db/annotation-anchors'
import * as reviews from '../db/annotation-reviews'
import * as annotations from '../db/annotations'
import { listProposalSources, setProposalSource, type ProposalSource } from '../db/proposal-sources'
import { cachedReadIf } from '../db/read-cache'
import type { Db } from '../db/types'
import { nowIso } from './clock'
import { phase } from './revision-phases'

export interface AnnotationPlan {
  annotation: annotations.StoredAnnotation
  outcome: ReanchorOutcome
}

export interface SourcePlan {
  source: ProposalSource
  outcome: ReanchorOutcome
}

export interface WaitingPlan {
  review: reviews.StoredReview
  outcome: ReanchorOutcome
}

/** Everything a revision from `oldText` to `newText` does to the report's anchors. */
export interface RevisionPlan {
  oldText: string
  newText: string
  /** Every annotation but those waiting for review, deleted ones included. */
  annotations: AnnotationPlan[]
  /** The places proposed to annotations waiting for review. */
  waiting: WaitingPlan[]
  /** Every proposal source, of deleted proposals too. */
  sources: SourcePlan[]
}

/**
 * The plan for revising the report to `newText`, taken from the last preview when it was made for
 * the same texts and nothing was written since (the database's change counters tell), else made now.
 */
export function planRevision(db: Db, reportId: number, oldText: string, newText: string): RevisionPlan {
  return cachedReadIf(
    db,
    `revision-plan:${reportId}`,
    (kept: RevisionPlan) => kept.oldText === oldText && kept.newText === newText,
    () => {
      const { stored, open, sources } = phase('read', () => ({
        stored: annotations.listStoredAnnotations(db, reportId, true),
        open: openReviews(db, reportId, oldText),
        sources: listProposalSources(db, reportId),
      }))
      return phase('plan', () => {
        const waitingIds = new Set(open.map((r) => r.annotationId))
        return {
          oldText,
          newText,
          annotations: planAnnotations(oldText, newText, stored.filter((a) => !waitingIds.has(a.id))),
          waiting: planWaitingReviews(oldText, newText, open),
          sources: planProposalSources(oldText, newText, sources),
        }
      })
    },
  )
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
 * too, so a restore puts them in the right place. Callers leave out annotations waiting for
 * review: they stay unplaced, and their proposed place is carried by planWaitingReviews.
 */
export function planAnnotations(oldText: string, newText: string, list: readonly annotations.StoredAnnotation[]): AnnotationPlan[] {
  const byId = new Map(list.map((a) => [a.id, a]))
  const placed = list.filter((a) => a.status === 'placed')
  const others = list.filter((a) => a.status !== 'placed')
  const outcomes = [
    ...reanchorAll(oldText, newText, placed.map(annotationInput)),
    ...(others.length > 0 ? reanchorAll(null, newText, others.map(annotationInput)) : []),
  ]
  return outcomes.map((outcome) => ({ annotation: byId.get(outcome.id)!, outcome }))
}

export function planProposalSources(oldText: string, newText: string, sources: readonly ProposalSource[]): SourcePlan[] {
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

/** Open reviews whose proposed place lies in `text` (a place from another text is not trusted). */
export function openReviews(db: Db, reportId: number, text: string): reviews.StoredReview[] {
  return [...reviews.listReviews(db, reportId).values()].filter((r) => r.resolvedAt === null && r.newEnd <= text.length)
}

/** Where the place proposed to each waiting annotation goes on the new text. */
export function planWaitingReviews(oldText: string, newText: string, open: readonly reviews.StoredReview[]): WaitingPlan[] {
  const inputs: ReanchorInput[] = open.map((r) => ({ id: r.annotationId, selectors: describeRange(oldText, r.newStart, r.newEnd) }))
  const byId = new Map(open.map((r) => [r.annotationId, r]))
  return reanchorAll(oldText, newText, inputs).map((outcome) => ({ review: byId.get(outcome.id)!, outcome }))
}

/**
 * Writes planned annotation anchors, only those that change; one that cannot be placed keeps its
 * quote and last position. `reviewed`: the annotations that have a review row now, so that only
 * those are closed.
 */
export function applyAnnotationPlan(db: Db, newText: string, plans: readonly AnnotationPlan[], reviewed: ReadonlySet<string>): void {
  const writes: AnchorWrite[] = []
  const closed: string[] = []
  const at = nowIso()
  for (const { annotation, outcome } of plans) {
    let anchor: annotations.AnchorFields
    if (outcome.status === 'placed') {
      const { quote, position } = describeRange(newText, outcome.start, outcome.end)
      anchor = { status: 'placed', positionStart: position.start, positionEnd: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }
      if (reviewed.has(annotation.id)) closed.push(annotation.id)
    } else {
      // The quote and last position are kept: they are what a later revision or a user needs to find it again.
      anchor = { ...anchorOf(annotation), status: 'unplaced' }
      if (outcome.status === 'review') {
        const old = { positionStart: annotation.positionStart, positionEnd: annotation.positionEnd, exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix }
        reviews.putReview(db, { annotationId: annotation.id, old, newStart: outcome.start, newEnd: outcome.end, newExact: outcome.newQuote }, at)
      } else if (reviewed.has(annotation.id)) closed.push(annotation.id)
    }
    const before = anchorOf(annotation)
    if (!sameAnchor(before, anchor)) writes.push({ id: annotation.id, anchor, before })
  }
  writeAnchors(db, writes)
  deleteReviews(db, closed)
}

export function anchorOf(a: annotations.StoredAnnotation): annotations.AnchorFields {
  return { status: a.status, positionStart: a.positionStart, positionEnd: a.positionEnd, exact: a.exact, prefix: a.prefix, suffix: a.suffix }
}

export function applyWaitingReviews(db: Db, newText: string, plans: readonly WaitingPlan[]): void {
  const at = nowIso()
  for (const { review, outcome } of plans) {
    if (outcome.status === 'unplaced') reviews.deleteReview(db, review.annotationId)
    else reviews.putReview(db, { ...review, newStart: outcome.start, newEnd: outcome.end, newExact: newText.slice(outcome.start, outcome.end) }, at)
  }
}

/** Moves each proposal source that changes; one that cannot follow the text is removed rather than left on the wrong words. */
export function applySourcePlan(db: Db, newText: string, plans: readonly SourcePlan[]): void {
  for (const { source, outcome } of plans) {
    const next = outcome.status === 'placed' ? { start: outcome.start, end: outcome.end, exact: newText.slice(outcome.start, outcome.end) } : null
    const was = source.source
    if (!next || next.start !== was.start || next.end !== was.end || next.exact !== was.exact) setProposalSource(db, source.proposalId, next)
  }
}

