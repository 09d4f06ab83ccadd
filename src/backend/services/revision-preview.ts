// What a revision would change, before anything is changed: the paragraph diff and the
// re-anchoring engine's dry run over every live annotation and proposal source, counted by outcome.
// The dry run is kept (revision-plan.ts), so applying the same text next does not redo it.
import type { ReanchorOutcome } from '../../core/anchoring/reanchor'
import { WorkbenchError } from '../../core/errors'
import type { RevisionPreview } from '../../core/methods/revisions'
import { diffParagraphs } from '../../core/revisions/paragraph-diff'
import { getStoredReport } from '../db/reports'
import type { Db } from '../db/types'
import { phase } from './revision-phases'
import { planRevision } from './revision-plan'
import { requireRevision, revisedText } from './revisions'

export interface PreviewInput {
  reportId: number
  text?: string
  fileName?: string
  revision?: number
  limit?: number
}

const DEFAULT_LIMIT = 200

export function previewRevision(db: Db, input: PreviewInput): RevisionPreview {
  const report = getStoredReport(db, input.reportId)
  if (!report) throw new WorkbenchError('not_found', `Report ${input.reportId} does not exist`)
  const newText = phase('parse', () =>
    input.revision !== undefined ? requireRevision(db, input.reportId, input.revision).text : revisedText(input.text ?? '', input.fileName).text,
  )
  const oldText = report.text
  const paragraphs = phase('diff', () => diffParagraphs(oldText, newText, { limit: input.limit ?? DEFAULT_LIMIT }))

  // Kept until the database changes, so that applying this text right after does not plan it again.
  const plan = planRevision(db, input.reportId, oldText, newText)
  const annotationPlans = plan.annotations.filter((p) => p.annotation.deletedAt === null)
  const annotations = tally(annotationPlans.map((p) => ({ outcome: p.outcome, was: p.annotation.status === 'placed' ? { start: p.annotation.positionStart, end: p.annotation.positionEnd } : null })))
  const sourcePlans = plan.sources.filter((p) => !p.source.deleted)
  const proposalSources = tally(sourcePlans.map((p) => ({ outcome: p.outcome, was: p.source.source })))
  return { identical: newText === oldText, paragraphs, annotations, proposalSources }
}

/** Counts outcomes by status, whatever statuses the engine answers, and the placed ones that move. */
function tally(items: { outcome: ReanchorOutcome; was: { start: number; end: number } | null }[]): RevisionPreview['annotations'] {
  const outcomes: Record<string, number> = {}
  let moved = 0
  for (const { outcome, was } of items) {
    outcomes[outcome.status] = (outcomes[outcome.status] ?? 0) + 1
    if (outcome.status === 'placed' && (!was || was.start !== outcome.start || was.end !== outcome.end)) moved++
  }
  return { total: items.length, moved, outcomes }
}
