// Minute entries: discussion, decisions and actions recorded during a meeting. A decision
// that sets a proposal status changes the checklist in the same transaction as the entry.
import type { Proposal, ProposalStatus } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import type { EntryChange, EntryKind, MinuteEntry } from '../../core/meeting-domain'
import * as entriesRepo from '../db/meetings-entries'
import * as proposalsRepo from '../db/proposals'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso, timestampAfter } from './clock'
import { localNow } from './local-time'
import { requireAgendaItem, requireMeeting, takeUpItem, touch } from './meetings'
import { requireVersion } from './versions'

export interface NewEntry {
  meetingId: number
  agendaItemId?: number | null
  kind: EntryKind
  speaker?: string
  text: string
  proposalStatus?: ProposalStatus | null
  owner?: string
  due?: string | null
  /** Left out: now; null: no time recorded. */
  at?: string | null
}

export type EntryPatch = Partial<entriesRepo.EntryFields>

export function addEntry(db: Db, input: NewEntry): EntryChange {
  const fields: entriesRepo.EntryFields = {
    agendaItemId: input.agendaItemId ?? null,
    kind: input.kind,
    speaker: input.speaker ?? '',
    text: input.text,
    proposalStatus: input.proposalStatus ?? null,
    owner: input.owner ?? '',
    due: input.due ?? null,
    at: input.at === undefined ? localNow() : input.at,
  }
  return inWriteTransaction(db, () => {
    const meeting = requireMeeting(db, input.meetingId)
    checkFields(db, meeting.id, fields)
    // Something recorded under an item that was not taken up yet: the item starts now.
    if (fields.agendaItemId !== null) {
      const item = requireAgendaItem(db, fields.agendaItemId)
      if (item.startedAt === null) takeUpItem(db, item, fields.at ?? localNow())
    }
    const id = entriesRepo.insertEntry(db, meeting.id, fields, entriesRepo.nextEntrySortOrder(db, meeting.id), nowIso())
    const proposal = applyProposalStatus(db, fields)
    touch(db, requireMeeting(db, meeting.id))
    return { entry: entriesRepo.toMinuteEntry(entriesRepo.getStoredEntry(db, id)!), proposal }
  })
}

export function updateEntry(db: Db, id: number, patch: EntryPatch, expectedVersion?: number): EntryChange {
  return inWriteTransaction(db, () => {
    const current = requireEntry(db, id)
    requireVersion(`Entry ${id}`, current, expectedVersion, () => entriesRepo.toMinuteEntry(current))
    const fields: entriesRepo.EntryFields = {
      agendaItemId: patch.agendaItemId === undefined ? current.agendaItemId : patch.agendaItemId,
      kind: patch.kind ?? current.kind,
      speaker: patch.speaker ?? current.speaker,
      text: patch.text ?? current.text,
      proposalStatus: patch.proposalStatus === undefined ? current.proposalStatus : patch.proposalStatus,
      owner: patch.owner ?? current.owner,
      due: patch.due === undefined ? current.due : patch.due,
      at: patch.at === undefined ? current.at : patch.at,
    }
    if (fields.text.trim() === '') throw new WorkbenchError('bad_request', 'The entry text is empty')
    checkFields(db, current.meetingId, fields)
    entriesRepo.updateEntryFields(db, id, fields, timestampAfter(current.updatedAt))
    // The proposal follows the entry only when the entry's status or its target changed.
    const retargeted = fields.proposalStatus !== current.proposalStatus || fields.agendaItemId !== current.agendaItemId
    const proposal = retargeted ? applyProposalStatus(db, fields) : null
    touch(db, requireMeeting(db, current.meetingId))
    return { entry: entriesRepo.toMinuteEntry(requireEntry(db, id)), proposal }
  })
}

/** Removes an entry; a proposal status it set stays (the checklist is the record of status). */
export function removeEntry(db: Db, id: number): { id: number } {
  inWriteTransaction(db, () => {
    const current = requireEntry(db, id)
    entriesRepo.setEntryDeleted(db, id, nowIso())
    touch(db, requireMeeting(db, current.meetingId))
  })
  return { id }
}

/** Brings a removed entry back in its place (its agenda item, if since removed, gives way to the meeting as a whole). */
export function restoreEntry(db: Db, id: number): MinuteEntry {
  return inWriteTransaction(db, () => {
    const current = entriesRepo.getStoredEntry(db, id)
    if (!current) throw new WorkbenchError('not_found', `Entry ${id} does not exist`)
    entriesRepo.setEntryDeleted(db, id, null)
    touch(db, requireMeeting(db, current.meetingId))
    return entriesRepo.toMinuteEntry(requireEntry(db, id))
  })
}

function checkFields(db: Db, meetingId: number, fields: entriesRepo.EntryFields): void {
  if (fields.agendaItemId !== null && requireAgendaItem(db, fields.agendaItemId).meetingId !== meetingId) {
    throw new WorkbenchError('bad_request', `Agenda item ${fields.agendaItemId} belongs to another meeting`)
  }
  if (fields.proposalStatus !== null) {
    if (fields.kind !== 'decision') throw new WorkbenchError('bad_request', 'Only a decision can set a proposal status')
    if (fields.agendaItemId === null) {
      throw new WorkbenchError('bad_request', 'A decision that sets a proposal status must belong to an agenda item')
    }
  }
  if (fields.due !== null) checkCalendarDate(fields.due)
}

/** Sets the status of the agenda item's proposal; returns the proposal when it changed. */
function applyProposalStatus(db: Db, fields: entriesRepo.EntryFields): Proposal | null {
  if (fields.proposalStatus === null || fields.agendaItemId === null) return null
  const item = requireAgendaItem(db, fields.agendaItemId)
  const proposal = proposalsRepo.getStoredProposal(db, item.proposalId)
  if (!proposal || proposal.deletedAt !== null) {
    throw new WorkbenchError('conflict', `Proposal ${item.proposalId} of this agenda item was deleted; restore it to record its status`)
  }
  if (proposal.status === fields.proposalStatus) return null
  const { id, reportId: _r, sortOrder: _s, createdAt: _c, updatedAt, deletedAt: _d, ...current } = proposal
  proposalsRepo.updateProposalFields(db, id, { ...current, status: fields.proposalStatus }, timestampAfter(updatedAt))
  return proposalsRepo.withoutDeletion(proposalsRepo.getStoredProposal(db, id)!)
}

function requireEntry(db: Db, id: number): entriesRepo.StoredEntry {
  const entry = entriesRepo.getStoredEntry(db, id)
  if (!entry || entry.deletedAt !== null) throw new WorkbenchError('not_found', `Entry ${id} does not exist`)
  return entry
}

function checkCalendarDate(date: string): void {
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new WorkbenchError('bad_request', `${date} is not a calendar date`)
  }
}
