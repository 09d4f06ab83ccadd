// Guesses which sector a passage belongs to from the taxonomy's keywords, compared in folded
// form so "hoá"/"hóa" and missing diacritics still match.
import type { Sector } from './domain'
import { fold } from './text'

/** Folded words without punctuation: "Kinh tế - xã hội" → ["kinh", "te", "xa", "hoi"]. */
function foldedWords(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

export interface SectorIndex {
  guess(passage: string): { code: string; score: number }
}

/** Code used when nothing matches: "general" when the taxonomy has it, else the first sector. */
function fallbackCode(sectors: Sector[]): string {
  return sectors.find((s) => s.code === 'general')?.code ?? sectors[0]?.code ?? ''
}

export function buildSectorIndex(sectors: Sector[]): SectorIndex {
  // keyword (folded words joined by one space) → sectors using it
  const keywords = new Map<string, Set<string>>()
  // Every word prefix of a keyword, so the n-gram walk stops as soon as nothing can match.
  const prefixes = new Set<string>()
  for (const s of sectors) {
    // A named lead body ("Sở Tài chính") settles the sector as well as any keyword.
    for (const k of [...(s.keywords ?? []), s.leadBodyVi]) {
      const words = foldedWords(k)
      if (words.length === 0) continue
      for (let n = 1; n <= words.length; n++) prefixes.add(words.slice(0, n).join(' '))
      const key = words.join(' ')
      if (!keywords.has(key)) keywords.set(key, new Set())
      keywords.get(key)!.add(s.code)
    }
  }
  const fallback = fallbackCode(sectors)
  const order = sectors.map((s) => s.code)

  return {
    guess(passage: string) {
      const words = foldedWords(passage)
      const scores = new Map<string, number>()
      const seen = new Set<string>()
      for (let i = 0; i < words.length; i++) {
        let key = ''
        for (let n = 1; i + n <= words.length; n++) {
          key = n === 1 ? words[i]! : `${key} ${words[i + n - 1]}`
          if (!prefixes.has(key)) break
          const codes = keywords.get(key)
          if (!codes || seen.has(key)) continue
          seen.add(key)
          // Longer keywords are more specific, so each counts by its number of words.
          for (const code of codes) scores.set(code, (scores.get(code) ?? 0) + n)
        }
      }
      let best = { code: fallback, score: 0 }
      for (const code of order) {
        const score = scores.get(code) ?? 0
        if (score > best.score) best = { code, score }
      }
      return best
    },
  }
}
