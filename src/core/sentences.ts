// Sentence and clause spans of a report, as offsets into its text, plus a lower-case form of
// the same length so cue words can be matched without losing positions.

export interface Span {
  start: number
  end: number
}

/**
 * Lower case with the new-style tone placement ("hoá" → "hóa", "khoẻ" → "khỏe", "uỷ" → "ủy"),
 * keeping every character at its offset: both spellings occur in real reports.
 */
export function matchForm(s: string): string {
  // Vietnamese has no locale-specific casing, and a whole-string lower-casing is much faster;
  // only a character that changes length ("İ") forces the slow path.
  let lower = s.toLowerCase()
  if (lower.length !== s.length) {
    lower = ''
    for (const ch of s) {
      const l = ch.toLowerCase()
      lower += l.length === ch.length ? l : ch
    }
  }
  return lower
    .replace(/o([áàảãạ])(?!\p{L})/gu, (_, a: string) => TONE_O[a]! + 'a')
    .replace(/o([éèẻẽẹ])(?!\p{L})/gu, (_, e: string) => TONE_O[e]! + 'e')
    .replace(/u([ýỳỷỹỵ])(?!\p{L})/gu, (_, y: string) => TONE_U[y]! + 'y')
}

const TONE_O: Record<string, string> = {
  á: 'ó', à: 'ò', ả: 'ỏ', ã: 'õ', ạ: 'ọ',
  é: 'ó', è: 'ò', ẻ: 'ỏ', ẽ: 'õ', ẹ: 'ọ',
}
const TONE_U: Record<string, string> = { ý: 'ú', ỳ: 'ù', ỷ: 'ủ', ỹ: 'ũ', ỵ: 'ụ' }

/**
 * Sentences of one paragraph [from, to) of `text`. A sentence ends at . ! ? … when the next
 * word does not start in lower case, so "rừng... một cách" and "1.582" stay inside.
 */
export function sentenceSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = []
  const end = /[.!?…]+["”’)»]*(?=\s*$|\s+[^\p{Ll}])/gu
  const para = text.slice(from, to)
  let start = 0
  for (const m of para.matchAll(end)) {
    const stop = m.index + m[0].length
    pushTrimmed(para, start, stop, from, spans)
    start = stop
  }
  pushTrimmed(para, start, para.length, from, spans)
  return spans
}

/** The `;`-separated clauses of a span. */
export function clauseSpans(text: string, span: Span): Span[] {
  const spans: Span[] = []
  const part = text.slice(span.start, span.end)
  let start = 0
  for (let i = part.indexOf(';'); i !== -1; i = part.indexOf(';', start)) {
    pushTrimmed(part, start, i, span.start, spans)
    start = i + 1
  }
  pushTrimmed(part, start, part.length, span.start, spans)
  return spans
}

function pushTrimmed(s: string, start: number, end: number, offset: number, out: Span[]): void {
  let a = start
  let b = end
  while (a < b && /\s/u.test(s[a]!)) a++
  while (b > a && /\s/u.test(s[b - 1]!)) b--
  if (b > a) out.push({ start: offset + a, end: offset + b })
}

/** Drops trailing punctuation ("…", "./.", ",") from a span. */
export function trimTrailingPunctuation(text: string, span: Span): Span {
  let end = span.end
  while (end > span.start && /[\s.,;:…/!?]/u.test(text[end - 1]!)) end--
  return { start: span.start, end }
}

/** Number of words in a span. */
export function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}
