// Logical paragraphs of a report: lines joined where a hard line break falls inside a sentence
// (a line that does not end a sentence followed, with no blank line between, by one starting in
// lower case or a digit but not with a list marker), each tagged with what it looks like: a list
// item, a headline or caption, a lead-in ending in ":". The first paragraph, when no punctuation
// ends it, is the report's title.
import type { Block } from '../domain'

export interface Paragraph {
  start: number
  end: number
  kind: 'heading' | 'paragraph'
  /** "- …", "+ …", "a) …", "1. …". */
  listItem: boolean
  /** A short line with no closing punctuation: a headline, a caption, a byline. */
  headlike: boolean
  /** Ends with ":" (or "như sau"): the next paragraphs are its items. */
  leadIn: boolean
}

const LIST = /^(?:[-–—+•*]\s*|(?:\d{1,2}|[a-zđ])[.)]\s+)/u

export function paragraphs(text: string, blocks: Block[]): Paragraph[] {
  const out: Paragraph[] = []
  let cur: Paragraph | null = null
  for (const b of blocks) {
    const line = text.slice(b.start, b.end)
    const joins =
      cur !== null && b.kind !== 'heading' && cur.kind !== 'heading' && !/[.!?:;…"”]$/u.test(text.slice(cur.start, cur.end)) &&
      /^[\p{Ll}\d(]/u.test(line) &&
      // A blank line ends a paragraph; "1. …" starts a list item, never continues a sentence.
      !/\n[^\S\n]*\n/u.test(text.slice(cur.end, b.start)) &&
      !LIST.test(line)
    if (joins && cur) {
      cur.end = b.end
      continue
    }
    if (cur) out.push(finish(text, cur, out.length === 0))
    cur = { start: b.start, end: b.end, kind: b.kind, listItem: LIST.test(line), headlike: false, leadIn: false }
  }
  if (cur) out.push(finish(text, cur, out.length === 0))
  return out
}

function finish(text: string, p: Paragraph, first: boolean): Paragraph {
  const s = text.slice(p.start, p.end)
  const words = s.split(/\s+/u).length
  const unpunctuated = !/[.!?:;…"”]$/u.test(s)
  p.leadIn = /:\s*$/u.test(s) || /như sau\s*[:.]?\s*$/iu.test(s)
  p.headlike =
    p.kind === 'heading' || (unpunctuated && words <= 25 && !s.includes('\n')) || /^(?:ảnh|quang cảnh)\b/iu.test(s) ||
    // The title: a first paragraph of one line that no punctuation ends, however long.
    (first && unpunctuated && !s.includes('\n') && !p.listItem)
  return p
}
