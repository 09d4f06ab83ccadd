// Meeting use cases: header, attendees and the agenda of checklist proposals with the time
// each item was taken up. Entries are in meeting-entries.ts. Every write is one transaction.
import type { Proposal } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import type {
  AgendaItem,
  Attendee,
  AttendeeFields,
  KnownAttendee,
  Meeting,
  MeetingPatch,
  MeetingSummary,
  PersonRef,
} from '../../core/meeting-domain'
import { fold } from '../../core/text'
import * as meetingsRepo from '../db/meetings'
import * as agendaRepo from '../db/meetings-agenda'
import * as attendeesRepo from '../db/meetings-attendees'
import { listEdits } from '../db/meetings-edits'
import { listEntries } from '../db/meetings-entries'
import { getStoredProposal, listLiveProposalIds } from '../db/proposals'
import { reportExists } from '../db/reports'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso, timestampAfter } from './clock'
import { localNow } from './local-time'
import { requireVersion } from './versions'

export interface NewMeeting {
  reportId: number
  title: string
  number?: string
  place?: string
  startedAt?: string | null
  endedAt?: string | null
  chair?: PersonRef
  secretary?: PersonRef
}

const NOBODY: PersonRef = { name: '', post: '' }

export function listMeetings(db: Db, reportId: number): MeetingSummary[] {
  if (!reportExists(db, reportId)) throw new WorkbenchError('not_found', `Report ${reportId} does not exist`)
  return meetingsRepo.listMeetingsOfReport(db, reportId).map(meetingsRepo.toSummary)
}

export function getMeeting(db: Db, id: number): Meeting {
  const { createdAt, ...header } = requireMeeting(db, id)
  return {
    ...header,
    createdAt,
    attendees: attendeesRepo.listAttendees(db, id),
    agenda: agendaRepo.listAgenda(db, id),
    entries: listEntries(db, id),
    minutesEdits: listEdits(db, id).map(({ baseText: _b, ...edit }) => edit),
  }
}

export function createMeeting(db: Db, input: NewMeeting): Meeting {
  const header: meetingsRepo.MeetingHeader = {
    title: input.title,
    number: input.number ?? '',
    noticeNumber: '',
    noticeDate: null,
    place: input.place ?? '',
    startedAt: input.startedAt ?? null,
    endedAt: input.endedAt ?? null,
    chair: input.chair ?? NOBODY,
    secretary: input.secretary ?? NOBODY,
  }
  checkTimes(header.startedAt, header.endedAt)
  const id = inWriteTransaction(db, () => {
    if (!reportExists(db, input.reportId)) throw new WorkbenchError('not_found', `Report ${input.reportId} does not exist`)
    return meetingsRepo.insertMeeting(db, input.reportId, header, nowIso())
  })
  return getMeeting(db, id)
}

export function updateMeeting(db: Db, id: number, patch: MeetingPatch, expectedVersion?: number): Meeting {
  inWriteTransaction(db, () => {
    const current = requireMeeting(db, id)
    requireVersion(`Meeting ${id}`, current, expectedVersion, () => getMeeting(db, id))
    const header: meetingsRepo.MeetingHeader = {
      title: patch.title ?? current.title,
      number: patch.number ?? current.number,
      noticeNumber: patch.noticeNumber ?? current.noticeNumber,
      noticeDate: patch.noticeDate === undefined ? current.noticeDate : patch.noticeDate,
      place: patch.place ?? current.place,
      startedAt: patch.startedAt === undefined ? current.startedAt : patch.startedAt,
      endedAt: patch.endedAt === undefined ? current.endedAt : patch.endedAt,
      chair: patch.chair ?? current.chair,
      secretary: patch.secretary ?? current.secretary,
    }
    checkTimes(header.startedAt, header.endedAt)
    meetingsRepo.updateMeetingHeader(db, id, header, timestampAfter(current.updatedAt))
  })
  return getMeeting(db, id)
}

export function deleteMeeting(db: Db, id: number): { id: number } {
  inWriteTransaction(db, () => {
    if (!meetingsRepo.deleteMeetingRow(db, id)) throw meetingNotFound(id)
  })
  return { id }
}

export function addAttendee(db: Db, meetingId: number, fields: AttendeeFields, afterId?: number): Attendee {
  const id = inWriteTransaction(db, () => {
    const meeting = requireMeeting(db, meetingId)
    let sortOrder: number
    if (afterId === undefined) {
      sortOrder = attendeesRepo.nextAttendeeSortOrder(db, meetingId)
    } else {
      const after = attendeesRepo.getStoredAttendee(db, afterId)
      if (!after || after.meetingId !== meetingId) {
        throw new WorkbenchError('bad_request', `Attendee ${afterId} is not an attendee of meeting ${meetingId}`)
      }
      sortOrder = after.sortOrder + 1
      attendeesRepo.shiftAttendeesFrom(db, meetingId, sortOrder)
    }
    const newId = attendeesRepo.insertAttendee(db, meetingId, fields, sortOrder)
    touch(db, meeting)
    return newId
  })
  return attendeesRepo.withoutMeeting(attendeesRepo.getStoredAttendee(db, id)!)
}

export function updateAttendee(db: Db, id: number, fields: AttendeeFields, expectedVersion?: number): Attendee {
  inWriteTransaction(db, () => {
    const current = requireAttendee(db, id)
    requireVersion(`Attendee ${id}`, current, expectedVersion, () => attendeesRepo.withoutMeeting(current))
    attendeesRepo.updateAttendeeFields(db, id, fields)
    touch(db, requireMeeting(db, current.meetingId))
  })
  return attendeesRepo.withoutMeeting(requireAttendee(db, id))
}

/** Removes an attendee; restoreAttendee brings them back in their place. */
export function removeAttendee(db: Db, id: number): { id: number } {
  inWriteTransaction(db, () => {
    const current = requireAttendee(db, id)
    attendeesRepo.setAttendeeDeleted(db, id, nowIso())
    touch(db, requireMeeting(db, current.meetingId))
  })
  return { id }
}

export function restoreAttendee(db: Db, id: number): Attendee {
  inWriteTransaction(db, () => {
    const current = attendeesRepo.getStoredAttendee(db, id)
    if (!current) throw new WorkbenchError('not_found', `Attendee ${id} does not exist`)
    attendeesRepo.setAttendeeDeleted(db, id, null)
    touch(db, requireMeeting(db, current.meetingId))
  })
  return attendeesRepo.withoutMeeting(requireAttendee(db, id))
}

/** People named before, filtered by a query that ignores case and diacritics. */
export function knownAttendees(db: Db, query = '', limit = 50): KnownAttendee[] {
  const needle = fold(query.trim())
  const people = attendeesRepo.listPersonUses(db)
  const matching = needle === '' ? people : people.filter((p) => fold(`${p.name} ${p.post} ${p.organisation}`).includes(needle))
  return matching.slice(0, limit)
}

export function setAgenda(db: Db, meetingId: number, proposalIds: readonly number[]): AgendaItem[] {
  if (new Set(proposalIds).size !== proposalIds.length) {
    throw new WorkbenchError('bad_request', 'proposalIds lists a proposal more than once')
  }
  inWriteTransaction(db, () => {
    const meeting = requireMeeting(db, meetingId)
    const live = new Set(listLiveProposalIds(db, meeting.reportId))
    const stray = proposalIds.filter((id) => !live.has(id))
    if (stray.length > 0) {
      throw new WorkbenchError('bad_request', `Not live proposals of report ${meeting.reportId}: ${stray.join(', ')}`)
    }
    const existing = new Map(agendaRepo.listAgenda(db, meetingId).map((item) => [item.proposalId, item]))
    const wanted = new Set(proposalIds)
    for (const item of existing.values()) if (!wanted.has(item.proposalId)) agendaRepo.deleteAgendaItem(db, item.id)
    proposalIds.forEach((proposalId, index) => {
      const kept = existing.get(proposalId)
      if (kept) agendaRepo.setAgendaSortOrder(db, kept.id, index)
      else agendaRepo.insertAgendaItem(db, meetingId, proposalId, index)
    })
    touch(db, meeting)
  })
  return agendaRepo.listAgenda(db, meetingId)
}

/** Takes an item up; whatever item was still running is closed at the same moment. */
export function startItem(db: Db, agendaItemId: number, at: string = localNow()): AgendaItem[] {
  const meetingId = inWriteTransaction(db, () => {
    const item = requireAgendaItem(db, agendaItemId)
    takeUpItem(db, item, at)
    return item.meetingId
  })
  return agendaRepo.listAgenda(db, meetingId)
}

/**
 * Inside a write transaction: the item starts at `at` and becomes the one meeting mode is on,
 * the item running before it ends then, and a meeting without a start time starts then.
 */
export function takeUpItem(db: Db, item: agendaRepo.StoredAgendaItem, at: string): void {
  for (const running of agendaRepo.listRunningItems(db, item.meetingId)) {
    if (running.id === item.id) continue
    if (running.startedAt! > at) {
      throw new WorkbenchError('bad_request', `Agenda item ${running.id} started at ${running.startedAt}, after ${at}`)
    }
    agendaRepo.setAgendaTimes(db, running.id, running.startedAt, at)
  }
  agendaRepo.setAgendaTimes(db, item.id, at, null)
  const meeting = requireMeeting(db, item.meetingId)
  if (meeting.startedAt === null) meetingsRepo.updateMeetingHeader(db, meeting.id, { ...meeting, startedAt: at }, meeting.updatedAt)
  meetingsRepo.setCurrentItem(db, meeting.id, item.id)
  touch(db, meeting)
}

export function endItem(db: Db, agendaItemId: number, at: string = localNow()): AgendaItem {
  inWriteTransaction(db, () => {
    const item = requireAgendaItem(db, agendaItemId)
    if (item.startedAt === null) throw new WorkbenchError('bad_request', `Agenda item ${agendaItemId} has not been started`)
    if (at < item.startedAt) throw new WorkbenchError('bad_request', `${at} is before the item started (${item.startedAt})`)
    agendaRepo.setAgendaTimes(db, item.id, item.startedAt, at)
    touch(db, requireMeeting(db, item.meetingId))
  })
  return agendaRepo.withoutMeeting(requireAgendaItem(db, agendaItemId))
}

/** Proposals of a meeting's agenda, deleted ones included (the meeting did take them up). */
export function agendaProposals(db: Db, meeting: Pick<Meeting, 'agenda'>): Map<number, Proposal> {
  const proposals = new Map<number, Proposal>()
  for (const item of meeting.agenda) {
    const stored = getStoredProposal(db, item.proposalId)
    if (stored) proposals.set(item.proposalId, stored)
  }
  return proposals
}

export function requireMeeting(db: Db, id: number): meetingsRepo.StoredMeeting {
  const meeting = meetingsRepo.getStoredMeeting(db, id)
  if (!meeting) throw meetingNotFound(id)
  return meeting
}

export function requireAgendaItem(db: Db, id: number): agendaRepo.StoredAgendaItem {
  const item = agendaRepo.getStoredAgendaItem(db, id)
  if (!item) throw new WorkbenchError('not_found', `Agenda item ${id} does not exist`)
  return item
}

/** Marks the meeting as changed; callers run it inside their transaction. */
export function touch(db: Db, meeting: Pick<meetingsRepo.StoredMeeting, 'id' | 'updatedAt'>): void {
  meetingsRepo.touchMeeting(db, meeting.id, timestampAfter(meeting.updatedAt))
}

function requireAttendee(db: Db, id: number): attendeesRepo.StoredAttendee {
  const attendee = attendeesRepo.getStoredAttendee(db, id)
  if (!attendee || attendee.deletedAt !== null) throw new WorkbenchError('not_found', `Attendee ${id} does not exist`)
  return attendee
}

function meetingNotFound(id: number): WorkbenchError {
  return new WorkbenchError('not_found', `Meeting ${id} does not exist`)
}

function checkTimes(startedAt: string | null, endedAt: string | null): void {
  if (startedAt !== null && endedAt !== null && endedAt < startedAt) {
    throw new WorkbenchError('bad_request', `The meeting cannot end (${endedAt}) before it starts (${startedAt})`)
  }
}
