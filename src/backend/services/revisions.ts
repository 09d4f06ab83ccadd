// Revised report texts: the new text is parsed like an import, stored as the next revision, and
// every anchor of the report (annotations and proposal sources) is carried across in the same
// transaction, so the text and its anchors are never out of step.
import type { AnchorSelectors } from '../../core/anchoring/selectors'
import { reanchorAll, type ReanchorInput, type ReanchorOutcome } from '../../core/anchoring/reanchor'
import { describeRange } from '../../core/anchoring/selectors'
import { WorkbenchError } from '../../core/errors'
import type { ReportRevisionSummary } from '../../core/methods/revisions'
import { parseReport } from '../../core/report-parse'
import { nfc } from '../../core/text'
import * as reviews from '../db/annotation-reviews'
import * as annotations from '../db/annotations'
import { listProposalSources, setProposalSource } from '../db/proposal-sources'
import { insertRevision, latestRevisionNumber, listRevisions } from '../db/report-revisions'
import { getStoredReport, updateReportText } from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'

export interface RevisionInput {
  reportId: number
  text: string
  fileName?: string
}

export interface RevisionOutcome {
  revision: number
  placed: number
  unplaced: number
  /** Of the unplaced ones, those waiting for review. */
  review: number
  proposalSources: { placed: number; unplaced: number }
}

export function reviseReport(db: Db, input: RevisionInput): RevisionOutcome {
  const rawText = nfc(input.text)
  const newText = nfc(parseReport(rawText, { fileName: input.fileName }).text)
  return inWriteTransaction(db, () => {
    const report = getStoredReport(db, input.reportId)
    if (!report) throw new WorkbenchError('not_found', `Report ${input.reportId} does not exist`)
    const oldText = report.text
    if (newText === oldText) return { revision: Math.max(1, latestRevisionNumber(db, input.reportId)), ...currentCounts(db, input.reportId) }

    const revision = latestRevisionNumber(db, input.reportId) + 1
    insertRevision(db, { reportId: input.reportId, revision, text: newText, importedAt: nowIso(), fileName: input.fileName ?? '' })
    updateReportText(db, input.reportId, newText, rawText)
    reanchorAnnotations(db, input.reportId, oldText, newText)
    const proposalSources = reanchorProposalSources(db, input.reportId, oldText, newText)
    return { revision, ...countAnnotations(db, input.reportId), proposalSources }
  })
}

export function listReportRevisions(db: Db, reportId: number): ReportRevisionSummary[] {
  if (!getStoredReport(db, reportId)) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  const revisions = listRevisions(db, reportId)
  const latest = revisions.at(-1)?.revision
  return revisions.map((r) => ({
    revision: r.revision,
    importedAt: r.importedAt,
    fileName: r.fileName,
    characters: r.text.length,
    current: r.revision === latest,
  }))
}

/**
 * Placed annotations follow the edit script from the previous text; those whose text changed
 * substantially wait for review (unplaced, with where the rest of their text went). Annotations
 * already waiting carry that place through the edit script; other unplaced ones (whose stored
 * position belongs to an older text) get another chance by quote alone. Deleted ones move too,
 * so a restore puts them in the right place. A review resolved earlier cannot be reopened across
 * a revision (its place belongs to the old text).
 */
function reanchorAnnotations(db: Db, reportId: number, oldText: string, newText: string): void {
  const all = annotations.listStoredAnnotations(db, reportId, true)
  const open = reviews.listReviews(db, reportId)
  for (const [id, review] of open) {
    if (review.resolvedAt !== null) {
      reviews.deleteReview(db, id)
      open.delete(id)
    }
  }
  const toInput = (a: annotations.StoredAnnotation): ReanchorInput => ({
    id: a.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      position: { type: 'TextPositionSelector', start: a.positionStart, end: a.positionEnd },
    },
  })
  const byId = new Map(all.map((a) => [a.id, a]))
  const placed = all.filter((a) => a.status === 'placed')
  const waiting = all.filter((a) => a.status === 'unplaced' && open.has(a.id) && open.get(a.id)!.newEnd <= oldText.length)
  const waitingIds = new Set(waiting.map((a) => a.id))
  const unplaced = all.filter((a) => a.status === 'unplaced' && !waitingIds.has(a.id))
  const now = nowIso()
  const outcomes = [
    ...reanchorAll(oldText, newText, placed.map(toInput)),
    ...(unplaced.length > 0 ? reanchorAll(null, newText, unplaced.map(toInput)) : []),
  ]
  for (const outcome of outcomes) {
    const before = byId.get(outcome.id)!
    if (outcome.status === 'placed') {
      annotations.updateAnchor(db, outcome.id, anchorAt(newText, outcome.start, outcome.end))
      reviews.deleteReview(db, outcome.id)
    } else {
      // The quote and last position are kept: they are what a later revision or a user needs to find it again.
      annotations.updateAnchor(db, outcome.id, { ...before, status: 'unplaced' })
      if (outcome.status === 'review') {
        const old = { positionStart: before.positionStart, positionEnd: before.positionEnd, exact: before.exact, prefix: before.prefix, suffix: before.suffix }
        reviews.putReview(db, { annotationId: outcome.id, old, newStart: outcome.start, newEnd: outcome.end, newExact: outcome.newQuote }, now)
      } else reviews.deleteReview(db, outcome.id)
    }
  }
  // Waiting ones: the place proposed for them follows the revision like any text.
  const proposals = waiting.map((a) => {
    const review = open.get(a.id)!
    return { id: a.id, selectors: describeRange(oldText, review.newStart, review.newEnd) }
  })
  reanchorAll(oldText, newText, proposals).forEach((outcome) => {
    const review = open.get(outcome.id)!
    if (outcome.status === 'unplaced') reviews.deleteReview(db, outcome.id)
    else reviews.putReview(db, { ...review, newStart: outcome.start, newEnd: outcome.end, newExact: newText.slice(outcome.start, outcome.end) }, now)
  })
}

function anchorAt(text: string, start: number, end: number): annotations.AnchorFields {
  const { quote, position } = describeRange(text, start, end)
  return { status: 'placed', positionStart: position.start, positionEnd: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }
}

/** A proposal source that cannot follow the text is removed rather than left on the wrong words. */
function reanchorProposalSources(db: Db, reportId: number, oldText: string, newText: string): { placed: number; unplaced: number } {
  const sources = listProposalSources(db, reportId)
  const inputs: ReanchorInput[] = sources.map((s) => ({ id: String(s.proposalId), selectors: sourceSelectors(oldText, s.source) }))
  const outcomes: ReanchorOutcome[] = reanchorAll(oldText, newText, inputs)
  const counts = { placed: 0, unplaced: 0 }
  outcomes.forEach((outcome, i) => {
    const { proposalId, deleted } = sources[i]!
    if (outcome.status === 'placed') {
      setProposalSource(db, proposalId, { start: outcome.start, end: outcome.end, exact: newText.slice(outcome.start, outcome.end) })
      if (!deleted) counts.placed++
    } else {
      setProposalSource(db, proposalId, null)
      if (!deleted) counts.unplaced++
    }
  })
  return counts
}

function sourceSelectors(oldText: string, source: { start: number; end: number; exact: string }): AnchorSelectors {
  if (oldText.slice(source.start, source.end) === source.exact) return describeRange(oldText, source.start, source.end)
  return {
    quote: { type: 'TextQuoteSelector', exact: source.exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: source.start, end: source.end },
  }
}

function countAnnotations(db: Db, reportId: number): { placed: number; unplaced: number; review: number } {
  const live = annotations.listStoredAnnotations(db, reportId)
  const open = reviews.listReviews(db, reportId)
  const placed = live.filter((a) => a.status === 'placed').length
  const review = live.filter((a) => a.status === 'unplaced' && open.get(a.id)?.resolvedAt === null).length
  return { placed, unplaced: live.length - placed, review }
}

function currentCounts(db: Db, reportId: number): Omit<RevisionOutcome, 'revision'> {
  const sources = listProposalSources(db, reportId).filter((s) => !s.deleted)
  return { ...countAnnotations(db, reportId), proposalSources: { placed: sources.length, unplaced: 0 } }
}
