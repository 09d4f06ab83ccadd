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
  /** The earlier revision this one made current again, null for a loaded text. */
  restoredFrom: z.number().int().positive().nullable().optional(),
  /** Paragraphs changed from the revision before (absent for the first). */
  change: z.object({ added: Count, removed: Count, changed: Count }).optional(),
})
export type ReportRevisionSummary = z.infer<typeof ReportRevisionSummary>

const DiffStats = z.object({ added: Count, removed: Count, changed: Count, unchanged: Count })
const WordPiece = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })
export const DiffBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same'), count: Count }),
  z.object({ kind: z.literal('added'), text: z.string() }),
  z.object({ kind: z.literal('removed'), text: z.string() }),
  z.object({ kind: z.literal('changed'), pieces: z.array(WordPiece) }),
])
export type DiffBlock = z.infer<typeof DiffBlock>
export const RevisionDiff = z.object({ stats: DiffStats, blocks: z.array(DiffBlock), truncated: z.boolean() })
export type RevisionDiff = z.infer<typeof RevisionDiff>

/** Counts of the re-anchoring engine's outcomes by status ('placed', 'unplaced', and any it adds). */
const OutcomeCounts = z.record(z.string(), Count)

export const RevisionPreview = z.object({
  /** The new text is the current one: applying would change nothing. */
  identical: z.boolean(),
  paragraphs: RevisionDiff,
  annotations: z.object({
    /** Live annotations of the report. */
    total: Count,
    /** Placed ones whose place changes (their text moved or was edited). */
    moved: Count,
    outcomes: OutcomeCounts,
  }),
  proposalSources: z.object({ total: Count, moved: Count, outcomes: OutcomeCounts }),
})
export type RevisionPreview = z.infer<typeof RevisionPreview>

const RevisionOutcome = z.object({
  revision: z.number().int().positive(),
  /** Annotations placed on the new text / left unplaced (deleted ones included: restoring one keeps its place). */
  placed: Count,
  unplaced: Count,
  /** Of the unplaced ones, those waiting for review (text substantially changed). */
  review: Count.optional(),
  proposalSources: z.object({ placed: Count, unplaced: Count }),
})

export const revisionsMethods = {
  'reports.revise': method(
    'Replaces the text of a report with a revised one (parsed like an import; title, date and source are kept), ' +
      'stores it as a new revision and re-anchors every annotation and proposal source, all in one transaction. ' +
      'An anchor whose text is gone becomes unplaced (proposal sources: removed), never moved to wrong text. ' +
      'A text identical to the current one changes nothing. `headings` (from imports.text) are the paragraphs the ' +
      "revised document styles as headings; without them (a pasted text) the report's styled headings whose line is unchanged stay headings.",
    z.object({
      reportId: Id,
      text: vnText(REPORT_TEXT_MAX_CHARS).refine((t) => t.trim().length > 0, 'the report text is empty'),
      fileName: vnText(500).optional(),
      headings: z.array(vnText(1000)).max(20_000).optional(),
    }),
    RevisionOutcome,
  ),
  'reports.revisions': method(
    'Every text a report has had, oldest first; revision 1 is the first import.',
    z.object({ reportId: Id }),
    z.array(ReportRevisionSummary),
  ),
  'reports.previewRevision': method(
    'What applying a revised text would change, without changing anything: paragraphs added, removed and changed ' +
      '(with their words), and how the re-anchoring would place every annotation and proposal source. ' +
      'Give the new `text` (as for reports.revise) or an earlier `revision` to make current again.',
    z
      .object({
        reportId: Id,
        text: vnText(5_000_000).refine((t) => t.trim().length > 0, 'the report text is empty').optional(),
        fileName: vnText(500).optional(),
        revision: z.number().int().positive().optional(),
        /** At most this many changed paragraphs are listed (default 200); the counts cover all. */
        limit: z.number().int().positive().max(100_000).optional(),
      })
      .refine((a) => (a.text === undefined) !== (a.revision === undefined), 'give either text or revision'),
    RevisionPreview,
  ),
  'reports.revisionDiff': method(
    'The differences between two revisions of a report, paragraph by paragraph and word by word: `{reportId, from, to}`.',
    z.object({ reportId: Id, from: z.number().int().positive(), to: z.number().int().positive() }),
    RevisionDiff,
  ),
  'reports.restoreRevision': method(
    'Makes an earlier revision current again, as a new revision (nothing is lost); anchors follow as for reports.revise.',
    z.object({ reportId: Id, revision: z.number().int().positive() }),
    RevisionOutcome,
  ),
  'reports.undoRevision': method(
    'Takes back the newest revision (`revision` must be it): the text before it becomes current again and every ' +
      'annotation and proposal source returns to where it was; anchors made since follow the text back.',
    z.object({ reportId: Id, revision: z.number().int().positive() }),
    RevisionOutcome,
  ),
} as const
