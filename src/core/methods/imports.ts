// Contract methods — Importing a user's own document (Word, PDF, HTML, Markdown, text) as a
// job both shells drive alike: the file's bytes arrive in base64 chunks (or, in Electron, from
// the main process's file dialog), the back end reads them off the main thread, the renderer
// polls the job for progress, may cancel it, and confirms the title and date before the report
// is created. Refusals carry a stable key as their message (import.empty, import.binary, …).
import { z } from 'zod'
import { Report, vnText } from '../domain'
import { method } from './define'

/** Largest file accepted (bytes). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024
/** Largest chunk of base64 text in one call: 4 MiB of text, 3 MiB of file, well inside the RPC body limit. */
export const MAX_IMPORT_CHUNK_CHARS = 4 * 1024 * 1024

const JobId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
const Count = z.number().int().nonnegative()

export const ImportJobState = z.enum(['uploading', 'reading', 'ready', 'failed', 'cancelled'])

export const ImportedSummary = z.object({
  title: z.string().nullable(),
  date: z.string().nullable(),
  source: z.string().nullable(),
  format: z.enum(['docx', 'pdf', 'html', 'md', 'txt']),
  encoding: z.string().nullable(),
  notices: z.array(z.string()),
  /** Length of the text read, and its first paragraphs, so the user sees what will be imported. */
  characters: Count,
  paragraphs: Count,
  preview: z.string(),
  /** The title the report will get if the user leaves it (the parser's when the document has none). */
  suggestedTitle: z.string(),
})
export type ImportedSummary = z.infer<typeof ImportedSummary>

/** The whole text a ready job read, for a use other than a new report (a revised version of one). */
export const ImportedText = z.object({
  text: z.string(),
  fileName: z.string(),
  format: ImportedSummary.shape.format,
  encoding: z.string().nullable(),
  notices: z.array(z.string()),
  /** The paragraphs the document itself marks as headings (Word heading styles, larger PDF lines), in order; give them to reports.revise. */
  headings: z.array(z.string()).optional(),
})
export type ImportedText = z.infer<typeof ImportedText>

export const ImportJob = z.object({
  jobId: JobId,
  fileName: z.string(),
  state: ImportJobState,
  /** Bytes received of size. */
  received: Count,
  size: Count,
  /** Pages (PDF) or steps read of total; total 0 while unknown. */
  done: Count,
  total: Count,
  document: ImportedSummary.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
export type ImportJob = z.infer<typeof ImportJob>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const importsMethods = {
  'imports.begin': method(
    'Starts importing a file of `size` bytes: `{fileName, size}` → the job, waiting for its bytes. Refuses an empty or too large file and an unsupported type at once.',
    z.object({ fileName: vnText(500).refine((n) => n.trim().length > 0, 'a file name is needed'), size: z.number().int().nonnegative() }),
    ImportJob,
  ),
  'imports.chunk': method(
    'Sends the next bytes of the file, base64, at `offset` (chunks in order, at most 4 MiB of base64 each); the last one starts the reading.',
    z.object({ jobId: JobId, offset: Count, data: z.string().max(MAX_IMPORT_CHUNK_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
    ImportJob,
  ),
  'imports.open': method(
    "Electron only: shows the system's file dialog (supported types), reads the chosen file in the main process and starts its job; null when the user cancels.",
    z.object({}),
    ImportJob.nullable(),
  ),
  'imports.status': method('The job: bytes received, pages read, and when ready what was read (format, encoding, title, date, source, preview).', z.object({ jobId: JobId }), ImportJob),
  'imports.cancel': method('Stops a job (reading stops at once); nothing is created.', z.object({ jobId: JobId }), ImportJob),
  'imports.text': method(
    'The whole text a ready job read, without creating a report (e.g. to load it as a revised version with reports.previewRevision / reports.revise): `{jobId}` → `{text, fileName, format, encoding, notices, headings}` (headings: the paragraphs the document styles as headings); the job is then gone.',
    z.object({ jobId: JobId }),
    ImportedText,
  ),
  'imports.commit': method(
    'Creates the report from a ready job, with the title, date (YYYY-MM-DD) and source as the user confirmed them; the job is then gone.',
    z.object({
      jobId: JobId,
      title: vnText(500).optional(),
      date: isoDate.or(z.literal('')).optional(),
      source: vnText(1_000).optional(),
    }),
    Report,
  ),
} as const
