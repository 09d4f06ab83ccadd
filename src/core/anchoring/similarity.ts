// Small string measures the re-anchoring engine decides with: edit distances, typos, context
// agreement and word-boundary snapping. Kept apart so each rule is testable alone.
import { foldCode, sameFolded } from './fold-table'

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch)
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev = new Uint32Array(b.length + 1)
  let cur = new Uint32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1)
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]!
}

/** Edit distance counting a swap of two neighbouring characters as one edit (a typical typo). */
export function typoDistance(a: string, b: string): number {
  const n = a.length
  const m = b.length
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => [i, ...new Array<number>(m).fill(0)])
  for (let j = 0; j <= m; j++) d[0]![j] = j
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[n]![m]!
}

/**
 * Whether `b` is `a` with a slip of the keyboard: the same letters with other diacritics or case,
 * or (for words of four letters or more) one character inserted, dropped, changed or swapped.
 * Anything further apart is another word, and a span made of other words is not the same text.
 */
export function isTypoVariant(a: string, b: string): boolean {
  if (a === b) return true
  if (sameFolded(a, b)) return true
  if (Math.max(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false
  return typoDistance(a, b) <= 1
}

/** Similarity 0–1 of two strings from their edit distance. */
export function stringSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  return 1 - editDistance(a, b) / longest
}

/**
 * How well the text around a candidate agrees with the stored prefix and suffix (0–1), weighted
 * by their lengths. An empty prefix means the quote began the text: only the start agrees with it.
 */
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = text.slice(Math.max(0, start - prefix.length), start)
  const after = text.slice(end, end + suffix.length)
  const p = prefix.length === 0 ? (start === 0 ? 1 : 0.5) : stringSimilarity(prefix, before)
  const s = suffix.length === 0 ? (end === text.length ? 1 : 0.5) : stringSimilarity(suffix, after)
  const wp = Math.max(prefix.length, 4)
  const ws = Math.max(suffix.length, 4)
  return (p * wp + s * ws) / (wp + ws)
}

/** One side of the context agreeing this well, less this much, stands for the whole. */
const ONE_SIDE_DISCOUNT = 0.15

/**
 * Context agreement that survives an edit on one side: a sentence deleted or moved just before a
 * quote changes its whole prefix, while its suffix still says where it is. The mean of both sides,
 * or the better side less a discount, whichever is higher.
 */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = prefix.length === 0 ? (start === 0 ? 1 : 0.5) : stringSimilarity(prefix, text.slice(Math.max(0, start - prefix.length), start))
  const after = suffix.length === 0 ? (end === text.length ? 1 : 0.5) : stringSimilarity(suffix, text.slice(end, end + suffix.length))
  const wp = Math.max(prefix.length, 4)
  const ws = Math.max(suffix.length, 4)
  const mean = (before * wp + after * ws) / (wp + ws)
  const oneSide = Math.max(prefix.length === 0 ? 0 : before, suffix.length === 0 ? 0 : after) - ONE_SIDE_DISCOUNT
  return Math.max(mean, oneSide)
}

/** Narrows [start, end) so it neither begins nor ends with white space. */
export function trimSpaces(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start]!)) start++
  while (end > start && /\s/u.test(text[end - 1]!)) end--
  return [start, end]
}

/**
 * Moves the edges of a span found inexactly onto word boundaries: a start inside a word goes to that
 * word's start, an end inside a word to that word's end (a replaced word at the edge is the usual case).
 */
export function snapToWords(text: string, start: number, end: number, snapStart: boolean, snapEnd: boolean): [number, number] {
  if (snapStart) while (start > 0 && isWordChar(text[start - 1]) && isWordChar(text[start])) start--
  if (snapEnd) while (end < text.length && isWordChar(text[end]) && isWordChar(text[end - 1])) end++
  return [start, end]
}

/** Whether the span of `text` starts / ends on a word boundary (what snapping should restore). */
export function wordEdges(text: string, start: number, end: number): { startsWord: boolean; endsWord: boolean } {
  return {
    startsWord: isWordChar(text[start]) && !isWordChar(text[start - 1]),
    endsWord: isWordChar(text[end - 1]) && !isWordChar(text[end]),
  }
}

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu

/**
 * Share of `a`'s characters still in `b`, word by word: a word kept or only mistyped (another
 * tone mark, a slip of the keyboard) is still there; a word replaced by another is not. This is
 * the measure by which a span has "substantially changed", not the raw edit distance, which
 * counts a swapped pair of letters in a short word as half the word gone. Spaces and punctuation
 * count as kept.
 */
export function keptShare(a: string, b: string): number {
  if (a === b) return 1
  if (a.length === 0) return 0
  const wa = a.match(WORD_RUN) ?? []
  const wb = b.match(WORD_RUN) ?? []
  const fa = wa.map(foldedKey)
  const fb = wb.map(foldedKey)
  const letters = wa.reduce((sum, w) => sum + w.length, 0)
  const n = wa.length
  const m = wb.length
  // Longest common subsequence of words equal but for case and diacritics…
  const width = m + 1
  const best = new Uint32Array((n + 1) * width)
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diag = fa[i - 1] === fb[j - 1] ? best[(i - 1) * width + j - 1]! + 1 : 0
      best[i * width + j] = Math.max(diag, best[(i - 1) * width + j]!, best[i * width + j - 1]!)
    }
  }
  // …and, in the gaps between them, words paired in order that are slips of the keyboard.
  let keptLetters = 0
  let i = n
  let j = m
  let gapA = 0
  let gapB = 0
  const closeGap = () => {
    for (let k = 0; k < Math.min(gapA, gapB); k++) if (isTypoVariant(wa[i + k]!, wb[j + k]!)) keptLetters += wa[i + k]!.length
    gapA = 0
    gapB = 0
  }
  while (i > 0 && j > 0) {
    if (fa[i - 1] === fb[j - 1] && best[i * width + j] === best[(i - 1) * width + j - 1]! + 1) {
      closeGap()
      keptLetters += wa[i - 1]!.length
      i--
      j--
    } else if (best[(i - 1) * width + j]! >= best[i * width + j - 1]!) {
      i--
      gapA++
    } else {
      j--
      gapB++
    }
  }
  gapA += i
  gapB += j
  i = 0
  j = 0
  closeGap()
  // Spaces and punctuation between words stay where they were.
  return (keptLetters + a.length - letters) / a.length
}

function foldedKey(word: string): string {
  let out = ''
  for (let k = 0; k < word.length; k++) {
    const f = foldCode(word.charCodeAt(k))
    if (f !== 0) out += String.fromCharCode(f)
  }
  return out
}
