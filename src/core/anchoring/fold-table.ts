// fold() one character at a time from a table: comparing words and fingerprinting passages of a
// 600,000-character report with NFD normalisation and regular expressions costs seconds.
import { fold } from '../text'

/** Characters below this (Latin, Vietnamese, punctuation) are tabulated; rarer ones computed. */
const TABLE_SIZE = 0x3000
const WORD_LIKE = /[\p{L}\p{N}\p{M}]/u

let folded: Uint16Array | null = null
let wordLike: Uint8Array | null = null

function compute(code: number): [number, boolean] {
  const ch = String.fromCharCode(code)
  const f = fold(ch)
  return [f.length === 1 ? f.charCodeAt(0) : f.length === 0 ? 0 : code, WORD_LIKE.test(ch)]
}

function tables(): [Uint16Array, Uint8Array] {
  if (!folded || !wordLike) {
    folded = new Uint16Array(TABLE_SIZE)
    wordLike = new Uint8Array(TABLE_SIZE)
    for (let c = 0; c < TABLE_SIZE; c++) {
      const [f, w] = compute(c)
      folded[c] = f
      wordLike[c] = w ? 1 : 0
    }
  }
  return [folded, wordLike]
}

/** Folded form and word-likeness of every code unit below `limit`, for loops over a whole text. */
export function foldTables(): { folded: Uint16Array; wordLike: Uint8Array; limit: number } {
  const [f, w] = tables()
  return { folded: f, wordLike: w, limit: TABLE_SIZE }
}

/** The folded form of one UTF-16 code unit (0 for a combining mark, which folding drops). */
export function foldCode(code: number): number {
  return code < TABLE_SIZE ? tables()[0][code]! : compute(code)[0]
}

/** Letters, digits and combining marks make up words. */
export function isWordCode(code: number): boolean {
  return code < TABLE_SIZE ? tables()[1][code] === 1 : compute(code)[1]
}

/** Whether two strings fold to the same text (case and diacritics aside). */
export function sameFolded(a: string, b: string): boolean {
  let i = 0
  let j = 0
  for (;;) {
    let x = 0
    while (i < a.length && (x = foldCode(a.charCodeAt(i++))) === 0);
    let y = 0
    while (j < b.length && (y = foldCode(b.charCodeAt(j++))) === 0);
    if (x !== y) return false
    if (x === 0) return true
  }
}

/** Word hashes of the passage being fingerprinted, reused from one passage to the next. */
let scratch = new Uint32Array(1024)

/** Sorted hashes of a passage's folded words: a cheap fingerprint for word overlap. */
export function wordFingerprint(text: string): Uint32Array {
  const [foldTable, wordTable] = tables()
  let count = 0
  let h = 0x811c9dc5
  let inWord = false
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    if (code < TABLE_SIZE ? wordTable[code] === 1 : compute(code)[1]) {
      const f = code < TABLE_SIZE ? foldTable[code]! : compute(code)[0]
      if (f !== 0) h = Math.imul(h ^ f, 0x01000193)
      inWord = true
    } else if (inWord) {
      if (count === scratch.length) {
        const grown = new Uint32Array(count * 2)
        grown.set(scratch)
        scratch = grown
      }
      scratch[count++] = h >>> 0
      h = 0x811c9dc5
      inWord = false
    }
  }
  return scratch.slice(0, count).sort()
}

/** Words two fingerprints (sorted word-hash multisets) share. */
export function sharedWords(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared
}
