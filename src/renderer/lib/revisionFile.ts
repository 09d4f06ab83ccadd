// Reads a chosen revised-report file into text through the same import job as a new report
// (upload, reading off the main thread with progress, the same refusals), so a revision can come
// from a Word, PDF, HTML, Markdown or legacy-encoded file; the job hands its text back instead of
// creating a report.
import type { ImportJob, ImportedText } from '../../core/methods/imports'
import { WorkbenchError } from '../../core/errors'
import { workbench } from '../api'
import { uploadFile, waitForJob, type UploadHooks } from './importUpload'

/** Why a file gave no text: the import's refusal keys (docImport.refused.*). */
export class RevisionFileError extends Error {
  constructor(
    readonly problem: string,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${problem}`)
  }
}

function refusalOf(message: string | undefined): string {
  return message?.startsWith('import.') ? message.slice('import.'.length) : 'failed'
}

/** Uploads and reads the file; `hooks.onJob` sees every state of the job (progress). */
export async function readRevisionFile(file: File, hooks: UploadHooks): Promise<ImportedText> {
  let job: ImportJob | null = null
  const follow: UploadHooks = { onJob: (j) => hooks.onJob((job = j)), isCancelled: hooks.isCancelled }
  try {
    const uploaded = await uploadFile(file, follow)
    const done = hooks.isCancelled() ? uploaded : await waitForJob(uploaded.jobId, follow)
    if (hooks.isCancelled() || done.state === 'cancelled') {
      await workbench().imports.cancel({ jobId: done.jobId }).catch(() => undefined)
      throw new RevisionFileError('cancelled', file.name)
    }
    if (done.state === 'failed') throw new RevisionFileError(refusalOf(done.error?.message), file.name)
    return await workbench().imports.text({ jobId: done.jobId })
  } catch (err) {
    if (err instanceof RevisionFileError) throw err
    const current = job as ImportJob | null
    if (current && (current.state === 'uploading' || current.state === 'reading')) {
      await workbench().imports.cancel({ jobId: current.jobId }).catch(() => undefined)
    }
    throw new RevisionFileError(err instanceof WorkbenchError ? refusalOf(err.message) : 'failed', file.name)
  }
}
