// Which annotations the list shows: every filter must match; the text filter looks at the
// quote, the note and the tags, ignoring case and Vietnamese diacritics.
import type { AnnotationView, AnnotationColour, AnnotationKind } from '../../core/annotation-domain'
import { fold } from '../../core/text'

export interface AnnotationFilter {
  colour: AnnotationColour | null
  kind: AnnotationKind | null
  tag: string | null
  proposalId: number | null
  text: string
}

export const NO_FILTER: AnnotationFilter = { colour: null, kind: null, tag: null, proposalId: null, text: '' }

export function filterAnnotations(items: readonly AnnotationView[], f: AnnotationFilter): AnnotationView[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean)
  return items.filter(
    (a) =>
      (f.colour === null || a.colour === f.colour) &&
      (f.kind === null || a.kind === f.kind) &&
      (f.tag === null || a.tags.includes(f.tag)) &&
      (f.proposalId === null || a.proposalIds.includes(f.proposalId)) &&
      (words.length === 0 || words.every((w) => fold([a.exact, a.body, ...a.tags].join(' ')).includes(w))),
  )
}

/** Every tag in use, sorted the Vietnamese way. */
export function allTags(items: readonly AnnotationView[]): string[] {
  return [...new Set(items.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b, 'vi'))
}
