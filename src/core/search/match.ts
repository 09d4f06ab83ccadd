// Finding a query again in one item's original text, once the index has said it matches: which
// words matched (whole or as a prefix, with what diacritics), how well the typed diacritics agree,
// and the smallest passage holding every word, for ranking, offsets and the marked snippet.
import { fold } from '../text'
import type { QueryWord, Variant, WordGroup } from './query'

/** Word characters as FTS5's unicode61 tokenizer sees them (letters, numbers, private use), with their marks. */
const WORD_CHAR = /[\p{L}\p{N}\p{Co}\p{M}]/u
const FOLD_CACHE_SIZE = 50_000
/** A window longer than this is not shown as one passage: the first word found stands for it. */
const MAX_FOCUS = 160
/** BM25's term-frequency saturation and length normalisation, with a typical paragraph length in words. */
const K1 = 1.2
const B = 0.75
const TYPICAL_WORDS = 50

export interface Span {
  start: number
  end: number
}

export interface Token extends Span {
  folded: string
  /** The word as written, lower case (NFC). */
  lower: string
}

/** Folded words seen before: a report repeats a few thousand syllables, so folding is mostly a lookup. */
const folds = new Map<string, string>()

function foldWord(lower: string): string {
  let folded = folds.get(lower)
  if (folded === undefined) {
    folded = fold(lower)
    if (folds.size >= FOLD_CACHE_SIZE) folds.clear()
    folds.set(lower, folded)
  }
  return folded
}

/**
 * WORD_CHAR for every UTF-16 unit, looked up rather than matched. Surrogates count as word units:
 * letters beyond the Basic Multilingual Plane stay whole (symbols there never match a query word).
 */
const WORD_UNITS = new Uint8Array(0x10000)
for (let c = 0; c < 0x10000; c++) WORD_UNITS[c] = (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0

/** The words of `text` (NFC) with their offsets in it, folded and as written. */
export function wordTokens(text: string): Token[] {
  const lowered = text.toLowerCase()
  const sameLength = lowered.length === text.length
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && WORD_UNITS[text.charCodeAt(i)] === 0) i++
    const start = i
    while (i < n && WORD_UNITS[text.charCodeAt(i)] === 1) i++
    if (i === start) continue
    const lower = sameLength ? lowered.slice(start, i) : text.slice(start, i).toLowerCase()
    const folded = foldWord(lower)
    if (folded.length > 0) tokens.push({ start, end: i, folded, lower })
  }
  return tokens
}

/** Share of the typed letters written with the same diacritics in `found` (which folds alike). */
export function markAgreement(typed: string, found: string): number {
  const a = Array.from(typed)
  const b = Array.from(found)
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return a.length === 0 ? 1 : same / a.length
}

interface Occurrence extends Span {
  group: number
  whole: boolean
  /** Per word of the group typed with diacritics: its agreement here. */
  agreements: number[]
  exact: boolean
}

function occurrencesOf(tokens: Token[], group: WordGroup, index: number): Occurrence[] {
  const found: Occurrence[] = []
  for (let i = 0; i + group.length <= tokens.length; i++) {
    let whole = true
    let exact = true
    const agreements: number[] = []
    let ok = true
    for (let k = 0; k < group.length && ok; k++) {
      const w = group[k]!
      const t = tokens[i + k]!
      if (t.folded === w.folded) {
        exact &&= t.lower === w.exact
      } else if (w.prefix && t.folded.startsWith(w.folded)) {
        whole = false
        exact &&= t.lower.startsWith(w.exact)
      } else ok = false
      if (ok && w.marked) agreements.push(markAgreement(w.exact, t.lower))
    }
    if (ok) found.push({ start: tokens[i]!.start, end: tokens[i + group.length - 1]!.end, group: index, whole, agreements, exact })
  }
  return found
}

export interface TextMatch {
  /** Groups of the reading that occur in the text. */
  found: number
  groups: number
  /** Every word occurs with exactly the diacritics typed (case aside). */
  exact: boolean
  /** Mean, over the words typed with diacritics, of their best agreement; 1 when none was typed with any. */
  agreement: number
  /** Share of the groups found as whole words. */
  whole: number
  /**
   * BM25's weight without its IDF factor: every candidate of a tier holds every word, so IDF
   * would scale them alike. More occurrences in a shorter text weigh more.
   */
  weight: number
  /** The smallest passage holding one occurrence of every group found (or the first one found). */
  focus: Span | null
  /** The matched words to emphasise (with the typed diacritics where the text has them so). */
  marks: Span[]
}

/** How `variant` occurs in `text`. */
export function matchText(text: string, variant: Variant): TextMatch {
  return matchTokens(wordTokens(text), variant)
}

/** The tokens of several texts read as one, joined by a line break (as the index joins an item's fields). */
export function joinTokens(parts: readonly { text: string; tokens: Token[] }[]): Token[] {
  const joined: Token[] = []
  let offset = 0
  for (const { text, tokens } of parts) {
    for (const t of tokens) joined.push(offset === 0 ? t : { ...t, start: t.start + offset, end: t.end + offset })
    offset += text.length + 1
  }
  return joined
}

/** How `variant` occurs in a text already cut into `tokens` (offsets are the tokens'). */
export function matchTokens(tokens: Token[], variant: Variant): TextMatch {
  const perGroup = variant.groups.map((g, i) => occurrencesOf(tokens, g, i))
  const present = perGroup.filter((o) => o.length > 0)
  const markedWords = variant.groups.flat().filter((w: QueryWord) => w.marked).length
  let agreementSum = 0
  for (const occurrences of perGroup) {
    const best = occurrences.reduce<number[]>((acc, o) => o.agreements.map((a, k) => Math.max(a, acc[k] ?? 0)), [])
    agreementSum += best.reduce((s, a) => s + a, 0)
  }
  const marks = perGroup.flatMap((occurrences) => {
    const exact = occurrences.filter((o) => o.exact)
    return exact.length > 0 ? exact : occurrences
  })
  return {
    found: present.length,
    groups: variant.groups.length,
    exact: !variant.synonym && present.length === variant.groups.length && perGroup.every((o) => o.some((x) => x.exact)),
    agreement: markedWords === 0 ? 1 : agreementSum / markedWords,
    whole: variant.groups.length === 0 ? 1 : perGroup.filter((o) => o.some((x) => x.whole)).length / variant.groups.length,
    weight: perGroup.reduce((sum, o) => sum + o.length / (o.length + K1 * (1 - B + (B * tokens.length) / TYPICAL_WORDS)), 0),
    focus: smallestWindow(perGroup),
    marks: marks.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start),
  }
}

/** The shortest stretch of text holding one occurrence of each group that occurs at all. */
function smallestWindow(perGroup: Occurrence[][]): Span | null {
  const all = perGroup.flat().sort((a, b) => a.start - b.start)
  if (all.length === 0) return null
  const need = perGroup.filter((o) => o.length > 0).length
  const count = new Map<number, number>()
  let best: Span | null = null
  let left = 0
  for (let right = 0; right < all.length; right++) {
    const o = all[right]!
    count.set(o.group, (count.get(o.group) ?? 0) + 1)
    while (count.size === need) {
      const first = all[left]!
      let end = first.end
      for (let k = left; k <= right; k++) end = Math.max(end, all[k]!.end)
      if (!best || end - first.start < best.end - best.start) best = { start: first.start, end }
      const c = count.get(first.group)! - 1
      if (c === 0) count.delete(first.group)
      else count.set(first.group, c)
      left++
    }
  }
  if (best && best.end - best.start > MAX_FOCUS) {
    const first = all.find((o) => o.start >= best!.start)!
    return { start: first.start, end: first.end }
  }
  return best
}
