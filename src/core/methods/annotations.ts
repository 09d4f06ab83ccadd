// Contract methods — Annotations on a report's text: highlights and notes anchored to a range,
// linked to proposals, exchanged as W3C Web Annotations and exported as Markdown.
import { z } from 'zod'
import {
  Annotation,
  AnnotationColour,
  AnnotationId,
  AnnotationKind,
  AnnotationPatch,
  AnnotationTags,
  AnnotationView,
  MAX_NOTE_LENGTH,
} from '../annotation-domain'
import { ExpectedVersion, Id, vnText } from '../domain'
import { W3CExportCollection } from '../w3c/export-schema'
import { method } from './define'

const Offset = z.number().int().nonnegative()
const endAfterStart = { message: 'end must be after start', path: ['end'] }

export const annotationsMethods = {
  'annotations.list': method(
    'Annotations of a report: placed ones in document order, then the unplaced ones (deleted ones left out); ' +
      'without the quote context and timestamps (see annotations.exportW3C for the full records).',
    z.object({ reportId: Id }),
    z.array(AnnotationView),
  ),
  'annotations.create': method(
    'Annotates the range start–end of the report text. The quote and its context are taken from the stored ' +
      'text (never sent by the client: unknown fields are refused); the author is settings.authorName. Without a kind, a note when a body ' +
      'is given, else a highlight; without a colour, the default colour of the kind.',
    z
      .strictObject({
        reportId: Id,
        start: Offset,
        end: Offset,
        kind: AnnotationKind.optional(),
        colour: AnnotationColour.optional(),
        body: vnText(MAX_NOTE_LENGTH).optional(),
        tags: AnnotationTags.optional(),
        includeInMinutes: z.boolean().optional(),
        proposalIds: z.array(Id).max(100).optional(),
      })
      .refine((a) => a.end > a.start, endAfterStart),
    Annotation,
  ),
  'annotations.update': method(
    'Changes some fields of an annotation (tags are replaced as a whole). An empty patch changes nothing. With `expectedVersion`, only if nobody changed it since that version.',
    z.object({ id: AnnotationId, patch: AnnotationPatch, expectedVersion: ExpectedVersion }),
    Annotation,
  ),
  'annotations.delete': method(
    'Deletes an annotation (kept as deleted so it can be restored).',
    z.object({ id: AnnotationId }),
    z.object({ id: AnnotationId }),
  ),
  'annotations.restore': method('Undoes a delete.', z.object({ id: AnnotationId }), Annotation),
  'annotations.link': method(
    'Links an annotation to a live proposal of the same report (linking twice changes nothing).',
    z.object({ id: AnnotationId, proposalId: Id }),
    Annotation,
  ),
  'annotations.unlink': method(
    'Removes the link between an annotation and a proposal (if there is none, nothing changes).',
    z.object({ id: AnnotationId, proposalId: Id }),
    Annotation,
  ),
  'annotations.reattach': method(
    'Anchors an annotation to a new range of the current report text, typically one left unplaced by a revision.',
    z.object({ id: AnnotationId, start: Offset, end: Offset }).refine((a) => a.end > a.start, endAfterStart),
    Annotation,
  ),
  'annotations.reopenReview': method(
    'Undoes the confirmation (or re-attachment) of an annotation that was waiting for review: it is unplaced again, ' +
      'with the review it had. Refused (conflict) when there is no resolved review to reopen.',
    z.object({ id: AnnotationId }),
    Annotation,
  ),
  'annotations.exportW3C': method(
    'The live annotations of a report as a W3C Web Annotation JSON-LD AnnotationCollection.',
    z.object({ reportId: Id }),
    W3CExportCollection,
  ),
  'annotations.importW3C': method(
    'Imports W3C Web Annotations (one Annotation, an array, an AnnotationPage or an AnnotationCollection) into ' +
      'a report, anchoring each on its current text. Idempotent by annotation id; a newer `modified` updates; ' +
      'one deleted in the report is brought back (counted as added). ' +
      'All or nothing: a document with any error is refused and nothing is written.',
    z.object({
      reportId: Id,
      document: z.custom<unknown>((v) => v !== undefined, 'the W3C document is required'),
    }),
    z.object({
      added: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
      /** Added or updated annotations that could not be placed on the current text. */
      unplaced: z.number().int().nonnegative(),
    }),
  ),
  'annotations.exportMarkdown': method(
    'The live annotations of a report as a Markdown document in Vietnamese, grouped by proposal.',
    z.object({ reportId: Id }),
    z.object({ markdown: z.string() }),
  ),
} as const
