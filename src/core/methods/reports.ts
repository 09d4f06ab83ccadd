// Contract methods — Reports: import, list, read.
import { z } from 'zod'
import { Id, Report, REPORT_TEXT_MAX_CHARS, ReportSummary, vnText } from '../domain'
import { method } from './define'

export const reportsMethods = {
  'reports.list': method('All imported reports, newest first.', z.object({}), z.array(ReportSummary)),
  'reports.get': method('One report with its text and blocks.', z.object({ id: Id }), Report),
  'reports.import': method(
    'Imports a report from plain text (a pasted text or a file read by the renderer). Title, date and source are taken from the text where not given.',
    z.object({
      text: vnText(REPORT_TEXT_MAX_CHARS).refine((t) => t.trim().length > 0, 'the report text is empty'),
      title: vnText(500).optional(),
      source: vnText(1_000).optional(),
      fileName: vnText(500).optional(),
    }),
    Report,
  ),
} as const
