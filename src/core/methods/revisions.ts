// Contract methods — Revised texts of a report: a new text replaces the current one, every
// anchor (annotations and proposal sources) follows it, and older texts stay listed.
import { z } from 'zod'
import { Id, REPORT_TEXT_MAX_CHARS, vnText } from '../domain'
import { method } from './define'

const Count = z.number().int().nonnegative()

export const ReportRevisionSummary = z.object({
  revision: z.number().int().positive(),
  importedAt: z.string(),
  fileName: z.string(),
  /** Length of that revision's text in UTF-16 code units, as offsets count them. */
  characters: Count,
  current: z.boolean(),
})
export type ReportRevisionSummary = z.infer<typeof ReportRevisionSummary>

export const revisionsMethods = {
  'reports.revise': method(
    'Replaces the text of a report with a revised one (parsed like an import; title, date and source are kept), ' +
      'stores it as a new revision and re-anchors every annotation and proposal source, all in one transaction. ' +
      'An anchor whose text is gone becomes unplaced (proposal sources: removed), never moved to wrong text. ' +
      'A text identical to the current one changes nothing.',
    z.object({
      reportId: Id,
      text: vnText(REPORT_TEXT_MAX_CHARS).refine((t) => t.trim().length > 0, 'the report text is empty'),
      fileName: vnText(500).optional(),
    }),
    z.object({
      revision: z.number().int().positive(),
      /** Annotations placed on the new text / left unplaced (deleted ones included: restoring one keeps its place). */
      placed: Count,
      unplaced: Count,
      proposalSources: z.object({ placed: Count, unplaced: Count }),
    }),
  ),
  'reports.revisions': method(
    'Every text a report has had, oldest first; revision 1 is the first import.',
    z.object({ reportId: Id }),
    z.array(ReportRevisionSummary),
  ),
} as const
