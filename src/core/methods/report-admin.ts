// Contract methods — Managing reports: rename (title and date), the trash (a deleted report
// keeps everything that hangs off it until the trash is emptied).
import { z } from 'zod'
import { ExpectedVersion, Id, ReportSummary, vnText } from '../domain'
import { method } from './define'

/** A report date as stored: YYYY-MM-DD, YYYY-MM, or '' when unknown. */
const ReportDate = z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY-MM-DD, YYYY-MM or an empty date')

export const TrashedReport = ReportSummary.extend({ deletedAt: z.string() })
export type TrashedReport = z.infer<typeof TrashedReport>

export const reportAdminMethods = {
  'reports.update': method(
    'Renames a report or changes its date: `{id, patch: {title?, date?}, expectedVersion?}`; the date is YYYY-MM-DD, YYYY-MM or empty. With `expectedVersion`, only if nobody changed them since that version.',
    z.object({
      id: Id,
      patch: z
        .object({
          title: vnText(500).refine((t) => t.trim().length > 0, 'the title is empty').optional(),
          date: ReportDate.optional(),
        })
        .strict(),
      expectedVersion: ExpectedVersion,
    }),
    ReportSummary,
  ),
  'reports.delete': method(
    'Moves a report to the trash: it leaves the list, and its proposals, annotations, meetings and revisions stay intact for a restore.',
    z.object({ id: Id }),
    z.object({ id: Id, deletedAt: z.string() }),
  ),
  'reports.restore': method('Takes a report out of the trash, with everything it had.', z.object({ id: Id }), ReportSummary),
  'reports.trash': method('Reports in the trash, most recently deleted first.', z.object({}), z.array(TrashedReport)),
  'reports.emptyTrash': method(
    'Deletes reports in the trash for good, with everything that hangs off them: all of them, or only `ids`.',
    z.object({ ids: z.array(Id).max(10_000).optional() }),
    z.object({ deleted: z.number().int().nonnegative() }),
  ),
} as const
