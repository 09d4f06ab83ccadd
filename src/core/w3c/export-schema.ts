// The exact shape of the W3C Web Annotation JSON-LD the workbench writes, as zod schemas: the
// contract's result for annotations.exportW3C, so every export is checked before it leaves.
import { z } from 'zod'
import { ANNOTATION_COLOURS, ANNOTATION_KINDS } from '../annotation-domain'
import { ANNO_CONTEXT, W3C_MOTIVATIONS, WORKBENCH_VOCAB } from './vocabulary'

const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'expected an IRI')
const DateTime = z.iso.datetime({ offset: true })

export const W3CTextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
export const W3CTextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})

/** The note: plain Vietnamese text. */
export const W3CNoteBody = z.object({
  type: z.literal('TextualBody'),
  purpose: z.literal('commenting'),
  value: z.string(),
  format: z.literal('text/plain'),
  language: z.literal('vi'),
})
export const W3CTagBody = z.object({
  type: z.literal('TextualBody'),
  purpose: z.literal('tagging'),
  value: z.string().min(1),
})
/** A link to a proposal of the checklist: its IRI, with its title for readers and for matching on import. */
export const W3CProposalLinkBody = z.object({
  type: z.literal('SpecificResource'),
  purpose: z.literal('linking'),
  source: z.object({ id: Iri, type: z.literal('Text'), label: z.string(), language: z.literal('vi') }),
})

export const W3CExportAnnotation = z.object({
  id: Iri,
  type: z.literal('Annotation'),
  motivation: z.enum(W3C_MOTIVATIONS),
  created: DateTime,
  modified: DateTime,
  creator: z.object({ type: z.literal('Person'), name: z.string().min(1) }).optional(),
  body: z.array(z.union([W3CNoteBody, W3CTagBody, W3CProposalLinkBody])).min(1).optional(),
  target: z.object({
    source: Iri,
    /** Placed: quote and position; unplaced: the quote alone (its old position would mislead). */
    selector: z.union([
      z.tuple([W3CTextQuoteSelector, W3CTextPositionSelector]),
      z.tuple([W3CTextQuoteSelector]),
    ]),
  }),
  'workbench:kind': z.enum(ANNOTATION_KINDS),
  'workbench:colour': z.enum(ANNOTATION_COLOURS),
  'workbench:includeInMinutes': z.boolean(),
})
export type W3CExportAnnotation = z.infer<typeof W3CExportAnnotation>

export const W3CExportCollection = z.object({
  '@context': z.tuple([z.literal(ANNO_CONTEXT), z.object({ workbench: z.literal(WORKBENCH_VOCAB) })]),
  id: Iri,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  total: z.number().int().nonnegative(),
  /** Present when there is at least one annotation (the model requires `first` only then). */
  first: z
    .object({
      id: Iri,
      type: z.literal('AnnotationPage'),
      partOf: Iri,
      startIndex: z.literal(0),
      items: z.array(W3CExportAnnotation).min(1),
    })
    .optional(),
})
export type W3CExportCollection = z.infer<typeof W3CExportCollection>
