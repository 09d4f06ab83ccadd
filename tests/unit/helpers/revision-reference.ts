// Applying and undoing a revision the plain way, one annotation at a time: every anchor of the
// report is planned with the engine and written back on its own, every review and proposal source
// too. The service writes in batches and only what changed; the tests hold it against this.
import type { AnnotationStatus } from '../../../src/core/annotation-domain'
import { reanchorAll, type ReanchorInput } from '../../../src/core/anchoring/reanchor'
import { describeRange, type AnchorSelectors } from '../../../src/core/anchoring/selectors'
import * as reviews from '../../../src/backend/db/annotation-reviews'
import * as annotations from '../../../src/backend/db/annotations'
import { listProposalSources, setProposalSource, type ProposalSource } from '../../../src/backend/db/proposal-sources'
import { deleteRevision, getRevision, insertRevision, latestRevisionNumber } from '../../../src/backend/db/report-revisions'
import { getStoredReport, updateReportText } from '../../../src/backend/db/reports'
import { keptAnchors } from '../../../src/backend/db/revision-anchors'
import type { Db } from '../../../src/backend/db/types'

const now = () => new Date().toISOString()

function input(a: annotations.StoredAnnotation): ReanchorInput {
  return {
    id: a.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      position: { type: 'TextPositionSelector', start: a.positionStart, end: a.positionEnd },
    },
  }
}

function openReviews(db: Db, reportId: number, text: string) {
  return [...reviews.listReviews(db, reportId).values()].filter((r) => r.resolvedAt === null && r.newEnd <= text.length)
}

function planAnnotations(db: Db, reportId: number, oldText: string, newText: string, only?: (a: annotations.StoredAnnotation) => boolean) {
  const waiting = new Set(openReviews(db, reportId, oldText).map((r) => r.annotationId))
  const all = annotations.listStoredAnnotations(db, reportId, true).filter((a) => !waiting.has(a.id) && (!only || only(a)))
  const byId = new Map(all.map((a) => [a.id, a]))
  const placed = all.filter((a) => a.status === 'placed')
  const others = all.filter((a) => a.status !== 'placed')
  const outcomes = [...reanchorAll(oldText, newText, placed.map(input)), ...(others.length > 0 ? reanchorAll(null, newText, others.map(input)) : [])]
  return outcomes.map((outcome) => ({ annotation: byId.get(outcome.id)!, outcome }))
}

function sourceSelectors(oldText: string, source: { start: number; end: number; exact: string }): AnchorSelectors {
  if (oldText.slice(source.start, source.end) === source.exact) return describeRange(oldText, source.start, source.end)
  return { quote: { type: 'TextQuoteSelector', exact: source.exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: source.start, end: source.end } }
}

function planSources(db: Db, reportId: number, oldText: string, newText: string, only?: (s: ProposalSource) => boolean) {
  const sources = listProposalSources(db, reportId).filter((s) => !only || only(s))
  return reanchorAll(oldText, newText, sources.map((s) => ({ id: String(s.proposalId), selectors: sourceSelectors(oldText, s.source) }))).map((outcome, i) => ({ source: sources[i]!, outcome }))
}

function planWaiting(db: Db, reportId: number, oldText: string, newText: string) {
  const open = openReviews(db, reportId, oldText)
  const byId = new Map(open.map((r) => [r.annotationId, r]))
  return reanchorAll(oldText, newText, open.map((r) => ({ id: r.annotationId, selectors: describeRange(oldText, r.newStart, r.newEnd) }))).map((outcome) => ({ review: byId.get(outcome.id)!, outcome }))
}

function writeAnchor(db: Db, before: annotations.StoredAnnotation, anchor: annotations.AnchorFields): void {
  if (anchor.exact === before.exact) annotations.moveAnchor(db, before.id, anchor)
  else annotations.updateAnchor(db, before.id, anchor)
}

function applyPlans(db: Db, newText: string, plans: ReturnType<typeof planAnnotations>): void {
  for (const { annotation, outcome } of plans) {
    if (outcome.status === 'placed') {
      const { quote, position } = describeRange(newText, outcome.start, outcome.end)
      writeAnchor(db, annotation, { status: 'placed', positionStart: position.start, positionEnd: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix })
      reviews.deleteReview(db, annotation.id)
    } else {
      writeAnchor(db, annotation, { ...annotation, status: 'unplaced' })
      if (outcome.status === 'review') {
        const old = { positionStart: annotation.positionStart, positionEnd: annotation.positionEnd, exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix }
        reviews.putReview(db, { annotationId: annotation.id, old, newStart: outcome.start, newEnd: outcome.end, newExact: outcome.newQuote }, now())
      } else reviews.deleteReview(db, annotation.id)
    }
  }
}

function applyWaiting(db: Db, newText: string, plans: ReturnType<typeof planWaiting>): void {
  for (const { review, outcome } of plans) {
    if (outcome.status === 'unplaced') reviews.deleteReview(db, review.annotationId)
    else reviews.putReview(db, { ...review, newStart: outcome.start, newEnd: outcome.end, newExact: newText.slice(outcome.start, outcome.end) }, now())
  }
}

function keepAnchorsOneByOne(db: Db, reportId: number, revision: number): void {
  db.prepare('DELETE FROM revision_anchors WHERE report_id = ?').run(reportId)
  const insert = db.prepare(
    `INSERT INTO revision_anchors (report_id, revision, item_kind, item_id, status, position_start, position_end, exact, prefix, suffix)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const a of annotations.listStoredAnnotations(db, reportId, true)) insert.run(reportId, revision, 'annotation', a.id, a.status, a.positionStart, a.positionEnd, a.exact, a.prefix, a.suffix)
  for (const s of listProposalSources(db, reportId)) insert.run(reportId, revision, 'proposal_source', String(s.proposalId), 'placed', s.source.start, s.source.end, s.source.exact, '', '')
}

/** reports.revise, one write per anchor, in one transaction. */
export function referenceRevise(db: Db, reportId: number, newText: string): void {
  db.transaction(() => {
    const oldText = getStoredReport(db, reportId)!.text
    const revision = latestRevisionNumber(db, reportId) + 1
    insertRevision(db, { reportId, revision, text: newText, importedAt: now(), fileName: '', restoredFrom: null })
    keepAnchorsOneByOne(db, reportId, revision)
    for (const [id, review] of reviews.listReviews(db, reportId)) if (review.resolvedAt !== null) reviews.deleteReview(db, id)
    const waiting = planWaiting(db, reportId, oldText, newText)
    const plans = planAnnotations(db, reportId, oldText, newText)
    updateReportText(db, reportId, newText, newText)
    applyPlans(db, newText, plans)
    applyWaiting(db, newText, waiting)
    for (const { source, outcome } of planSources(db, reportId, oldText, newText)) {
      setProposalSource(db, source.proposalId, outcome.status === 'placed' ? { start: outcome.start, end: outcome.end, exact: newText.slice(outcome.start, outcome.end) } : null)
    }
  }).immediate()
}

/** reports.undoRevision of the newest revision, one write per anchor, in one transaction. */
export function referenceUndo(db: Db, reportId: number): void {
  db.transaction(() => {
    const currentText = getStoredReport(db, reportId)!.text
    const revision = latestRevisionNumber(db, reportId)
    const previous = getRevision(db, reportId, revision - 1)!
    const kept = keptAnchors(db, reportId, revision)
    const keptAnnotations = new Map(kept.filter((k) => k.kind === 'annotation').map((k) => [k.itemId, k]))
    const keptSources = new Map(kept.filter((k) => k.kind === 'proposal_source').map((k) => [Number(k.itemId), k]))
    const waiting = planWaiting(db, reportId, currentText, previous.text)
    const newer = planAnnotations(db, reportId, currentText, previous.text, (a) => !keptAnnotations.has(a.id))
    const newerSources = planSources(db, reportId, currentText, previous.text, (s) => !keptSources.has(s.proposalId))
    updateReportText(db, reportId, previous.text, previous.text)
    const stored = new Map(annotations.listStoredAnnotations(db, reportId, true).map((a) => [a.id, a]))
    for (const [id, k] of keptAnnotations) {
      const before = stored.get(id)
      if (!before) continue
      writeAnchor(db, before, { status: k.status as AnnotationStatus, positionStart: k.positionStart, positionEnd: k.positionEnd, exact: k.exact, prefix: k.prefix, suffix: k.suffix })
      if (k.status === 'placed') reviews.deleteReview(db, id)
    }
    applyPlans(db, previous.text, newer)
    applyWaiting(db, previous.text, waiting.filter((w) => keptAnnotations.get(w.review.annotationId)?.status !== 'placed'))
    const proposalIds = new Set(db.prepare('SELECT id FROM proposals WHERE report_id = ?').pluck().all(reportId) as number[])
    for (const [proposalId, k] of keptSources) if (proposalIds.has(proposalId)) setProposalSource(db, proposalId, { start: k.positionStart, end: k.positionEnd, exact: k.exact })
    for (const { source, outcome } of newerSources) {
      setProposalSource(db, source.proposalId, outcome.status === 'placed' ? { start: outcome.start, end: outcome.end, exact: previous.text.slice(outcome.start, outcome.end) } : null)
    }
    deleteRevision(db, reportId, revision)
  }).immediate()
}
