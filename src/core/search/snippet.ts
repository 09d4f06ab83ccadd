// The passage a search result shows: a stretch of the original text around the match, cut at
// spaces, with the matched words inside it marked (offsets into the snippet).
import type { Span } from './match'

export interface Snippet {
  snippet: string
  marks: Span[]
}

const BEFORE = 60
const LENGTH = 180

/** A passage of `text` around `focus`, cut at spaces, with the `marks` that fall inside it. */
export function makeSnippet(text: string, focus: Span | null, marks: readonly Span[]): Snippet {
  const center = focus ?? { start: 0, end: 0 }
  let from = Math.max(0, center.start - BEFORE)
  let to = Math.min(text.length, Math.max(center.end, from + LENGTH))
  if (from > 0) {
    const space = text.indexOf(' ', from)
    if (space !== -1 && space < center.start) from = space + 1
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > center.end) to = space
  }
  const lead = from > 0 ? '…' : ''
  const snippet = `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`
  const inside = [...marks]
    .filter((o) => o.start >= from && o.end <= to)
    .sort((a, b) => a.start - b.start)
    .filter((o, i, all) => i === 0 || o.start >= all[i - 1]!.end)
    .map((o) => ({ start: o.start - from + lead.length, end: o.end - from + lead.length }))
  return { snippet, marks: inside }
}
