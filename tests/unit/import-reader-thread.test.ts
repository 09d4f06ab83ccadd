// The warm reader thread: one thread reads file after file; a cancelled read leaves it usable;
// a thread that dies, or does not stop a cancelled read in time, is replaced by a new one.
import type { Worker } from 'node:worker_threads'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { WorkbenchError } from '../../src/core/errors'
import { createReaderThread, type ReaderThread } from '../../src/backend/import/reader-thread'
import { workerScript } from '../../src/backend/import/run-read'
import { closePrinter, makeDocx, PARAGRAPHS, pdfHtml, printPdf, TITLE, words } from './helpers/import-fixtures'

afterAll(closePrinter)
const threads: ReaderThread[] = []
afterEach(async () => {
  for (const t of threads.splice(0)) await t.close()
})

function thread(options: { cancelGraceMs?: number } = {}): { reader: ReaderThread; spawned: Worker[] } {
  const script = workerScript()
  if (!script) throw new Error('the reader thread script should be found from the sources')
  const spawned: Worker[] = []
  const reader = createReaderThread(script, { ...options, onSpawn: (w) => spawned.push(w) })
  threads.push(reader)
  return { reader, spawned }
}

let printed: Promise<Uint8Array> | null = null
const longPdf = () => (printed ??= printPdf(pdfHtml({ title: TITLE, paragraphs: Array.from({ length: 90 }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % 6]}`) })))
const noProgress = () => undefined

/** Resolves at the first page read. */
function firstPage(reader: ReaderThread, bytes: Uint8Array) {
  let seen!: () => void
  const paged = new Promise<void>((r) => (seen = r))
  const read = reader.read(bytes, 'dai.pdf', () => seen())
  return { read, paged }
}

async function rejection(p: Promise<unknown>): Promise<WorkbenchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(WorkbenchError)
  return err as WorkbenchError
}

// Starting a thread from the sources goes through tsx: seconds on a busy machine.
describe('the reader thread', { timeout: 120_000 }, () => {
  it('starts warm, then reads file after file in the same thread; a queued read cancelled never reaches it', async () => {
    const { reader, spawned } = thread()
    await reader.warm()
    expect(spawned).toHaveLength(1)
    const pdf = await longPdf()
    const running = reader.read(pdf, 'dai.pdf', noProgress)
    const queued = reader.read(await makeDocx(), 'a.docx', noProgress)
    queued.cancel()
    expect((await rejection(queued.result)).message).toBe('import.cancelled')
    expect((await running.result).title).toBe(TITLE)
    const second = await reader.read(await makeDocx({ paragraphs: PARAGRAPHS.slice(2) }), 'b.docx', noProgress).result
    // Without a Title paragraph, the first heading titles the document.
    expect(second.title).toBe('I. Tình hình chung')
    expect(words(second.text)).toEqual(words(PARAGRAPHS.slice(2).join(' ')))
    expect(spawned).toHaveLength(1)
  })

  it('a read cancelled half-way stops at once and leaves the thread to read the next file', async () => {
    const { reader, spawned } = thread()
    const pdf = await longPdf()
    const { read, paged } = firstPage(reader, pdf)
    await paged
    read.cancel()
    expect((await rejection(read.result)).message).toBe('import.cancelled')
    // A file sent meanwhile waits for the thread to let go of the cancelled one, then is read.
    const next = await reader.read(pdf, 'dai.pdf', noProgress).result
    expect(next.title).toBe(TITLE)
    expect(next.notices.find((n) => n.startsWith('pages:'))).toMatch(/^pages:[3-9]$/)
    expect(spawned).toHaveLength(1)
  })

  it('a thread that dies mid-read fails that read only; the next read gets a new thread', async () => {
    const { reader, spawned } = thread()
    const pdf = await longPdf()
    const { read, paged } = firstPage(reader, pdf)
    await paged
    await spawned[0]!.terminate()
    const err = await rejection(read.result)
    expect(err.code).toBe('internal')
    const doc = await reader.read(await makeDocx({ title: TITLE }), 'a.docx', noProgress).result
    expect(doc.title).toBe(TITLE)
    expect(spawned).toHaveLength(2)
  })

  it('a cancelled read that does not stop within the grace time costs its thread, not the next read', async () => {
    const { reader, spawned } = thread({ cancelGraceMs: 0 })
    const pdf = await longPdf()
    const { read, paged } = firstPage(reader, pdf)
    await paged
    read.cancel()
    expect((await rejection(read.result)).message).toBe('import.cancelled')
    const doc = await reader.read(await makeDocx({ title: TITLE }), 'a.docx', noProgress).result
    expect(doc.title).toBe(TITLE)
    expect(spawned).toHaveLength(2)
  })
})
