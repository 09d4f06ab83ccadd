// The fixed vocabulary of our W3C Web Annotation files: the JSON-LD context, the IRIs that name
// reports, proposals and annotations, and how annotation kinds map to W3C motivations.
import type { AnnotationKind } from '../annotation-domain'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Our own terms (kind, colour, includeInMinutes) live under this prefix, declared in the context. */
export const WORKBENCH_VOCAB = 'urn:workbench:vocab:'
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { workbench: WORKBENCH_VOCAB }] as const

export const KIND_PROPERTY = 'workbench:kind'
export const COLOUR_PROPERTY = 'workbench:colour'
export const MINUTES_PROPERTY = 'workbench:includeInMinutes'

/** The motivations of the W3C Web Annotation Vocabulary (§3.3.5 of the data model). */
export const W3C_MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const
export type W3CMotivation = (typeof W3C_MOTIVATIONS)[number]

/**
 * Export: the closest W3C motivation per kind. A concern and a decision both judge the passage
 * ("assessing"); the exact kind travels in workbench:kind, which our import reads first.
 */
export const MOTIVATION_BY_KIND: Readonly<Record<AnnotationKind, W3CMotivation>> = {
  highlight: 'highlighting',
  note: 'commenting',
  question: 'questioning',
  concern: 'assessing',
  decision: 'assessing',
}

/**
 * Import from other tools (no workbench:kind): highlighting → highlight, questioning → question,
 * assessing → concern; any other motivation is a note when the annotation has a note, else a highlight.
 */
export function kindFromMotivations(motivations: readonly string[], hasNote: boolean): AnnotationKind {
  const names = motivations.map((m) => m.replace(/^oa:/, ''))
  if (names.includes('questioning')) return 'question'
  if (names.includes('assessing')) return 'concern'
  if (names.includes('highlighting') && !hasNote) return 'highlight'
  return hasNote ? 'note' : 'highlight'
}

export const reportIri = (reportId: number) => `urn:workbench:report:${reportId}`
export const collectionIri = (reportId: number) => `${reportIri(reportId)}:annotations`
export const proposalIri = (proposalId: number) => `urn:workbench:proposal:${proposalId}`
export const annotationIri = (uuid: string) => `urn:uuid:${uuid}`

export function proposalIdFromIri(iri: string): number | null {
  const match = /^urn:workbench:proposal:([1-9]\d{0,14})$/.exec(iri)
  return match ? Number(match[1]) : null
}

/** The UUID of a `urn:uuid:` IRI, lower-cased; null for any other IRI. */
export function uuidFromIri(iri: string): string | null {
  const match = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(iri.trim())
  return match ? match[1]!.toLowerCase() : null
}
