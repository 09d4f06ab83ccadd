// One warm worker thread that reads every imported document in turn. Starting a thread and
// loading pdfjs costs seconds, so the thread is started once (at the first import, or in the
// background soon after the back end starts) and kept. A cancelled read is stopped between
// pages and the thread kept; a read that does not stop in time, or a thread that dies, costs only
// that thread: the next read starts a new one.
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { WorkbenchError } from '../../core/errors'
import type { ImportedDocument } from './index'
import type { FromReader, ToReader } from './worker'

export interface ReaderScript {
  path: string
  /** The sources need tsx's loader in the thread (npm run serve from the sources, Vitest, the bench). */
  viaTsx?: boolean
}

export interface ThreadRead {
  result: Promise<ImportedDocument>
  cancel(): void
}

export interface ReaderThread {
  read(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void): ThreadRead
  /** Starts the thread now if it is not running; settles when it has loaded its readers (or died). */
  warm(): Promise<void>
  /** Stops the thread and every read (closing the back end). */
  close(): Promise<void>
}

export interface ReaderThreadOptions {
  /** How long a cancelled read may take to stop before its thread is replaced. */
  cancelGraceMs?: number
  /** Sees every thread started (tests count them). */
  onSpawn?: (worker: Worker) => void
}

interface Pending {
  id: number
  bytes: Uint8Array | null
  fileName: string
  onProgress: (done: number, total: number) => void
  resolve: (doc: ImportedDocument) => void
  reject: (err: unknown) => void
  settled: boolean
}

const CANCEL_GRACE_MS = 3_000
const cancelled = () => new WorkbenchError('bad_request', 'import.cancelled')
const stopped = () => new WorkbenchError('internal', 'The document reader stopped')

export function createReaderThread(script: ReaderScript, options: ReaderThreadOptions = {}): ReaderThread {
  const grace = options.cancelGraceMs ?? CANCEL_GRACE_MS
  let worker: Worker | null = null
  /** Settles when the running thread has loaded its readers. */
  let ready: Promise<void> = Promise.resolve()
  let markReady: (() => void) | null = null
  let markDead: ((err: unknown) => void) | null = null
  /** The read the thread is working on (also after it was cancelled, until the thread lets go of it). */
  let current: Pending | null = null
  let graceTimer: NodeJS.Timeout | null = null
  const queue: Pending[] = []
  let nextId = 1
  let closed = false

  const settle = (p: Pending, outcome: { doc: ImportedDocument } | { err: unknown }) => {
    if (p.settled) return
    p.settled = true
    if ('doc' in outcome) p.resolve(outcome.doc)
    else p.reject(outcome.err)
  }

  const spawn = (): Worker => {
    const w = script.viaTsx
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(script.path).href)}) })`,
          { eval: true },
        )
      : new Worker(script.path)
    ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      markDead = reject
    })
    ready.catch(() => undefined)
    w.on('message', (m: FromReader) => onMessage(w, m))
    w.on('error', () => undefined) // 'exit' follows and handles it
    w.on('exit', () => onExit(w))
    // Referenced while it starts and while it reads; idle, it does not keep the process alive.
    options.onSpawn?.(w)
    return w
  }

  const onMessage = (w: Worker, m: FromReader) => {
    if (w !== worker) return
    if (m.type === 'ready') {
      if (!current) w.unref()
      markReady?.()
      return
    }
    const p = current
    if (!p || p.id !== m.id) return
    if (m.type === 'progress') {
      if (!p.settled) p.onProgress(m.done, m.total)
      return
    }
    if (m.type === 'done') settle(p, { doc: m.document })
    else settle(p, { err: new WorkbenchError(m.code === 'bad_request' ? 'bad_request' : 'internal', m.message) })
    release()
  }

  /** The thread has finished with the current read: on to the next one. */
  const release = () => {
    current = null
    if (graceTimer) clearTimeout(graceTimer)
    graceTimer = null
    pump()
  }

  const onExit = (w: Worker) => {
    if (w !== worker) return
    worker = null
    markDead?.(stopped())
    const p = current
    if (p) settle(p, { err: stopped() })
    release()
  }

  const pump = () => {
    if (closed || current) return
    const p = queue.shift()
    if (!p) {
      worker?.unref()
      return
    }
    worker ??= spawn()
    worker.ref()
    current = p
    const message: ToReader = { type: 'read', id: p.id, bytes: p.bytes!, fileName: p.fileName }
    p.bytes = null
    try {
      // Copied, not transferred: the caller's buffer stays whole.
      worker.postMessage(message)
    } catch (err) {
      settle(p, { err })
      release()
    }
  }

  const replaceThread = () => {
    const w = worker
    worker = null
    markDead?.(stopped())
    if (w) void w.terminate()
    const p = current
    if (p) settle(p, { err: stopped() })
    release()
  }

  return {
    read(bytes, fileName, onProgress) {
      let p!: Pending
      const result = new Promise<ImportedDocument>((resolve, reject) => {
        p = { id: nextId++, bytes, fileName, onProgress, resolve, reject, settled: false }
      })
      if (closed) settle(p, { err: stopped() })
      else {
        queue.push(p)
        pump()
      }
      return {
        result,
        cancel: () => {
          if (p.settled) return
          settle(p, { err: cancelled() })
          const queued = queue.indexOf(p)
          if (queued >= 0) {
            queue.splice(queued, 1)
            return
          }
          if (current === p && worker) {
            const message: ToReader = { type: 'cancel', id: p.id }
            worker.postMessage(message)
            // A read stuck inside one page (or one Word file) is not waited for.
            graceTimer ??= setTimeout(replaceThread, grace)
            graceTimer.unref()
          }
        },
      }
    },
    warm() {
      if (closed) return Promise.reject(stopped())
      worker ??= spawn()
      return ready
    },
    async close() {
      closed = true
      for (const p of queue.splice(0)) settle(p, { err: cancelled() })
      if (current) settle(current, { err: cancelled() })
      current = null
      if (graceTimer) clearTimeout(graceTimer)
      const w = worker
      worker = null
      markDead?.(stopped())
      if (w) await w.terminate()
    },
  }
}
