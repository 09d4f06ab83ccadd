// The Markdown export of a report's annotations: gathers the live annotations and the checklist
// order, and leaves the writing to the pure template in core.
import { annotationsToMarkdown } from '../../core/annotations-markdown'
import { WorkbenchError } from '../../core/errors'
import * as repo from '../db/annotations'
import { listLiveProposals } from '../db/proposals'
import { getStoredReport } from '../db/reports'
import type { Db } from '../db/types'

export function exportMarkdown(db: Db, reportId: number): { markdown: string } {
  const report = getStoredReport(db, reportId)
  if (!report) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  const annotations = repo.listStoredAnnotations(db, reportId).map(repo.toAnnotation)
  const proposals = listLiveProposals(db, reportId).map((p) => ({ id: p.id, title: p.title }))
  return { markdown: annotationsToMarkdown({ report, annotations, proposals }) }
}
