// PDF files with a text layer, read with pdfjs-dist page by page (progress and cancellation
// between pages). Refuses damaged and password-protected files, and scans without text.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { pageLines, type Run } from './pdf-lines'
import { toParagraphs, type PageInfo } from './pdf-paragraphs'
import { refuse } from './refusals'

export interface PdfText {
  paragraphs: string[]
  title: string | null
  metadataTitle: string | null
  /** Paragraphs printed larger than the body text. */
  headings: string[]
  pages: number
}

export interface PdfOptions {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
/** pdfjs's parser, which it otherwise loads on the first document it opens (a "fake worker" in Node). */
const PARSER = 'pdfjs-dist/legacy/build/pdf.worker.mjs'
let pdfjs: Promise<Pdfjs> | null = null

/**
 * Loads pdfjs and its parser once per thread. Their legacy build replaces Array.prototype.push
 * with a core-js version (for an error case of frozen arrays that never arises here) which makes
 * reading a long PDF a third slower; the engine's own push is put back.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  return (pdfjs ??= (async () => {
    const nativePush = Array.prototype.push
    const api = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const holder = globalThis as { pdfjsWorker?: unknown }
    holder.pdfjsWorker ??= await import(/* @vite-ignore */ PARSER)
    if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush
    return api
  })())
}

/** Fewer visible characters than this per page on average: the pages are pictures. */
const SCANNED_CHARS_PER_PAGE = 15

export async function readPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<PdfText> {
  const { getDocument } = await loadPdfjs()
  const task = getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let doc: PDFDocumentProxy
  try {
    doc = await task.promise
  } catch (err) {
    const name = (err as { name?: string }).name
    if (name === 'PasswordException') refuse('encrypted')
    refuse('damaged')
  }
  try {
    const pages: PageInfo[] = []
    let chars = 0
    const total = doc.numPages
    for (let n = 1; n <= total; n++) {
      if (opts.signal?.aborted) refuse('cancelled')
      const page = await doc.getPage(n)
      const [, , width, height] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      const runs: Run[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const t = item as TextItem
        const [a, b, c, d, e, f] = t.transform as number[]
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!) || t.height
        runs.push({ str: t.str, x: e!, y: f!, width: t.width, size })
        chars += t.str.replace(/\s/g, '').length
      }
      pages.push({ height, lines: pageLines(runs, n, width) })
      page.cleanup()
      opts.onProgress?.(n, total)
    }
    if (chars < Math.max(1, total) * SCANNED_CHARS_PER_PAGE) refuse('scanned')
    const meta = await doc.getMetadata().catch(() => null)
    const info = meta?.info as { Title?: unknown } | undefined
    const metadataTitle = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null
    const { paragraphs, title, headings } = toParagraphs(pages)
    return { paragraphs, title, metadataTitle, headings, pages: total }
  } catch (err) {
    if ((err as { name?: string }).name === 'WorkbenchError') throw err
    refuse('damaged')
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
