// The document's own metadata, taken from its structure and its first lines: a title (Word
// title or first heading, a PDF's first large line), a date written in the text, and a news
// agency tag ("HYTV - ", "BHG - ") that belongs in the source field, not the body.
import { findDateline } from '../../core/report-meta'
import { nfc } from '../../core/text'

export interface DocumentMeta {
  paragraphs: string[]
  title: string | null
  date: string | null
  source: string | null
}

/** "HYTV - ", "BHG – ", "(Baonghean.vn) - ", "Laocaitv.vn - " at the start of the first paragraph. */
const AGENCY_TAG = /^\(?((?:\p{Lu}[\p{Lu}\d&]{1,11})|(?:[\p{L}\d-]{2,30}\.(?:vn|com|net|gov\.vn|com\.vn)))\)?\s*[-–—]\s+(?=\S)/u

const DATE_SEARCH_PARAGRAPHS = 5

export function documentMeta(paragraphs: string[], titleCandidate: string | null): DocumentMeta {
  let paras = paragraphs.map((p) => p.trim()).filter((p) => p.length > 0)
  let title = titleCandidate ? clean(titleCandidate) : null
  if (title && title.length > 500) title = null

  // A headline printed above the text is the title, not the first paragraph.
  if (title && paras.length > 1 && sameText(paras[0]!, title)) paras = paras.slice(1)

  let source: string | null = null
  for (let i = 0; i < Math.min(paras.length, 3); i++) {
    const m = AGENCY_TAG.exec(paras[i]!)
    if (m && !/^\d+$/.test(m[1]!)) {
      source = m[1]!
      paras[i] = paras[i]!.slice(m[0].length)
      break
    }
  }

  const head = [title ?? '', ...paras.slice(0, DATE_SEARCH_PARAGRAPHS)].join('\n')
  const date = findDateline(head) || null
  return { paragraphs: paras, title, date, source }
}

function clean(s: string): string {
  return nfc(s.replace(/\s+/g, ' ').trim())
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => nfc(s).replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi')
  return norm(a) === norm(b)
}
