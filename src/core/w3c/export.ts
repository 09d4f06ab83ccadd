// Annotations → W3C Web Annotation JSON-LD (one AnnotationCollection with one embedded page).
// Pure: the caller gathers the annotations and the titles of the proposals they link to.
import type { Annotation } from '../annotation-domain'
import type { W3CExportAnnotation, W3CExportCollection } from './export-schema'
import {
  EXPORT_CONTEXT,
  MOTIVATION_BY_KIND,
  annotationIri,
  collectionIri,
  proposalIri,
  reportIri,
} from './vocabulary'

export interface W3CExportInput {
  report: { id: number; title: string }
  /** Live annotations of the report, in the order they should appear. */
  annotations: readonly Annotation[]
  /** Titles of the proposals the annotations link to. */
  proposalTitles: ReadonlyMap<number, string>
}

export function toW3CCollection({ report, annotations, proposalTitles }: W3CExportInput): W3CExportCollection {
  const id = collectionIri(report.id)
  const collection: W3CExportCollection = {
    '@context': [EXPORT_CONTEXT[0], { ...EXPORT_CONTEXT[1] }],
    id,
    type: 'AnnotationCollection',
    label: `Chú thích — ${report.title}`,
    total: annotations.length,
  }
  if (annotations.length > 0) {
    collection.first = {
      id: `${id}:page:1`,
      type: 'AnnotationPage',
      partOf: id,
      startIndex: 0,
      items: annotations.map((a) => toW3CAnnotation(a, proposalTitles)),
    }
  }
  return collection
}

export function toW3CAnnotation(a: Annotation, proposalTitles: ReadonlyMap<number, string>): W3CExportAnnotation {
  const bodies: NonNullable<W3CExportAnnotation['body']> = []
  if (a.body.length > 0) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: a.body, format: 'text/plain', language: 'vi' })
  for (const tag of a.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  for (const proposalId of a.proposalIds) {
    bodies.push({
      type: 'SpecificResource',
      purpose: 'linking',
      source: { id: proposalIri(proposalId), type: 'Text', label: proposalTitles.get(proposalId) ?? '', language: 'vi' },
    })
  }
  const quote = { type: 'TextQuoteSelector' as const, exact: a.exact, prefix: a.prefix, suffix: a.suffix }
  const selector: W3CExportAnnotation['target']['selector'] =
    a.status === 'placed' && a.start !== null && a.end !== null
      ? [quote, { type: 'TextPositionSelector', start: a.start, end: a.end }]
      : [quote]
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: MOTIVATION_BY_KIND[a.kind],
    created: a.createdAt,
    modified: a.updatedAt,
    ...(a.author.trim() ? { creator: { type: 'Person' as const, name: a.author } } : {}),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: { source: reportIri(a.reportId), selector },
    'workbench:kind': a.kind,
    'workbench:colour': a.colour,
    'workbench:includeInMinutes': a.includeInMinutes,
  }
}
