// Checklist use cases: proposals of a report in order, with create-after, edits,
// undoable deletes, reordering, and the proposals the report text suggests.
// Every multi-statement write is one transaction.
import { segmentBlocks } from '../../core/blocks'
import type { Priority, Proposal, ProposalPatch, ProposalStatus, SourceAnchor } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import { extractProposals, type ProposalSuggestion } from '../../core/extract/extract'
import * as repo from '../db/proposals'
import { getReportText, getStoredReport } from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso, timestampAfter } from './clock'
import type { SectorCatalog } from './sectors'
import { requireVersion } from './versions'

export interface ProposalsContext {
  db: Db
  sectors: SectorCatalog
}

export interface ProposalInput {
  reportId: number
  title: string
  sector: string
  status?: ProposalStatus
  priority?: Priority
  owner?: string
  dueDate?: string | null
  detail?: string
  notes?: string
  source?: SourceAnchor | null
  afterId?: number
}

export function listProposals(db: Db, reportId: number): Proposal[] {
  requireReport(db, reportId)
  return repo.listLiveProposals(db, reportId)
}

export interface KeyedSuggestion extends ProposalSuggestion {
  key: string
}

/** Proposals the report text makes, minus those whose passage a live proposal already quotes. */
export function suggestProposals({ db, sectors }: ProposalsContext, reportId: number): KeyedSuggestion[] {
  const text = requireReport(db, reportId)
  const stored = getStoredReport(db, reportId)
  const year = reportYear(stored?.date ?? '')
  const taken = repo.listLiveProposals(db, reportId).flatMap((p) => (p.source ? [p.source] : []))
  // The headings above a passage are features: the document's styled headings count as headings here too.
  return extractedFrom(text, stored?.headingStarts ?? [], sectors, year)
    .filter((s) => !taken.some((t) => overlaps(s, t)))
    .map((s) => ({ key: `${s.start}-${s.end}`, ...s }))
}

// Extraction reads the whole text (a third of a second for 600,000 characters) and the list
// is asked for again after every accepted suggestion; the last few texts' results are kept.
const EXTRACTED_KEPT = 4
const extracted = new Map<string, ProposalSuggestion[]>()

/** A deadline written without its year ("trước 15/8") takes the report's; today's when it has none. */
function reportYear(date: string): number {
  const m = /^(\d{4})/.exec(date)
  return m ? Number(m[1]) : new Date().getFullYear()
}

function extractedFrom(text: string, hints: readonly number[], sectors: SectorCatalog, year: number): ProposalSuggestion[] {
  const list = sectors.list()
  const key = `${list.map((s) => s.code).join(',')}\u0000${year}\u0000${hints.join(',')}\u0000${text}`
  let found = extracted.get(key)
  if (!found) {
    found = extractProposals(text, segmentBlocks(text, hints), list, { year })
    if (extracted.size >= EXTRACTED_KEPT) extracted.delete(extracted.keys().next().value!)
  } else extracted.delete(key)
  extracted.set(key, found)
  return found
}

export function createProposal({ db, sectors }: ProposalsContext, input: ProposalInput): Proposal {
  const sector = sectors.require(input.sector)
  const id = inWriteTransaction(db, () => {
    const reportText = requireReport(db, input.reportId)
    const fields: repo.ProposalFields = {
      sector: sector.code,
      title: input.title,
      detail: input.detail ?? '',
      status: input.status ?? 'proposed',
      owner: input.owner?.trim() ? input.owner : sector.leadBodyVi,
      dueDate: checkDueDate(input.dueDate ?? null),
      priority: input.priority ?? 'normal',
      notes: input.notes ?? '',
      source: checkSource(reportText, input.source ?? null),
    }
    let sortOrder: number
    if (input.afterId === undefined) {
      sortOrder = repo.nextSortOrder(db, input.reportId)
    } else {
      const after = requireLive(db, input.afterId)
      if (after.reportId !== input.reportId) {
        throw new WorkbenchError('bad_request', `Proposal ${input.afterId} belongs to another report`)
      }
      sortOrder = after.sortOrder + 1
      repo.shiftSortOrdersFrom(db, input.reportId, sortOrder)
    }
    return repo.insertProposal(db, { ...fields, reportId: input.reportId, sortOrder, createdAt: nowIso() })
  })
  return requireLiveProposal(db, id)
}

export function updateProposal(
  { db, sectors }: ProposalsContext,
  id: number,
  patch: ProposalPatch,
  expectedVersion?: number,
): Proposal {
  inWriteTransaction(db, () => {
    const current = requireLive(db, id)
    requireVersion(`Proposal ${id}`, current, expectedVersion, () => repo.withoutDeletion(current))
    const fields: repo.ProposalFields = {
      sector: patch.sector === undefined ? current.sector : sectors.require(patch.sector).code,
      title: patch.title ?? current.title,
      detail: patch.detail ?? current.detail,
      status: patch.status ?? current.status,
      owner: patch.owner ?? current.owner,
      dueDate: patch.dueDate === undefined ? current.dueDate : checkDueDate(patch.dueDate),
      priority: patch.priority ?? current.priority,
      notes: patch.notes ?? current.notes,
      source: patch.source === undefined ? current.source : checkSource(requireReport(db, current.reportId), patch.source),
    }
    repo.updateProposalFields(db, id, fields, timestampAfter(current.updatedAt))
  })
  return requireLiveProposal(db, id)
}

/** Marks a proposal deleted; deleting an already deleted one changes nothing. */
export function deleteProposal(db: Db, id: number): { id: number } {
  inWriteTransaction(db, () => {
    const current = repo.getStoredProposal(db, id)
    if (!current) throw notFound(id)
    if (current.deletedAt !== null) return
    const at = timestampAfter(current.updatedAt)
    repo.setProposalDeletedAt(db, id, at, at)
  })
  return { id }
}

/** Brings a deleted proposal back at its old place in the checklist. */
export function restoreProposal(db: Db, id: number): Proposal {
  inWriteTransaction(db, () => {
    const current = repo.getStoredProposal(db, id)
    if (!current) throw notFound(id)
    if (current.deletedAt === null) return
    // A reorder while it was deleted may have given its sort order to another item: it goes first.
    repo.shiftSortOrdersFrom(db, current.reportId, current.sortOrder, id)
    repo.setProposalDeletedAt(db, id, null, timestampAfter(current.updatedAt))
  })
  return requireLiveProposal(db, id)
}

export function reorderProposals(db: Db, reportId: number, orderedIds: readonly number[]): Proposal[] {
  inWriteTransaction(db, () => {
    requireReport(db, reportId)
    const live = new Set(repo.listLiveProposalIds(db, reportId))
    const given = new Set(orderedIds)
    const missing = [...live].filter((id) => !given.has(id))
    const unknown = [...given].filter((id) => !live.has(id))
    if (given.size !== orderedIds.length || missing.length > 0 || unknown.length > 0) {
      throw new WorkbenchError(
        'bad_request',
        `orderedIds must list every live proposal of report ${reportId} exactly once` +
          (missing.length ? `; missing: ${missing.join(', ')}` : '') +
          (unknown.length ? `; not live proposals of this report: ${unknown.join(', ')}` : '') +
          (given.size !== orderedIds.length ? '; some ids are repeated' : ''),
      )
    }
    orderedIds.forEach((id, index) => repo.setSortOrder(db, id, index))
  })
  return repo.listLiveProposals(db, reportId)
}

/** An empty source still claims the character it points at. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < Math.max(b.end, b.start + 1) && b.start < a.end
}

/** Returns the report's text (anchors are checked against it). */
function requireReport(db: Db, reportId: number): string {
  const text = getReportText(db, reportId)
  if (text === undefined) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  return text
}

function requireLive(db: Db, id: number): repo.StoredProposal {
  const stored = repo.getStoredProposal(db, id)
  if (!stored || stored.deletedAt !== null) throw notFound(id)
  return stored
}

function requireLiveProposal(db: Db, id: number): Proposal {
  return repo.withoutDeletion(requireLive(db, id))
}

function notFound(id: number): WorkbenchError {
  return new WorkbenchError('not_found', `Proposal ${id} does not exist`)
}

function checkSource(reportText: string, source: SourceAnchor | null): SourceAnchor | null {
  if (source === null) return null
  if (source.end < source.start || source.end > reportText.length) {
    throw new WorkbenchError('bad_request', `Source ${source.start}–${source.end} is outside the report text`)
  }
  if (reportText.slice(source.start, source.end) !== source.exact) {
    throw new WorkbenchError('bad_request', 'The source quote does not match the report text at the given offsets')
  }
  return source
}

function checkDueDate(date: string | null): string | null {
  if (date === null) return null
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new WorkbenchError('bad_request', `${date} is not a calendar date`)
  }
  return date
}
