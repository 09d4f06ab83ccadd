// Contract methods — Full-text search over report text, annotations and proposals, insensitive
// to case and Vietnamese diacritics, ranked (phrase and proximity, whole words, typed diacritics, bm25).
import { z } from 'zod'
import { AnnotationId } from '../annotation-domain'
import { Id, vnText } from '../domain'
import { method } from './define'

const Offset = z.number().int().nonnegative()

const ResultBase = z.object({
  reportId: Id,
  /** What was found: the report's title, the proposal's title, or the annotation's quote (shortened). */
  title: z.string(),
  /** A short passage of the original text around the match. */
  snippet: z.string(),
  /** Where the query's words are in `snippet` (offsets into it), to emphasise them. */
  marks: z.array(z.object({ start: Offset, end: Offset })),
  /** Every query word occurs with exactly the diacritics typed (case aside). */
  exactDiacritics: z.boolean(),
  /** 1 for the best result. */
  rank: z.number().int().positive(),
})

export const SearchResult = z.discriminatedUnion('kind', [
  ResultBase.extend({
    kind: z.literal('report'),
    /** The report's id (same as reportId). */
    id: Id,
    /** The matched words in the report's NFC text. */
    start: Offset,
    end: Offset,
  }),
  ResultBase.extend({
    kind: z.literal('annotation'),
    id: AnnotationId,
    /** The annotation's anchor in the report text; null while it is unplaced. */
    start: Offset.nullable(),
    end: Offset.nullable(),
  }),
  ResultBase.extend({
    kind: z.literal('proposal'),
    id: Id,
    /** The proposal's source anchor in the report text; null when it has none. */
    start: Offset.nullable(),
    end: Offset.nullable(),
  }),
])
export type SearchResult = z.infer<typeof SearchResult>

export const searchMethods = {
  'search.query': method(
    'Searches report text, annotations (note, quote, tags) and proposals (title, detail, notes) for every word ' +
      'of `q`, ignoring case and diacritics ("xang dau" finds "xăng dầu"): words match whole, the last one also as the ' +
      'start of a longer word while it is being typed (no trailing space). Order: the words side by side in order, then ' +
      'near each other, then anywhere, then readings through the synonym list (data/search-synonyms.json: "sap nhap" ' +
      'also finds "gom", "dồn ghép"); within each, a whole last word before a prefix and the typed diacritics before ' +
      'words that only fold alike; then proposals, annotations, report passages; then how many typed diacritics agree ' +
      'and a BM25-style weight (occurrences against length). Limited to one report ' +
      'when reportId is given; `limit` results at most (20 by default).',
    z.object({
      reportId: Id.optional(),
      q: vnText(500),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    z.array(SearchResult),
  ),
} as const
