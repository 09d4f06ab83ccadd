// Revised report texts: the new text is parsed like an import, stored as the next revision, and
// every anchor of the report (annotations and proposal sources) is carried across in the same
// transaction, so the text and its anchors are never out of step. The anchors as they were before
// are kept with the newest revision, so undoing it puts each one back exactly.
import type { AnnotationStatus } from '../../core/annotation-domain'
import { WorkbenchError } from '../../core/errors'
import type { ReportRevisionSummary, RevisionDiff } from '../../core/methods/revisions'
import { parseReport } from '../../core/report-parse'
import { diffParagraphs } from '../../core/revisions/paragraph-diff'
import { nfc } from '../../core/text'
import * as reviews from '../db/annotation-reviews'
import * as annotations from '../db/annotations'
import { listProposalSources, setProposalSource } from '../db/proposal-sources'
import { deleteRevision, getRevision, insertRevision, latestRevisionNumber, listRevisions } from '../db/report-revisions'
import { getStoredReport, updateReportText } from '../db/reports'
import { prepare } from '../db/statements'
import { keepAnchors, keptAnchors, type KeptAnchor } from '../db/revision-anchors'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'
import { applyAnnotationPlan, applyWaitingReviews, dropResolvedReviews, planAnnotations, planProposalSources, planWaitingReviews, writeAnchor } from './revision-plan'

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

/** A loaded or pasted text, parsed the way an import is (title, date and source stay the report's). */
export function revisedText(text: string, fileName?: string): { text: string; rawText: string } {
  const rawText = nfc(text)
  return { text: nfc(parseReport(rawText, { fileName }).text), rawText }
}

export function reviseReport(db: Db, input: RevisionInput): RevisionOutcome {
  const { text, rawText } = revisedText(input.text, input.fileName)
  return inWriteTransaction(db, () => applyRevision(db, input.reportId, text, rawText, { fileName: input.fileName ?? '', restoredFrom: null }))
}

/** Makes an earlier revision's text current again, as a new revision. */
export function restoreRevision(db: Db, reportId: number, revision: number): RevisionOutcome {
  return inWriteTransaction(db, () => {
    const earlier = requireRevision(db, reportId, revision)
    return applyRevision(db, reportId, earlier.text, earlier.text, { fileName: earlier.fileName, restoredFrom: revision })
  })
}

function applyRevision(db: Db, reportId: number, newText: string, rawText: string, meta: { fileName: string; restoredFrom: number | null }): RevisionOutcome {
  const report = requireReport(db, reportId)
  const oldText = report.text
  if (newText === oldText) return { revision: Math.max(1, latestRevisionNumber(db, reportId)), ...currentCounts(db, reportId) }

  const revision = latestRevisionNumber(db, reportId) + 1
  insertRevision(db, { reportId, revision, text: newText, importedAt: nowIso(), ...meta })
  keepAnchors(db, reportId, revision, anchorsNow(db, reportId))
  dropResolvedReviews(db, reportId)
  const waiting = planWaitingReviews(db, reportId, oldText, newText)
  const plans = planAnnotations(db, reportId, oldText, newText)
  updateReportText(db, reportId, newText, rawText)
  applyAnnotationPlan(db, newText, plans)
  applyWaitingReviews(db, newText, waiting)
  const proposalSources = { placed: 0, unplaced: 0 }
  for (const { source, outcome } of planProposalSources(db, reportId, oldText, newText)) {
    // A proposal source that cannot follow the text is removed rather than left on the wrong words.
    const placed = outcome.status === 'placed'
    setProposalSource(db, source.proposalId, placed ? { start: outcome.start, end: outcome.end, exact: newText.slice(outcome.start, outcome.end) } : null)
    if (!source.deleted) proposalSources[placed ? 'placed' : 'unplaced']++
  }
  return { revision, ...countAnnotations(db, reportId), proposalSources }
}

/**
 * Takes back the newest revision: the text before it returns, kept anchors are put back as they
 * were, and anchors made since (not kept) follow the text back through the re-anchoring engine.
 */
export function undoRevision(db: Db, reportId: number, revision: number): RevisionOutcome {
  return inWriteTransaction(db, () => {
    const report = requireReport(db, reportId)
    const latest = latestRevisionNumber(db, reportId)
    if (revision !== latest) throw new WorkbenchError('conflict', `Revision ${revision} is not the newest revision of report ${reportId}`)
    if (revision < 2) throw new WorkbenchError('conflict', `Revision ${revision} is the first text of report ${reportId}; it cannot be undone`)
    const previous = requireRevision(db, reportId, revision - 1)
    const kept = keptAnchors(db, reportId, revision)
    const keptAnnotations = new Map(kept.filter((k) => k.kind === 'annotation').map((k) => [k.itemId, k]))
    const keptSources = new Map(kept.filter((k) => k.kind === 'proposal_source').map((k) => [Number(k.itemId), k]))
    const currentText = report.text

    const waiting = planWaitingReviews(db, reportId, currentText, previous.text)
    const newer = planAnnotations(db, reportId, currentText, previous.text, (a) => !keptAnnotations.has(a.id))
    const newerSources = planProposalSources(db, reportId, currentText, previous.text, (s) => !keptSources.has(s.proposalId))
    updateReportText(db, reportId, previous.text, previous.text)
    const stored = new Map(annotations.listStoredAnnotations(db, reportId, true).map((a) => [a.id, a]))
    for (const [id, k] of keptAnnotations) {
      const before = stored.get(id)
      if (!before) continue // deleted for good since
      writeAnchor(db, before, { status: k.status as AnnotationStatus, positionStart: k.positionStart, positionEnd: k.positionEnd, exact: k.exact, prefix: k.prefix, suffix: k.suffix })
      // A review the revision opened goes with it; one that was waiting before follows the text back below.
      if (k.status === 'placed') reviews.deleteReview(db, id)
    }
    applyAnnotationPlan(db, previous.text, newer)
    applyWaitingReviews(db, previous.text, waiting.filter((w) => keptAnnotations.get(w.review.annotationId)?.status !== 'placed'))
    const proposalIds = new Set(listAllProposalIds(db, reportId))
    for (const [proposalId, k] of keptSources) {
      if (proposalIds.has(proposalId)) setProposalSource(db, proposalId, { start: k.positionStart, end: k.positionEnd, exact: k.exact })
    }
    for (const { source, outcome } of newerSources) {
      setProposalSource(db, source.proposalId, outcome.status === 'placed' ? { start: outcome.start, end: outcome.end, exact: previous.text.slice(outcome.start, outcome.end) } : null)
    }
    deleteRevision(db, reportId, revision)
    return { revision: revision - 1, ...currentCounts(db, reportId) }
  })
}

export function listReportRevisions(db: Db, reportId: number): ReportRevisionSummary[] {
  requireReport(db, reportId)
  const revisions = listRevisions(db, reportId)
  const latest = revisions.at(-1)?.revision
  return revisions.map((r, i) => {
    const before = revisions[i - 1]
    const stats = before ? diffParagraphs(before.text, r.text, { words: false, limit: 0 }).stats : null
    return {
      revision: r.revision,
      importedAt: r.importedAt,
      fileName: r.fileName,
      characters: r.text.length,
      current: r.revision === latest,
      restoredFrom: r.restoredFrom,
      ...(stats ? { change: { added: stats.added, removed: stats.removed, changed: stats.changed } } : {}),
    }
  })
}

/** The differences between any two revisions, paragraph by paragraph with words marked. */
export function diffReportRevisions(db: Db, reportId: number, from: number, to: number): RevisionDiff {
  requireReport(db, reportId)
  return diffParagraphs(requireRevision(db, reportId, from).text, requireRevision(db, reportId, to).text)
}

function requireReport(db: Db, reportId: number) {
  const report = getStoredReport(db, reportId)
  if (!report) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  return report
}

export function requireRevision(db: Db, reportId: number, revision: number) {
  const found = getRevision(db, reportId, revision)
  if (!found) throw new WorkbenchError('not_found', `Report ${reportId} has no revision ${revision}`)
  return found
}

/** Every anchor of the report as it is now (deleted annotations and proposals too). */
function anchorsNow(db: Db, reportId: number): KeptAnchor[] {
  const kept: KeptAnchor[] = annotations.listStoredAnnotations(db, reportId, true).map((a) => ({
    kind: 'annotation',
    itemId: a.id,
    status: a.status,
    positionStart: a.positionStart,
    positionEnd: a.positionEnd,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
  }))
  for (const s of listProposalSources(db, reportId)) {
    kept.push({ kind: 'proposal_source', itemId: String(s.proposalId), status: 'placed', positionStart: s.source.start, positionEnd: s.source.end, exact: s.source.exact, prefix: '', suffix: '' })
  }
  return kept
}

function listAllProposalIds(db: Db, reportId: number): number[] {
  return prepare<{ id: number }>(db, 'SELECT id FROM proposals WHERE report_id = ?').all(reportId).map((r) => r.id)
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
