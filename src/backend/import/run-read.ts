// Starts a document read in the process's warm reader thread when the worker script can be
// found (from the sources under tsx, or as out/main/import-worker.js in the Electron build),
// else in this thread; either way with progress and cancellation.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ImportedDocument } from './index'
import { createReaderThread, type ReaderScript, type ReaderThread } from './reader-thread'

export interface RunningRead {
  result: Promise<ImportedDocument>
  cancel(): void
  /** 'worker' or 'inline', for tests and the bench. */
  mode: 'worker' | 'inline'
}

export function workerScript(): ReaderScript | null {
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

let shared: ReaderThread | null | undefined

/** The process's reader thread (every workbench of the process shares it); null when reads run inline. */
export function readerThread(): ReaderThread | null {
  if (shared === undefined) {
    const script = process.env.WORKBENCH_IMPORT_INLINE === '1' ? null : workerScript()
    shared = script ? createReaderThread(script) : null
  }
  return shared
}

/** Starts the reader thread in the background, so the first import does not wait for it. */
export function warmReader(): void {
  void readerThread()?.warm().catch(() => undefined)
}

export function startRead(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void): RunningRead {
  const thread = readerThread()
  if (!thread) {
    const controller = new AbortController()
    return {
      mode: 'inline',
      // The readers load on first use, not with the back end.
      result: import('./index').then(({ readDocumentFile }) => readDocumentFile(bytes, fileName, { signal: controller.signal, onProgress })),
      cancel: () => controller.abort(),
    }
  }
  return { mode: 'worker', ...thread.read(bytes, fileName, onProgress) }
}
