// Administrative wording that means the same thing (sáp nhập ~ gom ~ dồn ghép điểm trường,
// xăng dầu ~ nhiên liệu, QHSDĐ ~ quy hoạch sử dụng đất): the format of data/search-synonyms.json
// and how a query is widened with it. Readings reached through a synonym rank below the words typed.
import { z } from 'zod'
import { fold, nfc } from '../text'
import type { QueryWord, Variant } from './query'

const MAX_VARIANTS = 12

/** A term: words of letters and digits separated by single spaces, NFC, as written in documents. */
const Term = z
  .string()
  .min(2)
  .max(60)
  .refine((t) => t === nfc(t), 'a term must be NFC')
  .refine((t) => /^[\p{L}\p{N}]+( [\p{L}\p{N}]+){0,5}$/u.test(t), 'a term is 1–6 words of letters or digits separated by single spaces')

export const SynonymsFile = z
  .object({
    groups: z
      .array(
        z.object({
          /** Terms that mean the same in a report; the first is the usual wording. */
          terms: z.array(Term).min(2).max(8),
          /** Why they are synonyms, for the reviewer of the list. */
          note: z.string().max(200).optional(),
        }),
      )
      .min(1)
      .max(60),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>()
    file.groups.forEach((group, g) => {
      for (const term of group.terms) {
        const key = fold(term)
        const before = seen.get(key)
        if (before !== undefined) ctx.addIssue({ code: 'custom', path: ['groups', g], message: `"${term}" is already listed (group ${before + 1})` })
        seen.set(key, g)
      }
    })
  })
export type SynonymsFile = z.infer<typeof SynonymsFile>

interface Member {
  group: number
  /** The term's words, NFC lower case. */
  exact: string[]
  folded: string[]
}

export interface SynonymIndex {
  members: Member[]
  byGroup: Member[][]
}

export function synonymIndex(file: SynonymsFile): SynonymIndex {
  const byGroup = file.groups.map((group, g) =>
    group.terms.map((term) => {
      const exact = nfc(term).toLowerCase().split(' ')
      return { group: g, exact, folded: exact.map(fold) }
    }),
  )
  return { members: byGroup.flat(), byGroup }
}

/**
 * Each reading of the query with one of its synonym terms (typed as whole words, diacritics aside)
 * replaced by another term of the same group, which must then occur as a phrase.
 */
export function expandSynonyms(words: readonly QueryWord[], index: SynonymIndex): Variant[] {
  const variants: Variant[] = []
  const seen = new Set<string>()
  for (const member of index.members) {
    const n = member.folded.length
    for (let at = 0; at + n <= words.length; at++) {
      if (!member.folded.every((w, k) => words[at + k]!.folded === w)) continue
      for (const other of index.byGroup[member.group]!) {
        if (other === member) continue
        const phrase: QueryWord[] = other.exact.map((exact, k) => ({ exact, folded: other.folded[k]!, marked: false, prefix: false }))
        const groups = [...words.slice(0, at).map((w) => [w]), phrase, ...words.slice(at + n).map((w) => [w])]
        const key = groups.map((g) => g.map((w) => w.folded).join(' ')).join('|')
        if (seen.has(key) || variants.length >= MAX_VARIANTS) continue
        seen.add(key)
        variants.push({ groups, synonym: true })
      }
    }
  }
  return variants
}
