// W3C Web Annotation exchange: export a report's annotations as JSON-LD, and import such a file
// into a report — validated whole first, anchored on the current text, idempotent by annotation
// id (a newer `modified` updates), and written in one transaction so a bad file changes nothing.
import { createHash } from 'node:crypto'
import { anchorOne } from '../../core/anchoring/reanchor'
import { describeRange } from '../../core/anchoring/selectors'
import type { Proposal } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import { fold } from '../../core/text'
import { toW3CCollection } from '../../core/w3c/export'
import type { W3CExportCollection } from '../../core/w3c/export-schema'
import { parseW3CDocument, type ImportedAnnotation, type ImportedProposalLink } from '../../core/w3c/import'
import { positionOfQuote } from '../../core/w3c/quote-position'
import { uuidFromIri } from '../../core/w3c/vocabulary'
import * as repo from '../db/annotations'
import { listLiveProposals } from '../db/proposals'
import { getStoredReport } from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'

export interface W3CImportOutcome {
  added: number
  updated: number
  unchanged: number
  unplaced: number
}

export function exportW3C(db: Db, reportId: number): W3CExportCollection {
  const report = getStoredReport(db, reportId)
  if (!report) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  const annotations = repo.listStoredAnnotations(db, reportId).map(repo.toAnnotation)
  const proposalTitles = new Map(listLiveProposals(db, reportId).map((p) => [p.id, p.title]))
  return toW3CCollection({ report, annotations, proposalTitles })
}

export function importW3C(db: Db, reportId: number, document: unknown): W3CImportOutcome {
  const items = parseW3CDocument(document)
  return inWriteTransaction(db, () => {
    const report = getStoredReport(db, reportId)
    if (!report) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
    const proposals = listLiveProposals(db, reportId)
    const outcome: W3CImportOutcome = { added: 0, updated: 0, unchanged: 0, unplaced: 0 }
    for (const item of items) {
      const id = uuidFromIri(item.iri) ?? uuidFromName(item.iri)
      const existing = repo.getStoredAnnotation(db, id)
      if (existing && existing.reportId !== reportId) {
        throw new WorkbenchError(
          'conflict',
          `Annotation ${item.iri} already belongs to report ${existing.reportId}; nothing was imported. ` +
            'To move annotations to a revised text, revise that report instead.',
        )
      }
      const modified = item.modified ?? item.created
      // One deleted here comes back from the file: importing is how a user asks for it again.
      const restoring = existing !== undefined && existing.deletedAt !== null
      if (existing && !restoring && (modified === null || modified <= existing.updatedAt)) {
        outcome.unchanged++
        continue
      }
      const anchor = anchorImported(report.text, item)
      const fields = { kind: item.kind, colour: item.colour, body: item.body, includeInMinutes: item.includeInMinutes }
      if (existing) {
        const updatedAt = restoring ? nowIso() : modified!
        repo.updateEditableFields(db, id, fields, updatedAt)
        repo.updateAnchor(db, id, anchor)
        if (restoring) repo.setAnnotationDeletedAt(db, id, null, updatedAt)
        for (const proposalId of repo.listLinkedProposalIds(db, id)) repo.deleteLink(db, id, proposalId)
        if (restoring) outcome.added++
        else outcome.updated++
      } else {
        const createdAt = item.created ?? modified ?? nowIso()
        repo.insertAnnotation(db, { id, reportId, ...fields, ...anchor, author: item.author, createdAt, updatedAt: modified ?? createdAt })
        outcome.added++
      }
      repo.replaceTags(db, id, item.tags)
      for (const proposalId of resolveLinks(item.proposalLinks, proposals)) repo.insertLink(db, id, proposalId)
      if (anchor.status === 'unplaced') outcome.unplaced++
    }
    return outcome
  })
}

/**
 * Anchors on the current text: the file's position verified against its quote, else the quote
 * searched near it (anchorOne). Without a position, only a quote found exactly once (with its
 * context) gets one. What cannot be placed keeps its quote and waits, unplaced, for a reattach.
 */
function anchorImported(text: string, item: ImportedAnnotation): repo.AnchorFields {
  const position = item.position ?? positionOfQuote(text, item.quote)
  if (position) {
    const outcome = anchorOne(text, {
      quote: { type: 'TextQuoteSelector', ...item.quote },
      position: { type: 'TextPositionSelector', ...position },
    })
    if (outcome.status === 'placed') {
      const { quote } = describeRange(text, outcome.start, outcome.end)
      return { status: 'placed', positionStart: outcome.start, positionEnd: outcome.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }
    }
  }
  return {
    status: 'unplaced',
    positionStart: position?.start ?? 0,
    positionEnd: position?.end ?? 0,
    ...item.quote,
  }
}

/**
 * Proposals named in the file, matched to this report's live proposals: by our IRI when the title
 * agrees (or is absent), else by title (ignoring case and diacritics) when exactly one matches.
 */
function resolveLinks(links: readonly ImportedProposalLink[], proposals: readonly Proposal[]): number[] {
  const ids = new Set<number>()
  for (const link of links) {
    const byId = proposals.find((p) => p.id === link.proposalId)
    if (byId && (!link.title || fold(link.title) === fold(byId.title))) {
      ids.add(byId.id)
      continue
    }
    if (!link.title) continue
    const byTitle = proposals.filter((p) => fold(p.title) === fold(link.title))
    if (byTitle.length === 1) ids.add(byTitle[0]!.id)
  }
  return [...ids]
}

/** A stable UUID (version 5, URL namespace) for an annotation IRI that is not a urn:uuid. */
export function uuidFromName(iri: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')
  const hash = createHash('sha1').update(namespace).update(iri, 'utf8').digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
