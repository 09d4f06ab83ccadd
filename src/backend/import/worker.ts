// Runs one document read in a worker thread, so a 300-page PDF never holds the back end's
// event loop (in Electron, the main process): progress goes back as messages, cancelling
// terminates the thread.
import { parentPort, workerData } from 'node:worker_threads'
import { WorkbenchError } from '../../core/errors'
import { readDocumentFile } from './index'

export interface WorkerInput {
  bytes: Uint8Array
  fileName: string
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; document: Awaited<ReturnType<typeof readDocumentFile>> }
  | { type: 'error'; code: string; message: string }

const port = parentPort
if (port) {
  const { bytes, fileName } = workerData as WorkerInput
  const post = (m: WorkerMessage) => port.postMessage(m)
  readDocumentFile(bytes, fileName, { onProgress: (done, total) => post({ type: 'progress', done, total }) })
    .then((document) => post({ type: 'done', document }))
    .catch((err: unknown) => {
      if (err instanceof WorkbenchError) post({ type: 'error', code: err.code, message: err.message })
      else post({ type: 'error', code: 'internal', message: err instanceof Error ? err.message : String(err) })
    })
}
