// W3C Web Annotation JSON-LD → annotations ready to anchor and store. Pure: validation and
// mapping only; anchoring on the report text and matching proposals happen in the service.
import { z } from 'zod'
import {
  AnnotationTags,
  DEFAULT_COLOUR_BY_KIND,
  MAX_NOTE_LENGTH,
  type AnnotationColour,
  type AnnotationKind,
} from '../annotation-domain'
import { WorkbenchError } from '../errors'
import { nfc } from '../text'
import { ImportDocument, type ImportAnnotation, type ImportSelector } from './import-schema'
import { COLOUR_PROPERTY, KIND_PROPERTY, MINUTES_PROPERTY, kindFromMotivations, proposalIdFromIri } from './vocabulary'

export interface ImportedProposalLink {
  /** Our proposal id when the IRI is one of ours (urn:workbench:proposal:N), else null. */
  proposalId: number | null
  /** The proposal's title as written in the file ('' if none). */
  title: string
}

export interface ImportedAnnotation {
  /** The annotation's IRI as written in the file. */
  iri: string
  kind: AnnotationKind
  colour: AnnotationColour
  body: string
  tags: string[]
  author: string
  includeInMinutes: boolean
  created: string | null
  modified: string | null
  quote: { exact: string; prefix: string; suffix: string }
  /** The TextPositionSelector, when the file has one. */
  position: { start: number; end: number } | null
  proposalLinks: ImportedProposalLink[]
}

/** Validates a whole document and maps every annotation; throws bad_request naming every problem. */
export function parseW3CDocument(document: unknown): ImportedAnnotation[] {
  const parsed = ImportDocument.safeParse(document)
  if (!parsed.success) throw invalid(z.prettifyError(parsed.error))
  const problems: string[] = []
  const seen = new Set<string>()
  const items: ImportedAnnotation[] = []
  parsed.data.forEach((raw, index) => {
    const where = `annotation ${index + 1} (${raw.id})`
    if (seen.has(raw.id)) problems.push(`${where}: the id occurs more than once in the file`)
    seen.add(raw.id)
    const mapped = mapAnnotation(raw)
    if (typeof mapped === 'string') problems.push(`${where}: ${mapped}`)
    else items.push(mapped)
  })
  if (problems.length > 0) throw invalid(problems.slice(0, 20).join('\n') + (problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''))
  return items
}

/** One annotation, or a message saying why it cannot be imported. */
function mapAnnotation(raw: ImportAnnotation): ImportedAnnotation | string {
  const anchored = raw.target.filter((t) => t.selectors.some((s) => s.type === 'TextQuoteSelector'))
  if (anchored.length === 0) return 'its target has no TextQuoteSelector, so there is no quoted text to place it on'
  if (anchored.length > 1) return 'it quotes text in several targets; an annotation here covers one passage'
  const selectors = anchored[0]!.selectors
  const quote = selectors.find((s): s is Extract<ImportSelector, { type: 'TextQuoteSelector' }> => s.type === 'TextQuoteSelector')!
  const positions = selectors.filter((s): s is Extract<ImportSelector, { type: 'TextPositionSelector' }> => s.type === 'TextPositionSelector')

  const notes: string[] = []
  if (raw.bodyValue !== undefined && raw.bodyValue.trim()) notes.push(raw.bodyValue)
  const rawTags: string[] = []
  const proposalLinks: ImportedProposalLink[] = []
  for (const body of raw.body ?? []) {
    if (body.kind === 'text') {
      if (body.purposes.includes('tagging')) rawTags.push(body.value)
      else if (!body.purposes.includes('linking') && body.value.trim()) notes.push(body.value)
    } else if (body.kind === 'link' && body.purposes.includes('linking')) {
      const proposalId = proposalIdFromIri(body.iri)
      if (proposalId !== null || body.label.trim()) proposalLinks.push({ proposalId, title: nfc(body.label.trim()) })
    }
  }
  const body = nfc(notes.join('\n\n'))
  if (body.length > MAX_NOTE_LENGTH) return `its note is longer than ${MAX_NOTE_LENGTH} characters`
  const tags = AnnotationTags.safeParse(rawTags)
  if (!tags.success) return `its tags are not acceptable: ${tags.error.issues.map((i) => i.message).join('; ')}`

  const kind = raw[KIND_PROPERTY] ?? kindFromMotivations(raw.motivation ?? [], body.length > 0)
  return {
    iri: raw.id,
    kind,
    colour: raw[COLOUR_PROPERTY] ?? DEFAULT_COLOUR_BY_KIND[kind],
    body,
    tags: tags.data,
    author: nfc((raw.creator ?? []).find((name) => name.trim())?.trim() ?? '').slice(0, 200),
    includeInMinutes: raw[MINUTES_PROPERTY] ?? false,
    created: raw.created ?? null,
    modified: raw.modified ?? null,
    quote: { exact: nfc(quote.exact), prefix: nfc(quote.prefix ?? ''), suffix: nfc(quote.suffix ?? '') },
    position: positions.length === 1 ? { start: positions[0]!.start, end: positions[0]!.end } : null,
    proposalLinks,
  }
}

function invalid(detail: string): WorkbenchError {
  return new WorkbenchError('bad_request', `The file is not a W3C Web Annotation document the workbench can import:\n${detail}`)
}
