// Annotations on a report's text, as zod schemas: the same definitions check RPC arguments,
// stored rows on their way out, and the values rebuilt from an imported W3C file.
import { z } from 'zod'
import { Id, vnText } from './domain'
import { nfc } from './text'
import { ANNOTATION_COLOURS, ANNOTATION_KINDS, DEFAULT_COLOUR_BY_KIND } from './vocabulary'

// The lists live in a zod-free module (the renderer imports them without zod).
export { ANNOTATION_COLOURS, ANNOTATION_KINDS, DEFAULT_COLOUR_BY_KIND }

export const AnnotationKind = z.enum(ANNOTATION_KINDS)
export type AnnotationKind = z.infer<typeof AnnotationKind>

export const AnnotationColour = z.enum(ANNOTATION_COLOURS)
export type AnnotationColour = z.infer<typeof AnnotationColour>

export const AnnotationStatus = z.enum(['placed', 'unplaced'])
export type AnnotationStatus = z.infer<typeof AnnotationStatus>

/** Annotation ids are UUIDs (lower case), so they survive W3C export and import unchanged. */
export const AnnotationId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a lower-case UUID')

export const MAX_TAGS = 20
export const MAX_NOTE_LENGTH = 20_000
/** One tag: trimmed, inner white space collapsed, NFC. */
export const AnnotationTag = z
  .string()
  .transform((t) => nfc(t.replace(/\s+/gu, ' ').trim()))
  .pipe(z.string().min(1, 'a tag must not be empty').max(64))
/** Tags as given, repeated ones dropped (first spelling kept). */
export const AnnotationTags = z
  .array(AnnotationTag)
  .max(MAX_TAGS)
  .transform((tags) => [...new Set(tags)])

/**
 * A revision changed an annotation's text substantially: the quote it had and the text now
 * standing where the rest of it went ([start, end) of the current text), for a person to confirm,
 * re-attach or delete. The annotation is unplaced meanwhile.
 */
export const AnnotationReview = z.object({
  oldQuote: z.string(),
  newQuote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type AnnotationReview = z.infer<typeof AnnotationReview>

export const Annotation = z.object({
  id: AnnotationId,
  reportId: Id,
  kind: AnnotationKind,
  colour: AnnotationColour,
  /** The note text; '' for a bare highlight. */
  body: z.string(),
  tags: z.array(z.string()),
  author: z.string(),
  includeInMinutes: z.boolean(),
  /** Live proposals this annotation is linked to, ascending. */
  proposalIds: z.array(Id),
  /** Current offsets in the report's NFC text; null while the annotation is unplaced. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  /** TextQuoteSelector: the quoted text and a little of the text just before and after it. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  status: AnnotationStatus,
  /** Present while the annotation waits for review after a revision. */
  review: AnnotationReview.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Grows by one on every write; send it back as `expectedVersion` to refuse stale edits. */
  version: z.number().int().positive(),
})
export type Annotation = z.infer<typeof Annotation>

/**
 * An annotation as the workbench lists it: without the quote's context and the timestamps,
 * which the view never shows (and which made a 5,000-annotation list a third heavier to send
 * and read). The full record goes out in the W3C and Markdown exports.
 */
export const AnnotationView = Annotation.omit({ reportId: true, prefix: true, suffix: true, createdAt: true, updatedAt: true })
export type AnnotationView = z.infer<typeof AnnotationView>

export function toAnnotationView({ reportId: _r, prefix: _p, suffix: _s, createdAt: _c, updatedAt: _u, ...view }: Annotation): AnnotationView {
  return view
}

/** Fields a user edits on an annotation; links go through annotations.link/unlink. */
export const AnnotationPatch = z
  .strictObject({
    kind: AnnotationKind,
    colour: AnnotationColour,
    body: vnText(MAX_NOTE_LENGTH),
    tags: AnnotationTags,
    includeInMinutes: z.boolean(),
  })
  .partial()
export type AnnotationPatch = z.infer<typeof AnnotationPatch>

/** A character range of the report text chosen by the user. */
export const TextRange = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((r) => r.end > r.start, { message: 'end must be after start', path: ['end'] })
