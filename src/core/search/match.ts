// Finding a query again in one item's original text, once the index has said it matches: which
// words matched (whole or as a prefix, with what diacritics), how well the typed diacritics agree,
// and the smallest passage holding every word, for ranking, offsets and the marked snippet.
import { foldWithMap } from '../fold-map'
import type { QueryWord, Variant, WordGroup } from './query'

const WORD_RUN = /[\p{L}\p{N}\p{Co}]+/gu
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

interface Token extends Span {
  folded: string
  /** The word as written, lower case (NFC). */
  lower: string
}

/** The words of `text` with their offsets in it, folded and as written. */
export function wordTokens(text: string): Token[] {
  const { folded, map } = foldWithMap(text)
  const tokens: Token[] = []
  for (const m of folded.matchAll(WORD_RUN)) {
    const from = m.index
    const to = from + m[0].length
    const start = map[from]!
    const last = map[to - 1]!
    const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1)
    tokens.push({ start, end, folded: m[0], lower: text.slice(start, end).toLowerCase() })
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
  const tokens = wordTokens(text)
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
