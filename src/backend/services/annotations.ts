// Annotation use cases: create on a range of the report text (the quote is computed here, never
// taken from the client), edit, undoable delete, proposal links and re-attaching an unplaced one.
// Every write is one transaction; the search index follows through the schema's triggers.
import { randomUUID } from 'node:crypto'
import {
  DEFAULT_COLOUR_BY_KIND,
  type Annotation,
  type AnnotationColour,
  type AnnotationKind,
  type AnnotationPatch,
  type AnnotationView,
  toAnnotationView,
} from '../../core/annotation-domain'
import { describeRange } from '../../core/anchoring/selectors'
import { WorkbenchError } from '../../core/errors'
import * as reviews from '../db/annotation-reviews'
import * as repo from '../db/annotations'
import { getStoredProposal } from '../db/proposals'
import { getReportText } from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { cachedRead } from '../db/read-cache'
import { nowIso, timestampAfter } from './clock'
import { getSettings } from './settings'
import { requireVersion } from './versions'

export interface AnnotationInput {
  reportId: number
  start: number
  end: number
  kind?: AnnotationKind
  colour?: AnnotationColour
  body?: string
  tags?: string[]
  includeInMinutes?: boolean
  proposalIds?: number[]
}

/** Kept until the database changes: read at every start, and 80 ms for 5,000 annotations. */
export function listAnnotations(db: Db, reportId: number): AnnotationView[] {
  return cachedRead(db, `annotations:${reportId}`, () => {
    requireReportText(db, reportId)
    const open = reviews.listReviews(db, reportId)
    return repo.listStoredAnnotations(db, reportId).map((a) => toAnnotationView(withReview(repo.toAnnotation(a), open.get(a.id))))
  })
}

export function createAnnotation(db: Db, input: AnnotationInput): Annotation {
  const id = randomUUID()
  inWriteTransaction(db, () => {
    const text = requireReportText(db, input.reportId)
    const anchor = anchorOnRange(text, input.start, input.end)
    const proposalIds = [...new Set(input.proposalIds ?? [])]
    for (const proposalId of proposalIds) requireLinkableProposal(db, input.reportId, proposalId)
    const body = input.body ?? ''
    const kind = input.kind ?? (body.trim() ? 'note' : 'highlight')
    const at = nowIso()
    repo.insertAnnotation(db, {
      id,
      reportId: input.reportId,
      kind,
      colour: input.colour ?? DEFAULT_COLOUR_BY_KIND[kind],
      body,
      includeInMinutes: input.includeInMinutes ?? false,
      author: getSettings(db).authorName.trim(),
      ...anchor,
      createdAt: at,
      updatedAt: at,
    })
    repo.replaceTags(db, id, input.tags ?? [])
    for (const proposalId of proposalIds) repo.insertLink(db, id, proposalId)
  })
  return getLiveAnnotation(db, id)
}

export function updateAnnotation(db: Db, id: string, patch: AnnotationPatch, expectedVersion?: number): Annotation {
  inWriteTransaction(db, () => {
    const current = requireLive(db, id)
    requireVersion(`Annotation ${id}`, current, expectedVersion, () => repo.toAnnotation(current))
    const fields: repo.EditableFields = {
      kind: patch.kind ?? current.kind,
      colour: patch.colour ?? current.colour,
      body: patch.body ?? current.body,
      includeInMinutes: patch.includeInMinutes ?? current.includeInMinutes,
    }
    const tagsChanged = patch.tags !== undefined && patch.tags.join('\n') !== current.tags.join('\n')
    const fieldsChanged = (Object.keys(fields) as (keyof repo.EditableFields)[]).some((k) => fields[k] !== current[k])
    if (!tagsChanged && !fieldsChanged) return
    repo.updateEditableFields(db, id, fields, timestampAfter(current.updatedAt))
    if (tagsChanged) repo.replaceTags(db, id, patch.tags!)
  })
  return getLiveAnnotation(db, id)
}

/** Marks an annotation deleted; deleting an already deleted one changes nothing. */
export function deleteAnnotation(db: Db, id: string): { id: string } {
  inWriteTransaction(db, () => {
    const current = requireStored(db, id)
    if (current.deletedAt !== null) return
    const at = timestampAfter(current.updatedAt)
    repo.setAnnotationDeletedAt(db, id, at, at)
  })
  return { id }
}

export function restoreAnnotation(db: Db, id: string): Annotation {
  inWriteTransaction(db, () => {
    const current = requireStored(db, id)
    if (current.deletedAt === null) return
    repo.setAnnotationDeletedAt(db, id, null, timestampAfter(current.updatedAt))
  })
  return getLiveAnnotation(db, id)
}

export function linkAnnotation(db: Db, id: string, proposalId: number): Annotation {
  inWriteTransaction(db, () => {
    const current = requireLive(db, id)
    requireLinkableProposal(db, current.reportId, proposalId)
    if (repo.insertLink(db, id, proposalId)) repo.touchAnnotation(db, id, timestampAfter(current.updatedAt))
  })
  return getLiveAnnotation(db, id)
}

export function unlinkAnnotation(db: Db, id: string, proposalId: number): Annotation {
  inWriteTransaction(db, () => {
    const current = requireLive(db, id)
    if (repo.deleteLink(db, id, proposalId)) repo.touchAnnotation(db, id, timestampAfter(current.updatedAt))
  })
  return getLiveAnnotation(db, id)
}

/** Anchors a live annotation on a new range of the current text (its quote is taken from there). */
export function reattachAnnotation(db: Db, id: string, start: number, end: number): Annotation {
  inWriteTransaction(db, () => {
    const current = requireLive(db, id)
    const anchor = anchorOnRange(requireReportText(db, current.reportId), start, end)
    const updatedAt = timestampAfter(current.updatedAt)
    repo.updateAnchor(db, id, anchor, updatedAt)
    // Placed again by a person: a review it waited for is resolved (and can be reopened by undo).
    const review = reviews.getReview(db, id)
    if (review && review.resolvedAt === null) reviews.setResolved(db, id, updatedAt)
  })
  return getLiveAnnotation(db, id)
}

/** Undoes the resolution of a review: the annotation is unplaced again on its old anchor, waiting. */
export function reopenReview(db: Db, id: string): Annotation {
  inWriteTransaction(db, () => {
    const current = requireLive(db, id)
    const review = reviews.getReview(db, id)
    if (!review || review.resolvedAt === null) throw new WorkbenchError('conflict', `Annotation ${id} has no resolved review to reopen`)
    repo.updateAnchor(db, id, { status: 'unplaced', ...review.old }, timestampAfter(current.updatedAt))
    reviews.setResolved(db, id, null)
  })
  return getLiveAnnotation(db, id)
}

/** The annotation with its review, while one is open and it is unplaced. */
function withReview(a: Annotation, review: reviews.StoredReview | undefined): Annotation {
  if (!review || review.resolvedAt !== null || a.status !== 'unplaced') return a
  return { ...a, review: { oldQuote: review.old.exact, newQuote: review.newExact, start: review.newStart, end: review.newEnd } }
}

/** The anchor of text.slice(start, end), refusing ranges that are outside, blank or split a character. */
export function anchorOnRange(text: string, start: number, end: number): repo.AnchorFields {
  if (end <= start || end > text.length) {
    throw new WorkbenchError('bad_request', `The range ${start}–${end} is not inside the report text (0–${text.length})`)
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new WorkbenchError('bad_request', `The range ${start}–${end} cuts a character in half`)
  }
  const { quote, position } = describeRange(text, start, end)
  if (quote.exact.trim().length === 0) throw new WorkbenchError('bad_request', 'The range holds only white space')
  return {
    status: 'placed',
    positionStart: position.start,
    positionEnd: position.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  }
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

export function requireReportText(db: Db, reportId: number): string {
  const text = getReportText(db, reportId)
  if (text === undefined) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  return text
}

function requireLinkableProposal(db: Db, reportId: number, proposalId: number): void {
  const proposal = getStoredProposal(db, proposalId)
  if (!proposal || proposal.deletedAt !== null) throw new WorkbenchError('not_found', `Proposal ${proposalId} does not exist`)
  if (proposal.reportId !== reportId) {
    throw new WorkbenchError('bad_request', `Proposal ${proposalId} belongs to another report than the annotation`)
  }
}

function requireStored(db: Db, id: string): repo.StoredAnnotation {
  const stored = repo.getStoredAnnotation(db, id)
  if (!stored) throw notFound(id)
  return stored
}

function requireLive(db: Db, id: string): repo.StoredAnnotation {
  const stored = requireStored(db, id)
  if (stored.deletedAt !== null) throw notFound(id)
  return stored
}

function getLiveAnnotation(db: Db, id: string): Annotation {
  return withReview(repo.toAnnotation(requireLive(db, id)), reviews.getReview(db, id))
}

function notFound(id: string): WorkbenchError {
  return new WorkbenchError('not_found', `Annotation ${id} does not exist`)
}
