// Import jobs: the bytes of one file arrive in chunks (or whole, from Electron's dialog), are
// read off the event loop with progress, and wait for the user to confirm title and date before
// the report is created. Jobs live in memory only; an unconfirmed job is dropped after a while.
import { randomBytes } from 'node:crypto'
import type { ImportJob, ImportedSummary, ImportedText } from '../../core/methods/imports'
import { MAX_IMPORT_FILE_BYTES } from '../../core/methods/imports'
import { WorkbenchError } from '../../core/errors'
import { parseReport } from '../../core/report-parse'
import type { Report } from '../../core/domain'
import { getReport, storeParsedReport } from '../services/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import type { ImportedDocument } from './index'
import { extensionOf, SUPPORTED_EXTENSIONS } from './formats'
import { refuse } from './refusals'
import { startRead, warmReader, type RunningRead } from './run-read'

interface Job {
  id: string
  fileName: string
  size: number
  buffer: Uint8Array | null
  received: number
  state: ImportJob['state']
  done: number
  total: number
  document: ImportedDocument | null
  error: { code: string; message: string } | null
  read: RunningRead | null
  touched: number
  summary: ImportedSummary | null
}

/** At most this many jobs at once (their buffers are held in memory). */
const MAX_JOBS = 4
/** A job nobody has asked about for this long is dropped. */
const IDLE_MS = 10 * 60_000
const PREVIEW_PARAGRAPHS = 3

export interface ImportJobs {
  begin(fileName: string, size: number): ImportJob
  chunk(jobId: string, offset: number, base64: string): ImportJob
  /** A whole file at once (Electron's main process read it). */
  fromBytes(fileName: string, bytes: Uint8Array): ImportJob
  status(jobId: string): ImportJob
  cancel(jobId: string): ImportJob
  commit(jobId: string, edits: { title?: string; date?: string; source?: string }): Report
  /** The whole text of a ready job, handed over instead of creating a report; the job is then gone. */
  text(jobId: string): ImportedText
  /** Stops every read (closing the workbench). */
  close(): void
}

export function createImportJobs(db: Db, now: () => number = Date.now): ImportJobs {
  const jobs = new Map<string, Job>()

  const sweep = () => {
    for (const [id, job] of jobs) {
      if (now() - job.touched > IDLE_MS) {
        job.read?.cancel()
        jobs.delete(id)
      }
    }
  }

  const get = (jobId: string): Job => {
    sweep()
    const job = jobs.get(jobId)
    if (!job) throw new WorkbenchError('not_found', 'import.gone')
    job.touched = now()
    return job
  }

  const begin = (fileName: string, size: number): ImportJob => {
    sweep()
    if (size === 0) refuse('empty')
    if (size > MAX_IMPORT_FILE_BYTES) refuse('tooLarge')
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(fileName)) && extensionOf(fileName) !== '') refuse('unsupported')
    // The reader thread gets ready while the bytes arrive (if the back end has not started it yet).
    warmReader()
    const active = [...jobs.values()].filter((j) => j.state === 'uploading' || j.state === 'reading' || j.state === 'ready')
    if (active.length >= MAX_JOBS) {
      // The oldest unfinished job gives way: a user imports one file at a time.
      const oldest = active.sort((a, b) => a.touched - b.touched)[0]!
      oldest.read?.cancel()
      jobs.delete(oldest.id)
    }
    const job: Job = {
      id: randomBytes(18).toString('base64url'),
      fileName,
      size,
      buffer: new Uint8Array(size),
      received: 0,
      state: 'uploading',
      done: 0,
      total: 0,
      document: null,
      error: null,
      read: null,
      touched: now(),
      summary: null,
    }
    jobs.set(job.id, job)
    return view(job)
  }

  const startReading = (job: Job) => {
    const bytes = job.buffer!
    job.buffer = null
    job.state = 'reading'
    const read = startRead(bytes, job.fileName, (done, total) => {
      job.done = done
      job.total = total
    })
    job.read = read
    read.result.then(
      (document) => {
        if (job.state !== 'reading') return
        job.document = document
        job.state = 'ready'
        job.read = null
      },
      (err: unknown) => {
        if (job.state !== 'reading') return
        job.read = null
        if (err instanceof WorkbenchError && err.message === 'import.cancelled') job.state = 'cancelled'
        else {
          job.state = 'failed'
          job.error =
            err instanceof WorkbenchError ? { code: err.code, message: err.message } : { code: 'internal', message: 'import.failed' }
        }
      },
    )
  }

  return {
    begin,
    chunk(jobId, offset, base64) {
      const job = get(jobId)
      if (job.state !== 'uploading' || !job.buffer) throw new WorkbenchError('conflict', 'import.notUploading')
      if (offset !== job.received) throw new WorkbenchError('bad_request', 'import.badChunk')
      const bytes = Buffer.from(base64, 'base64')
      if (job.received + bytes.length > job.size) throw new WorkbenchError('bad_request', 'import.badChunk')
      job.buffer.set(bytes, job.received)
      job.received += bytes.length
      if (job.received === job.size) startReading(job)
      return view(job)
    },
    fromBytes(fileName, bytes) {
      const started = begin(fileName, bytes.length)
      const job = jobs.get(started.jobId)!
      job.buffer!.set(bytes)
      job.received = bytes.length
      startReading(job)
      return view(job)
    },
    status: (jobId) => view(get(jobId)),
    cancel(jobId) {
      const job = get(jobId)
      if (job.state === 'uploading' || job.state === 'reading' || job.state === 'ready') {
        job.read?.cancel()
        job.read = null
        job.buffer = null
        job.document = null
        job.state = 'cancelled'
      }
      return view(job)
    },
    commit(jobId, edits) {
      const job = get(jobId)
      if (job.state !== 'ready' || !job.document) throw new WorkbenchError('conflict', 'import.notReady')
      const doc = job.document
      const parsed = parseReport(doc.text, {
        title: edits.title?.trim() || doc.title || undefined,
        date: edits.date !== undefined ? edits.date : (doc.date ?? undefined),
        source: edits.source?.trim() || doc.source || job.fileName,
        fileName: job.fileName,
      })
      if (edits.date === '') parsed.date = ''
      const id = inWriteTransaction(db, () => storeParsedReport(db, parsed, doc.text, doc.headings))
      jobs.delete(jobId)
      return getReport(db, id)
    },
    text(jobId) {
      const job = get(jobId)
      if (job.state !== 'ready' || !job.document) throw new WorkbenchError('conflict', 'import.notReady')
      const doc = job.document
      jobs.delete(jobId)
      return { text: doc.text, fileName: job.fileName, format: doc.format, encoding: doc.encoding, notices: doc.notices, headings: doc.headings }
    },
    close() {
      for (const job of jobs.values()) job.read?.cancel()
      jobs.clear()
    },
  }
}

function view(job: Job): ImportJob {
  return {
    jobId: job.id,
    fileName: job.fileName,
    state: job.state,
    received: job.received,
    size: job.size,
    done: job.done,
    total: job.total,
    document: job.document ? (job.summary ??= summary(job.document, job.fileName)) : null,
    error: job.error,
  }
}

function summary(doc: ImportedDocument, fileName: string): ImportedSummary {
  const paragraphs = doc.text.split('\n\n')
  const suggestedTitle = doc.title ?? parseReport(doc.text, { fileName }).title
  return {
    title: doc.title,
    date: doc.date,
    source: doc.source,
    format: doc.format,
    encoding: doc.encoding,
    notices: doc.notices,
    characters: doc.text.length,
    paragraphs: paragraphs.length,
    preview: paragraphs.slice(0, PREVIEW_PARAGRAPHS).join('\n\n').slice(0, 1_200),
    suggestedTitle,
  }
}
