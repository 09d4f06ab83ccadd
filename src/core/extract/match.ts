// Word-boundary matching of lexicon phrases on the lower-case match form, at exact offsets.

// Letter-or-digit per UTF-16 code unit below U+2000 (all of Vietnamese), looked up rather than
// matched: this test runs for every character of a long report.
const WORD = new Uint8Array(0x2000)
for (let c = 0; c < WORD.length; c++) WORD[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const c = ch.charCodeAt(0)
  return c < 0x2000 ? WORD[c] === 1 : /[\p{L}\p{N}]/u.test(ch)
}

export interface PhraseSet {
  /** The longest phrase of the set starting at `pos`, or null. */
  at(lower: string, pos: number): string | null
}

/** Phrases grouped by first character, longest first, for a quick lookup at any offset. */
export function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, string[]>()
  for (const p of [...new Set(phrases)].sort((a, b) => b.length - a.length)) {
    const list = byFirst.get(p[0]!) ?? []
    list.push(p)
    byFirst.set(p[0]!, list)
  }
  return {
    at(lower, pos) {
      if (isWordChar(lower[pos - 1])) return null
      for (const p of byFirst.get(lower[pos]!) ?? []) {
        if (lower.startsWith(p, pos) && !isWordChar(lower[pos + p.length])) return p
      }
      return null
    },
  }
}

/** Start offsets of the words in [from, to). */
export function wordStarts(lower: string, from: number, to: number): number[] {
  const starts: number[] = []
  for (let i = from; i < to; i++) if (isWordChar(lower[i]) && !isWordChar(lower[i - 1])) starts.push(i)
  return starts
}

/** Offset of the next word start at or after `pos` (or `to`). */
export function nextWord(lower: string, pos: number, to: number): number {
  while (pos < to && !isWordChar(lower[pos])) pos++
  return pos
}

/** Whether any phrase of the set occurs in [from, to). */
export function containsAny(set: PhraseSet, lower: string, from: number, to: number): boolean {
  for (const w of wordStarts(lower, from, to)) if (set.at(lower, w)) return true
  return false
}

/** Words holding a letter or digit: "2021-2030" is one, a lone "-" none. */
export function countWords(s: string): number {
  let n = 0
  let inToken = false
  let counted = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160
    if (space) {
      inToken = false
      continue
    }
    if (!inToken) {
      inToken = true
      counted = false
    }
    if (!counted && isWordChar(s[i])) {
      n++
      counted = true
    }
  }
  return n
}

/**
 * A word-bounded alternation that is cheap on text that holds none of the words: a plain
 * search first, the boundary check only where one of them occurs.
 */
export function wordsMatcher(words: readonly string[]): { test(s: string): boolean; exec(s: string): RegExpExecArray | null } {
  const alternation = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  const quick = new RegExp(`(?:${alternation})`, 'u')
  const exact = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'u')
  return {
    test: (s) => quick.test(s) && exact.test(s),
    exec: (s) => (quick.test(s) ? exact.exec(s) : null),
  }
}
