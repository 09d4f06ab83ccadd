// The document reader's worker thread, started once and kept warm: it loads the readers (pdfjs
// and its parser, mammoth) as soon as it starts, then reads one file after another as the back
// end sends them, so a 300-page PDF never holds the back end's event loop (in Electron, the main
// process). Progress goes back as messages; a cancel message stops a read between pages.
import { parentPort } from 'node:worker_threads'
import type { ImportedDocument } from './index'

export type ToReader =
  | { type: 'read'; id: number; bytes: Uint8Array; fileName: string }
  | { type: 'cancel'; id: number }

export type FromReader =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; document: ImportedDocument }
  | { type: 'error'; id: number; code: string; message: string }

const port = parentPort
if (port) {
  const post = (m: FromReader) => port.postMessage(m)
  const reads = new Map<number, AbortController>()
  // Loaded once for every file this thread will read.
  const readers = (async () => {
    const [{ readDocumentFile }, { loadPdfjs }] = await Promise.all([import('./index'), import('./pdf')])
    await loadPdfjs()
    return readDocumentFile
  })()
  void readers.then(
    () => post({ type: 'ready' }),
    // Without its readers the thread is of no use: the back end starts another when needed.
    (err: unknown) => setImmediate(() => { throw err }),
  )

  port.on('message', (m: ToReader) => {
    if (m.type === 'cancel') {
      reads.get(m.id)?.abort()
      return
    }
    const controller = new AbortController()
    reads.set(m.id, controller)
    readers
      .then((read) =>
        read(m.bytes, m.fileName, { signal: controller.signal, onProgress: (done, total) => post({ type: 'progress', id: m.id, done, total }) }),
      )
      .then((document) => post({ type: 'done', id: m.id, document }))
      .catch((err: unknown) => {
        const known = (err as { name?: string }).name === 'WorkbenchError'
        post({
          type: 'error',
          id: m.id,
          code: known ? (err as { code: string }).code : 'internal',
          message: err instanceof Error ? err.message : String(err),
        })
      })
      .finally(() => reads.delete(m.id))
  })
}
