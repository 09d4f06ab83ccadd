// Running a meeting live: *Bắt đầu họp* gives the meeting its start time, *Kết thúc họp* ends
// the item under discussion and the meeting together, meeting mode remembers the item it is
// on, and the time of an item can be corrected afterwards. Every write is one transaction.
import { WorkbenchError } from '../../core/errors'
import type { AgendaItem, Meeting } from '../../core/meeting-domain'
import * as agendaRepo from '../db/meetings-agenda'
import * as meetingsRepo from '../db/meetings'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { localNow } from './local-time'
import { getMeeting, requireAgendaItem, requireMeeting, touch } from './meetings'

/**
 * The meeting starts at `at` unless it already has a start. An end time already set stays
 * (re-entering meeting mode to look or correct loses nothing); *Kết thúc họp* sets it again.
 */
export function beginMeeting(db: Db, id: number, at: string = localNow()): Meeting {
  inWriteTransaction(db, () => {
    const meeting = requireMeeting(db, id)
    if (meeting.startedAt !== null) return
    const endedAt = meeting.endedAt !== null && meeting.endedAt < at ? null : meeting.endedAt
    meetingsRepo.updateMeetingHeader(db, id, { ...meeting, startedAt: at, endedAt }, meeting.updatedAt)
    touch(db, meeting)
  })
  return getMeeting(db, id)
}

/** Ends the item still under discussion and the meeting at `at` (never before they started). */
export function finishMeeting(db: Db, id: number, at: string = localNow()): Meeting {
  inWriteTransaction(db, () => {
    const meeting = requireMeeting(db, id)
    let end = at
    for (const running of agendaRepo.listRunningItems(db, id)) {
      const itemEnd = running.startedAt! > at ? running.startedAt! : at
      agendaRepo.setAgendaTimes(db, running.id, running.startedAt, itemEnd)
      if (itemEnd > end) end = itemEnd
    }
    const startedAt = meeting.startedAt ?? end
    const endedAt = startedAt > end ? startedAt : end
    meetingsRepo.updateMeetingHeader(db, id, { ...meeting, startedAt, endedAt }, meeting.updatedAt)
    touch(db, meeting)
  })
  return getMeeting(db, id)
}

/** Remembers the item meeting mode shows, without giving it a time. */
export function setCurrentItem(db: Db, meetingId: number, agendaItemId: number | null): { currentItemId: number | null } {
  inWriteTransaction(db, () => {
    requireMeeting(db, meetingId)
    if (agendaItemId !== null && requireAgendaItem(db, agendaItemId).meetingId !== meetingId) {
      throw new WorkbenchError('bad_request', `Agenda item ${agendaItemId} belongs to another meeting`)
    }
    meetingsRepo.setCurrentItem(db, meetingId, agendaItemId)
  })
  return { currentItemId: agendaItemId }
}

/** Corrects when an item was discussed; null clears a time (an item never taken up has neither). */
export function setItemTimes(db: Db, agendaItemId: number, startedAt: string | null, endedAt: string | null): AgendaItem {
  if (startedAt === null && endedAt !== null) throw new WorkbenchError('bad_request', 'An item cannot end without a start time')
  if (startedAt !== null && endedAt !== null && endedAt < startedAt) {
    throw new WorkbenchError('bad_request', `The item cannot end (${endedAt}) before it starts (${startedAt})`)
  }
  inWriteTransaction(db, () => {
    const item = requireAgendaItem(db, agendaItemId)
    agendaRepo.setAgendaTimes(db, item.id, startedAt, endedAt)
    touch(db, requireMeeting(db, item.meetingId))
  })
  return agendaRepo.withoutMeeting(requireAgendaItem(db, agendaItemId))
}
