// Reads a user's own document (Word, PDF, HTML, Markdown or plain text in any of the encodings
// Vietnamese text has used) into the NFC text the report parser takes, with the title, date and
// source the document itself gives. Refusals are WorkbenchErrors whose message is a stable key
// (import.<reason>) the renderer translates; nothing is stored here.
import { nfc } from '../../core/text'
import { applyCapitals } from './capital-fonts'
import { readDocx } from './docx'
import { htmlToText } from './html-text'
import { markdownToText } from './markdown-text'
import { documentMeta } from './metadata'
import { readPdf } from './pdf'
import { refuse } from './refusals'
import { detectFormat, type DocumentFormat } from './sniff'
import { decodeTextBytes, fixLegacyFont } from './text-decode'

export { REFUSALS, isRefusal, type Refusal } from './refusals'
export type { DocumentFormat } from './sniff'

export interface ImportedDocument {
  /** NFC, one paragraph a line, paragraphs separated by a blank line (the parser's canonical form). */
  text: string
  title: string | null
  /** YYYY-MM-DD */
  date: string | null
  source: string | null
  format: DocumentFormat
  /** The text encoding read (UTF-8, UTF-16LE, Windows-1258, TCVN3, VNI, …); null for PDF and Word files in Unicode. */
  encoding: string | null
  /** What the reader noticed, as keys the renderer translates (e.g. "pages:12"). */
  notices: string[]
  /**
   * The paragraphs the document itself marks as headings (Word heading and Title styles, larger
   * PDF lines, HTML h1–h3), in order, as they read in `text`; none for plain text and Markdown.
   */
  headings: string[]
}

export interface ReadOptions {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/** Largest file read: a 300-page report with pictures stays well below it. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** The longest report text the workbench stores (as reports.import). */
export const MAX_IMPORT_CHARS = 5_000_000

export { SUPPORTED_EXTENSIONS } from './formats'

export async function readDocumentFile(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<ImportedDocument> {
  if (bytes.length === 0) refuse('empty')
  if (bytes.length > MAX_IMPORT_BYTES) refuse('tooLarge')
  if (opts.signal?.aborted) refuse('cancelled')
  const format = detectFormat(bytes, fileName)
  const notices: string[] = []
  let paragraphs: string[]
  let titleCandidate: string | null = null
  let encoding: string | null = null
  let headings: string[] = []

  switch (format) {
    case 'docx': {
      const docx = await readDocx(bytes)
      const fixed = fixLegacyFont({ text: docx.text, encoding: 'UTF-8' })
      // A paragraph in Word's Title style, else the title in the file's properties, else the first heading.
      const candidate = docx.styledTitle ?? docx.propertiesTitle ?? docx.headings[0] ?? null
      // The headings include the Title-styled paragraph (as their first h1).
      const styled = docx.headings
      if (fixed.encoding !== 'UTF-8') {
        encoding = fixed.encoding
        titleCandidate = candidate ? applyCapitals(fixLegacyFont({ text: candidate, encoding: 'UTF-8' }).text) : null
        headings = styled.map((h) => applyCapitals(fixLegacyFont({ text: h, encoding: 'UTF-8' }).text))
      } else {
        titleCandidate = candidate ? applyCapitals(candidate) : null
        headings = styled.map((h) => applyCapitals(h))
      }
      paragraphs = applyCapitals(fixed.text).split('\n')
      break
    }
    case 'pdf': {
      const pdf = await readPdf(bytes, opts)
      notices.push(`pages:${pdf.pages}`)
      paragraphs = pdf.paragraphs
      titleCandidate = pdf.title
      headings = pdf.headings
      const fixed = fixLegacyFont({ text: paragraphs.join('\n'), encoding: 'UTF-8' })
      if (fixed.encoding !== 'UTF-8') {
        encoding = fixed.encoding
        paragraphs = fixed.text.split('\n')
        titleCandidate = titleCandidate ? fixLegacyFont({ text: titleCandidate, encoding: 'UTF-8' }).text : null
        headings = headings.map((h) => fixLegacyFont({ text: h, encoding: 'UTF-8' }).text)
      }
      break
    }
    default: {
      const decoded = decodeTextBytes(bytes)
      encoding = decoded.encoding === 'ASCII' ? 'UTF-8' : decoded.encoding
      const source = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
      if (format === 'html') {
        const html = htmlToText(source)
        const fixed = fixLegacyFont({ text: html.text, encoding: decoded.encoding })
        if (fixed.encoding !== decoded.encoding) encoding = fixed.encoding
        paragraphs = fixed.text.split('\n')
        titleCandidate = html.headings[0] ?? html.docTitle
        headings = html.headings
        if (fixed.encoding !== decoded.encoding) {
          if (titleCandidate) titleCandidate = fixLegacyFont({ text: titleCandidate, encoding: 'UTF-8' }).text
          headings = headings.map((h) => fixLegacyFont({ text: h, encoding: 'UTF-8' }).text)
        }
      } else if (format === 'md') {
        const md = markdownToText(source)
        paragraphs = md.text.split('\n')
        titleCandidate = md.firstHeading
      } else {
        // Plain text keeps today's rule: the parser titles it by its first sentence.
        paragraphs = source.split('\n')
      }
    }
  }
  if (opts.signal?.aborted) refuse('cancelled')

  const meta = documentMeta(paragraphs, titleCandidate)
  // Soft hyphens are invisible break hints, not text; control characters never belong to a report.
  const clean = (p: string) => p.replace(/[\u00AD\u200B\uFEFF]/g, '').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
  const text = nfc(meta.paragraphs.map((p) => clean(p).replace(/[^\S\n]+/g, ' ').trim()).filter(Boolean).join('\n\n'))
  if (text.trim().length === 0) refuse(format === 'pdf' ? 'scanned' : 'empty')
  if (text.length > MAX_IMPORT_CHARS) refuse('tooLarge')
  if (encoding && encoding !== 'UTF-8') notices.push(`converted:${encoding}`)
  // As the paragraphs were cleaned, so are the headings, to be found again among them.
  headings = headings.map((h) => nfc(clean(h).replace(/\s+/g, ' ').trim())).filter(Boolean)
  return { text, title: meta.title, date: meta.date, source: meta.source, format, encoding, notices, headings }
}
