// The pure half of full-text search: turning what the user typed into safe FTS5 expressions
// (folded and with diacritics), and finding the matched words again in the original text for
// offsets, snippets and emphasis. Query words are never spliced into FTS5 syntax unquoted.
import { foldWithMap } from './fold-map'
import { fold, nfc } from './text'

/** Word characters as FTS5's unicode61 tokenizer sees them (letters, numbers, private use). */
const WORD = /[\p{L}\p{N}\p{Co}]/u
const NON_WORD_RUN = /[^\p{L}\p{N}\p{Co}]+/u
const MAX_TERMS = 12

export interface SearchTerms {
  /** Each word as typed, NFC and lower case. */
  exact: string[]
  /** The same words folded (no diacritics, đ→d), position for position. */
  folded: string[]
}

/** The words of a query, or null when it has none (only spaces or punctuation). */
export function searchTerms(query: string): SearchTerms | null {
  const exact = [...new Set(nfc(query).toLowerCase().split(NON_WORD_RUN).filter((w) => w.length > 0))].slice(0, MAX_TERMS)
  if (exact.length === 0) return null
  return { exact, folded: exact.map(fold) }
}

/**
 * `{col1 col2} : ("w1"* AND "w2"*)`, or with `phrase` `("w1"* + "w2"*)` (the words next to each
 * other, in order): every word a quoted prefix token, so quotes, stars, parentheses, minus signs
 * or NEAR typed by the user are plain text to FTS5, never operators.
 */
export function ftsExpression(columns: readonly string[], words: readonly string[], phrase = false): string {
  const tokens = words.map((w) => `"${w.replace(/"/g, '""')}"*`)
  return `{${columns.join(' ')}} : (${tokens.join(phrase ? ' + ' : ' AND ')})`
}

export interface Span {
  start: number
  end: number
}

/** Occurrences of one query word as a word prefix in `text`, each widened to the whole word. */
function occurrencesOf(text: string, folded: string, map: number[], word: string, exactWord: string | null): Span[] {
  const spans: Span[] = []
  for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
    if (at > 0 && WORD.test(folded[at - 1]!)) continue
    let wordEnd = at + word.length
    while (wordEnd < folded.length && WORD.test(folded[wordEnd]!)) wordEnd++
    const start = map[at]!
    const last = map[wordEnd - 1]!
    const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1)
    if (exactWord !== null && text.slice(start, start + exactWord.length).toLowerCase() !== exactWord) continue
    spans.push({ start, end })
  }
  return spans
}

/**
 * Every occurrence of every query word in `text` (offsets into it, document order). With
 * `preferExact`, occurrences typed with the query's diacritics are used for the words that have them.
 */
export function findTerms(text: string, terms: SearchTerms, preferExact: boolean): Span[][] {
  const { folded, map } = foldWithMap(text)
  return terms.folded.map((word, i) => {
    const loose = occurrencesOf(text, folded, map, word, null)
    if (!preferExact) return loose
    const exact = occurrencesOf(text, folded, map, word, terms.exact[i]!)
    return exact.length > 0 ? exact : loose
  })
}

/**
 * Where the query matched: the first place where its words follow each other in order (only
 * spaces or punctuation between), else the first occurrence of its first word found, else null.
 */
export function matchSpan(text: string, occurrences: Span[][]): Span | null {
  const [first, ...rest] = occurrences
  for (const start of first ?? []) {
    let end = start.end
    let chained = true
    for (const next of rest) {
      const follower = next.find((o) => o.start >= end && o.start - end <= 3 && !WORD.test(text.slice(end, o.start)))
      if (!follower) {
        chained = false
        break
      }
      end = follower.end
    }
    if (chained) return { start: start.start, end }
  }
  const firstFound = occurrences.find((o) => o.length > 0)
  return firstFound ? firstFound[0]! : null
}

export interface Snippet {
  snippet: string
  marks: Span[]
}

const BEFORE = 60
const LENGTH = 180

/** A passage of `text` around `focus`, cut at spaces, with the query words inside it marked. */
export function makeSnippet(text: string, focus: Span | null, occurrences: Span[][]): Snippet {
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
  const marks = occurrences
    .flat()
    .filter((o) => o.start >= from && o.end <= to)
    .sort((a, b) => a.start - b.start)
    .filter((o, i, all) => i === 0 || o.start >= all[i - 1]!.end)
    .map((o) => ({ start: o.start - from + lead.length, end: o.end - from + lead.length }))
  return { snippet, marks }
}
