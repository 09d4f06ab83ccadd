// Revised report texts: the new text is parsed like an import, stored as the next revision, and
// every anchor of the report (annotations and proposal sources) is carried across in the same
// transaction, so the text and its anchors are never out of step. The anchors as they were before
// are kept with the newest revision, so undoing it puts each one back exactly.
import type { AnnotationStatus } from '../../core/annotation-domain'
import { WorkbenchError } from '../../core/errors'
import type { ReportRevisionSummary, RevisionDiff } from '../../core/methods/revisions'
import { carryHeadingHints, locateHeadings } from '../../core/heading-hints'
import { parseReport } from '../../core/report-parse'
import { diffParagraphs } from '../../core/revisions/paragraph-diff'
import { nfc } from '../../core/text'
import { annotationsWithReview, countAnchorOutcomes, deleteResolvedReviews, deleteReviews, sameAnchor, writeAnchors, type AnchorWrite } from '../db/annotation-anchors'
import * as annotations from '../db/annotations'
import { listProposalSources, setProposalSource } from '../db/proposal-sources'
import { deleteRevision, getRevision, insertRevision, latestRevisionNumber, listRevisions } from '../db/report-revisions'
import { getStoredReport, updateReportText } from '../db/reports'
import { prepare } from '../db/statements'
import { keepCurrentAnchors, keptAnchors } from '../db/revision-anchors'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'
import {
  anchorOf,
  applyAnnotationPlan,
  applySourcePlan,
  applyWaitingReviews,
  openReviews,
  planAnnotations,
  planProposalSources,
  planRevision,
  planWaitingReviews,
} from './revision-plan'
import { phase } from './revision-phases'

export interface RevisionInput {
  reportId: number
  text: string
  fileName?: string
  /** The paragraphs the revised document styles as headings; absent for a pasted text. */
  headings?: readonly string[]
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
  const { text, rawText } = phase('parse', () => revisedText(input.text, input.fileName))
  // A loaded document brings its own headings; a pasted text keeps the styled headings it did not change.
  const hints = (oldText: string, oldHints: readonly number[]) =>
    input.headings ? locateHeadings(text, input.headings) : carryHeadingHints(oldText, oldHints, text)
  return inWriteTransaction(db, () => applyRevision(db, input.reportId, text, rawText, { fileName: input.fileName ?? '', restoredFrom: null }, hints))
}

/** Makes an earlier revision's text current again, as a new revision. */
export function restoreRevision(db: Db, reportId: number, revision: number): RevisionOutcome {
  return inWriteTransaction(db, () => {
    const earlier = requireRevision(db, reportId, revision)
    return applyRevision(db, reportId, earlier.text, earlier.text, { fileName: earlier.fileName, restoredFrom: revision }, () => earlier.headingStarts)
  })
}

/**
 * Plans first (or takes the plan the preview made, if nothing changed since), then writes: the
 * revision and the anchors as they are now (kept for undo), the text (its search index follows by
 * trigger), and only the anchors, reviews and proposal sources that change.
 */
function applyRevision(
  db: Db,
  reportId: number,
  newText: string,
  rawText: string,
  meta: { fileName: string; restoredFrom: number | null },
  hintsFor: (oldText: string, oldHints: readonly number[]) => number[],
): RevisionOutcome {
  const report = requireReport(db, reportId)
  const oldText = report.text
  const headingStarts = hintsFor(oldText, report.headingStarts)
  if (newText === oldText) return { revision: Math.max(1, latestRevisionNumber(db, reportId)), ...currentCounts(db, reportId) }

  const plan = planRevision(db, reportId, oldText, newText)
  const revision = latestRevisionNumber(db, reportId) + 1
  phase('history', () => {
    insertRevision(db, { reportId, revision, text: newText, importedAt: nowIso(), ...meta, headingStarts })
    keepCurrentAnchors(db, reportId, revision)
  })
  phase('text', () => updateReportText(db, reportId, newText, rawText, headingStarts))
  phase('anchors', () => {
    // A review resolved earlier cannot be reopened across a revision: its place belongs to the old text.
    deleteResolvedReviews(db, reportId)
    applyAnnotationPlan(db, newText, plan.annotations, annotationsWithReview(db, reportId))
  })
  const proposalSources = { placed: 0, unplaced: 0 }
  phase('reviews-sources', () => {
    applyWaitingReviews(db, newText, plan.waiting)
    applySourcePlan(db, newText, plan.sources)
    for (const { source, outcome } of plan.sources) if (!source.deleted) proposalSources[outcome.status === 'placed' ? 'placed' : 'unplaced']++
  })
  return { revision, ...phase('counts', () => countAnchorOutcomes(db, reportId)), proposalSources }
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
    const currentText = report.text
    const { kept, stored, open, sources } = phase('read', () => ({
      kept: keptAnchors(db, reportId, revision),
      stored: annotations.listStoredAnnotations(db, reportId, true),
      open: openReviews(db, reportId, currentText),
      sources: listProposalSources(db, reportId),
    }))
    const keptAnnotations = new Map(kept.filter((k) => k.kind === 'annotation').map((k) => [k.itemId, k]))
    const keptSources = new Map(kept.filter((k) => k.kind === 'proposal_source').map((k) => [Number(k.itemId), k]))

    // A review the revision opened goes with it (its annotation was placed before); one that was
    // waiting before follows the text back. The engine runs only if there is such a review.
    const stillWaiting = (annotationId: string) => keptAnnotations.get(annotationId)?.status !== 'placed'
    const { waiting, newer, newerSources } = phase('plan', () => {
      const waitingIds = new Set(open.map((r) => r.annotationId))
      return {
        waiting: open.some((r) => stillWaiting(r.annotationId)) ? planWaitingReviews(currentText, previous.text, open).filter((w) => stillWaiting(w.review.annotationId)) : [],
        newer: planAnnotations(currentText, previous.text, stored.filter((a) => !waitingIds.has(a.id) && !keptAnnotations.has(a.id))),
        newerSources: planProposalSources(currentText, previous.text, sources.filter((s) => !keptSources.has(s.proposalId))),
      }
    })
    phase('text', () => updateReportText(db, reportId, previous.text, previous.text, previous.headingStarts))
    phase('anchors', () => {
      const reviewed = annotationsWithReview(db, reportId)
      const byId = new Map(stored.map((a) => [a.id, a]))
      const writes: AnchorWrite[] = []
      const closed: string[] = []
      for (const [id, k] of keptAnnotations) {
        const annotation = byId.get(id)
        if (!annotation) continue // deleted for good since
        const anchor = { status: k.status as AnnotationStatus, positionStart: k.positionStart, positionEnd: k.positionEnd, exact: k.exact, prefix: k.prefix, suffix: k.suffix }
        const before = anchorOf(annotation)
        if (!sameAnchor(before, anchor)) writes.push({ id, anchor, before })
        if (k.status === 'placed' && reviewed.has(id)) closed.push(id)
      }
      writeAnchors(db, writes)
      deleteReviews(db, closed)
      applyAnnotationPlan(db, previous.text, newer, reviewed)
    })
    phase('reviews-sources', () => {
      applyWaitingReviews(db, previous.text, waiting)
      const current = new Map(sources.map((s) => [s.proposalId, s.source]))
      const proposalIds = new Set(listAllProposalIds(db, reportId))
      for (const [proposalId, k] of keptSources) {
        const was = current.get(proposalId)
        if (!proposalIds.has(proposalId) || (was && was.start === k.positionStart && was.end === k.positionEnd && was.exact === k.exact)) continue
        setProposalSource(db, proposalId, { start: k.positionStart, end: k.positionEnd, exact: k.exact })
      }
      applySourcePlan(db, previous.text, newerSources)
    })
    phase('history', () => deleteRevision(db, reportId, revision))
    return { revision: revision - 1, ...phase('counts', () => currentCounts(db, reportId)) }
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

function listAllProposalIds(db: Db, reportId: number): number[] {
  return prepare<{ id: number }>(db, 'SELECT id FROM proposals WHERE report_id = ?').all(reportId).map((r) => r.id)
}

function currentCounts(db: Db, reportId: number): Omit<RevisionOutcome, 'revision'> {
  const sources = listProposalSources(db, reportId).filter((s) => !s.deleted)
  return { ...countAnchorOutcomes(db, reportId), proposalSources: { placed: sources.length, unplaced: 0 } }
}
