// Starts a document read in a worker thread when the worker script can be found (from the
// sources under tsx, or as out/main/import-worker.js in the Electron build), else in this
// thread; either way with progress and cancellation.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { WorkbenchError } from '../../core/errors'
import type { ImportedDocument } from './index'
import type { WorkerMessage } from './worker'

export interface RunningRead {
  result: Promise<ImportedDocument>
  cancel(): void
  /** 'worker' or 'inline', for tests and the bench. */
  mode: 'worker' | 'inline'
}

function workerScript(): { path: string; viaTsx?: boolean } | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    // From the sources: the worker electron-vite built (out/main) when it is newer than the code
    // it was built from, since loading the sources through tsx in the thread costs seconds.
    const built = fileURLToPath(new URL('../../../out/main/import-worker.js', here))
    if (existsSync(built) && statSync(built).mtimeMs > newestSource(fileURLToPath(new URL('../../', here)))) return { path: built }
    const path = fileURLToPath(new URL('./worker.ts', here))
    // The sources need tsx's loader in the thread too (npm run serve, Vitest, the bench): a small
    // bootstrap registers it, then loads the worker.
    return existsSync(path) ? { path, viaTsx: true } : null
  }
  for (const rel of ['./import-worker.js', '../import-worker.js']) {
    const path = fileURLToPath(new URL(rel, here))
    if (existsSync(path)) return { path }
  }
  return null
}

/** Latest change time of the .ts/.json files under src/ (core and back end) and data/legacy-encodings. */
function newestSource(srcDir: string): number {
  let newest = 0
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const dir of [join(srcDir, 'core'), join(srcDir, 'backend'), join(srcDir, '..', 'data', 'legacy-encodings')]) if (existsSync(dir)) walk(dir)
  return newest
}

export function startRead(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void): RunningRead {
  const script = process.env.WORKBENCH_IMPORT_INLINE === '1' ? null : workerScript()
  if (!script) {
    const controller = new AbortController()
    return {
      mode: 'inline',
      // The readers load on first use, not with the back end.
      result: import('./index').then(({ readDocumentFile }) => readDocumentFile(bytes, fileName, { signal: controller.signal, onProgress })),
      cancel: () => controller.abort(),
    }
  }
  const worker = script.viaTsx
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(script.path).href)}) })`,
        { eval: true, workerData: { bytes, fileName } },
      )
    : new Worker(script.path, { workerData: { bytes, fileName } })
  let cancelled = false
  const result = new Promise<ImportedDocument>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total)
      else if (m.type === 'done') resolve(m.document)
      else reject(new WorkbenchError(m.code === 'bad_request' ? 'bad_request' : 'internal', m.message))
      if (m.type !== 'progress') void worker.terminate()
    })
    worker.on('error', (err) => reject(err))
    worker.on('exit', () => {
      if (cancelled) reject(new WorkbenchError('bad_request', 'import.cancelled'))
      else reject(new WorkbenchError('internal', 'The document reader stopped'))
    })
  })
  return {
    mode: 'worker',
    result,
    cancel: () => {
      cancelled = true
      void worker.terminate()
    },
  }
}

