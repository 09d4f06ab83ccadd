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
 * Placed annotations follow the edit script from the previous text; unplaced ones (whose stored
 * position belongs to an older text) get another chance by quote alone. Deleted ones move too,
 * so a restore puts them in the right place.
 */
function reanchorAnnotations(db: Db, reportId: number, oldText: string, newText: string): void {
  const all = annotations.listStoredAnnotations(db, reportId, true)
  const toInput = (a: annotations.StoredAnnotation): ReanchorInput => ({
    id: a.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      position: { type: 'TextPositionSelector', start: a.positionStart, end: a.positionEnd },
    },
  })
  const byId = new Map(all.map((a) => [a.id, a]))
  const placed = all.filter((a) => a.status === 'placed')
  const unplaced = all.filter((a) => a.status === 'unplaced')
  const outcomes = [
    ...reanchorAll(oldText, newText, placed.map(toInput)),
    ...(unplaced.length > 0 ? reanchorAll(null, newText, unplaced.map(toInput)) : []),
  ]
  for (const outcome of outcomes) {
    if (outcome.status === 'placed') {
      const { quote, position } = describeRange(newText, outcome.start, outcome.end)
      annotations.updateAnchor(db, outcome.id, {
        status: 'placed',
        positionStart: position.start,
        positionEnd: position.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      })
    } else {
      // The quote and last position are kept: they are what a later revision or a user needs to find it again.
      annotations.updateAnchor(db, outcome.id, { ...byId.get(outcome.id)!, status: 'unplaced' })
    }
  }
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

function countAnnotations(db: Db, reportId: number): { placed: number; unplaced: number } {
  const live = annotations.listStoredAnnotations(db, reportId)
  const placed = live.filter((a) => a.status === 'placed').length
  return { placed, unplaced: live.length - placed }
}

function currentCounts(db: Db, reportId: number): Omit<RevisionOutcome, 'revision'> {
  const sources = listProposalSources(db, reportId).filter((s) => !s.deleted)
  return { ...countAnnotations(db, reportId), proposalSources: { placed: sources.length, unplaced: 0 } }
}
