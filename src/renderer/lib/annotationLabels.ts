// Display order and swatch colours of annotation kinds and colours, shared by the editor,
// the list and its filters.
import { ANNOTATION_COLOURS } from '../../core/vocabulary'
import type { AnnotationColour, AnnotationKind } from '../../core/annotation-domain'

export const KIND_ORDER: readonly AnnotationKind[] = ['note', 'question', 'concern', 'decision', 'highlight']
export const COLOURS = ANNOTATION_COLOURS

export const SWATCH: Readonly<Record<AnnotationColour, string>> = {
  yellow: '#f5c400',
  green: '#34b35a',
  blue: '#2f80ed',
  pink: '#e8457f',
  purple: '#8a55d8',
}

/** "a, b,, c " → ['a', 'b', 'c'] */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
}
