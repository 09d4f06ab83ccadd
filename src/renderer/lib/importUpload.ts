// Sends a file the user picked or dropped to the back end's import job in base64 chunks
// (read natively by FileReader so the page never encodes bytes itself), then polls the job until
// it is read, refused or cancelled.
import type { ImportJob } from '../../core/methods/imports'
import { workbench } from '../api'

/**
 * 512 KiB of bytes a call. A call may carry 3 MiB, but the page handles each chunk in one task
 * (the data URL, the request body): a 3 MiB chunk held the page for 300 ms on a busy machine.
 */
export const CHUNK_BYTES = 512 * 1024
const POLL_MS = 120

export function readChunkBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(blob)
  })
}

export interface UploadHooks {
  onJob: (job: ImportJob) => void
  isCancelled: () => boolean
}

/** Uploads the file; resolves with the job once its last chunk is in (reading has started). */
export async function uploadFile(file: File, hooks: UploadHooks): Promise<ImportJob> {
  let job = await workbench().imports.begin({ fileName: file.name, size: file.size })
  hooks.onJob(job)
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    if (hooks.isCancelled()) return job
    const data = await readChunkBase64(file.slice(offset, offset + CHUNK_BYTES))
    job = await workbench().imports.chunk({ jobId: job.jobId, offset, data })
    hooks.onJob(job)
  }
  return job
}

/** Polls until the job has left the uploading/reading states. */
export async function waitForJob(jobId: string, hooks: UploadHooks): Promise<ImportJob> {
  for (;;) {
    const job = await workbench().imports.status({ jobId })
    hooks.onJob(job)
    if (job.state !== 'reading' && job.state !== 'uploading') return job
    if (hooks.isCancelled()) return job
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}
