// What the workbench accepts from a W3C Web Annotation file, as zod schemas: lenient where other
// tools differ (one value or an array, extra properties, other selector and body types), strict on
// what we rely on (an id, an Annotation type, a target with the quoted text). Values are dispatched
// on their JSON type instead of tried against unions, so every error names its exact path.
import { z } from 'zod'
import { ANNOTATION_COLOURS, ANNOTATION_KINDS, MAX_NOTE_LENGTH } from '../annotation-domain'
import { ANNO_CONTEXT, COLOUR_PROPERTY, KIND_PROPERTY, MINUTES_PROPERTY } from './vocabulary'

export const MAX_IMPORTED_ANNOTATIONS = 20_000
const MAX_QUOTE_LENGTH = 20_000

/**
 * Parses with `schema` and reports its issues at their own paths under the current one. On failure
 * it returns z.NEVER, which callers must not look into (`failed()`).
 */
function byType<T>(value: unknown, schema: z.ZodType<T>, ctx: z.RefinementCtx): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
  return z.NEVER
}

const failed = (value: unknown): boolean => value === z.NEVER

/** One value or an array of them, as an array (wrap in .optional() where it may be absent). */
const oneOrMany = <T>(schema: z.ZodType<T>, missing = 'required') =>
  z.unknown().transform((v, ctx): T[] => {
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: missing })
      return z.NEVER
    }
    return Array.isArray(v) ? byType(v, z.array(schema), ctx) : [byType(v, schema, ctx)]
  })

/** An IRI string or an object described by `objectSchema`. */
const iriOr = <T>(fromIri: (iri: string) => T, objectSchema: z.ZodType<T>) =>
  z.unknown().transform((v, ctx): T => (typeof v === 'string' ? fromIri(byType(v, Iri, ctx)) : byType(v, objectSchema, ctx)))

const Iri = z.string('expected an IRI').trim().min(1, 'expected an IRI').max(2_000)
const Types = oneOrMany(z.string(), 'a type is required')
const DateTime = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'expected an xsd:dateTime such as 2024-05-26T08:30:00Z')
  .transform((s) => new Date(s).toISOString())

const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string('a TextQuoteSelector must quote some text (exact)').min(1, 'a TextQuoteSelector must quote some text (exact)').max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(MAX_QUOTE_LENGTH).optional(),
  suffix: z.string().max(MAX_QUOTE_LENGTH).optional(),
})
const PositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] })

export type ImportSelector = z.output<typeof QuoteSelector> | z.output<typeof PositionSelector> | { type: 'other' }

const Selector = z.looseObject({ type: z.string() }).transform((sel, ctx): ImportSelector => {
  if (sel.type === 'TextQuoteSelector') return byType(sel, QuoteSelector, ctx)
  if (sel.type === 'TextPositionSelector') return byType(sel, PositionSelector, ctx)
  return { type: 'other' }
})

const Target = iriOr(
  () => ({ selectors: [] as ImportSelector[] }),
  z.looseObject({ selector: oneOrMany(Selector).optional() }).transform((t) => ({ selectors: t.selector ?? [] })),
)

const Purposes = oneOrMany(z.string()).optional()
const TextualBody = z.looseObject({ value: z.string().max(MAX_NOTE_LENGTH), purpose: Purposes })
const LinkSource = iriOr(
  (id) => ({ id, label: '' }),
  z.looseObject({ id: Iri, label: z.string().max(2_000).optional() }).transform((s) => ({ id: s.id, label: s.label ?? '' })),
)
const SpecificResourceBody = z.looseObject({ source: LinkSource, purpose: Purposes })

export type ImportBody =
  | { kind: 'text'; value: string; purposes: string[] }
  | { kind: 'link'; iri: string; label: string; purposes: string[] }
  | { kind: 'other' }

const Body = iriOr(
  (): ImportBody => ({ kind: 'other' }),
  z.looseObject({ type: Types.optional() }).transform((body, ctx): ImportBody => {
    const types = body.type ?? []
    // An untyped body with a value is a TextualBody (§3.2.4); one with a source a SpecificResource (§4).
    if (types.includes('TextualBody') || (types.length === 0 && 'value' in body)) {
      const b = byType(body, TextualBody, ctx)
      if (failed(b)) return z.NEVER
      return { kind: 'text', value: b.value, purposes: b.purpose ?? [] }
    }
    if (types.includes('SpecificResource') || (types.length === 0 && 'source' in body)) {
      const b = byType(body, SpecificResourceBody, ctx)
      if (failed(b)) return z.NEVER
      return { kind: 'link', iri: b.source.id, label: b.source.label, purposes: b.purpose ?? [] }
    }
    return { kind: 'other' }
  }),
)

const Creator = iriOr(
  () => '',
  z.looseObject({ name: oneOrMany(z.string()).optional(), nickname: z.string().optional() }).transform((c) => c.name?.[0] ?? c.nickname ?? ''),
)

const Context = z.unknown().refine(
  (c) => (Array.isArray(c) ? c.includes(ANNO_CONTEXT) : c === ANNO_CONTEXT),
  `@context must be or include "${ANNO_CONTEXT}"`,
)

export const ImportAnnotation = z.looseObject({
  '@context': Context.optional(),
  id: Iri,
  type: Types.refine((t) => t.includes('Annotation') || t.includes('oa:Annotation'), 'type must include "Annotation"'),
  motivation: oneOrMany(z.string()).optional(),
  created: DateTime.optional(),
  modified: DateTime.optional(),
  creator: oneOrMany(Creator).optional(),
  body: oneOrMany(Body).optional(),
  bodyValue: z.string().max(MAX_NOTE_LENGTH).optional(),
  target: oneOrMany(Target, 'an annotation needs a target (the passage it is about)'),
  [KIND_PROPERTY]: z.enum(ANNOTATION_KINDS).optional(),
  [COLOUR_PROPERTY]: z.enum(ANNOTATION_COLOURS).optional(),
  [MINUTES_PROPERTY]: z.boolean().optional(),
})
export type ImportAnnotation = z.output<typeof ImportAnnotation>

const Annotations = z.array(ImportAnnotation).max(MAX_IMPORTED_ANNOTATIONS)

/** Pages must be embedded: the workbench never fetches anything from the network. */
const NOT_EMBEDDED = 'pages must be embedded in the file (the workbench does not fetch IRIs); export all annotations as one document'

interface ImportPage {
  items: ImportAnnotation[]
  next?: ImportPage
}
const Page: z.ZodType<ImportPage> = z.lazy(() =>
  z.looseObject({
    type: Types.refine((t) => t.includes('AnnotationPage'), 'type must include "AnnotationPage"'),
    items: Annotations,
    next: EmbeddedPage.optional(),
  }),
)
const EmbeddedPage: z.ZodType<ImportPage> = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string') {
    ctx.addIssue({ code: 'custom', message: NOT_EMBEDDED })
    return z.NEVER
  }
  return byType(v, Page, ctx)
})

const SHAPES = 'an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection'

/** The top-level shapes of a document, told apart by being an array or by `type`. */
export const ImportDocument = z.unknown().transform((doc, ctx): ImportAnnotation[] => {
  if (Array.isArray(doc)) {
    if (doc.length === 0) ctx.addIssue({ code: 'custom', message: 'the array holds no annotations' })
    return byType(doc, Annotations, ctx)
  }
  if (typeof doc !== 'object' || doc === null) {
    ctx.addIssue({ code: 'custom', message: `expected ${SHAPES} (a JSON object or array)` })
    return z.NEVER
  }
  byType(doc, z.looseObject({ '@context': Context }), ctx)
  const types = Types.safeParse((doc as { type?: unknown }).type)
  if (!types.success) {
    ctx.addIssue({ code: 'custom', message: `a type is required: expected ${SHAPES}`, path: ['type'] })
    return z.NEVER
  }
  if (types.data.includes('AnnotationCollection')) {
    const collection = byType(doc, z.looseObject({ first: EmbeddedPage.optional() }), ctx)
    return failed(collection) ? z.NEVER : flattenPages(collection.first)
  }
  if (types.data.includes('AnnotationPage')) {
    const page = byType(doc, Page, ctx)
    return failed(page) ? z.NEVER : flattenPages(page)
  }
  return [byType(doc, ImportAnnotation, ctx)]
})

function flattenPages(first: ImportPage | undefined): ImportAnnotation[] {
  const items: ImportAnnotation[] = []
  for (let page = first; page; page = page.next) items.push(...page.items)
  return items
}
