// Where every anchor of a report would go on a new text, worked out once and used twice: by the
// preview (counted, nothing written) and by applying the revision (written), so what the preview
// announces is what applying does.
import { reanchorAll, type ReanchorInput, type ReanchorOutcome } from '../../core/anchoring/reanchor'
import { describeRange, type AnchorSelectors } from '../../core/anchoring/selectors'
import * as annotations from '../db/annotations'
import { listProposalSources, type ProposalSource } from '../db/proposal-sources'
import type { Db } from '../db/types'

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
  const all = annotations.listStoredAnnotations(db, reportId, true).filter((a) => !only || only(a))
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
    } else {
      // The quote and last position are kept: they are what a later revision or a user needs to find it again.
      writeAnchor(db, annotation, { ...annotation, status: 'unplaced' })
    }
  }
}

/** Writes an anchor, leaving the quote (and so the search index) alone when only the place changes. */
export function writeAnchor(db: Db, before: annotations.StoredAnnotation, anchor: annotations.AnchorFields): void {
  if (anchor.exact === before.exact) annotations.moveAnchor(db, before.id, anchor)
  else annotations.updateAnchor(db, before.id, anchor)
}
