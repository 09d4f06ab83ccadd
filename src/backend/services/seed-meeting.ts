// The bundled sample meeting (meeting.json beside the sample report): stored with the sample
// on first use, and added once to data directories seeded before meetings existed.
import type { SampleMeeting } from '../../core/data-files'
import { countMeetingsOfReport, insertMeeting } from '../db/meetings'
import { insertAgendaItem, setAgendaTimes } from '../db/meetings-agenda'
import { insertAttendee } from '../db/meetings-attendees'
import { insertEntry } from '../db/meetings-entries'
import { listLiveProposals, updateProposalFields } from '../db/proposals'
import { clearPendingSeed, isSeedPending } from '../db/pending-seeds'
import { prepare } from '../db/statements'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { loadDefaultSample } from './bundled-data'
import { nowIso } from './clock'

/** The pending_seeds entry migration 0030 leaves in databases seeded before meetings existed. */
export const SAMPLE_MEETING_SEED = 'sample_meeting'

/**
 * Stores the sample meeting over `reportId`, its agenda resolved by checklist title; returns
 * the meeting id, or null when a title is no longer in the checklist (the user changed it).
 * Callers run it inside their transaction.
 */
export function insertSampleMeeting(db: Db, reportId: number, sample: SampleMeeting): number | null {
  const byTitle = new Map(listLiveProposals(db, reportId).map((p) => [p.title, p]))
  const missing = sample.agenda.filter((a) => !byTitle.has(a.proposal))
  if (missing.length > 0) {
    console.warn(`[seed] sample meeting not added: ${missing.length} agenda proposal(s) not in the checklist, e.g. "${missing[0]!.proposal}"`)
    return null
  }
  const at = nowIso()
  const meetingId = insertMeeting(
    db,
    reportId,
    {
      title: sample.title,
      number: sample.number,
      noticeNumber: sample.noticeNumber,
      noticeDate: null,
      place: sample.place,
      startedAt: sample.startedAt,
      endedAt: sample.endedAt,
      chair: sample.chair,
      secretary: sample.secretary,
    },
    at,
  )
  sample.attendees.forEach((a, i) => insertAttendee(db, meetingId, a, i))
  const itemIds = new Map<string, number>()
  sample.agenda.forEach((a, i) => {
    const id = insertAgendaItem(db, meetingId, byTitle.get(a.proposal)!.id, i)
    if (a.startedAt !== null) setAgendaTimes(db, id, a.startedAt, a.endedAt)
    itemIds.set(a.proposal, id)
  })
  sample.entries.forEach((e, i) => {
    const agendaItemId = e.agendaItem === null ? null : itemIds.get(e.agendaItem)!
    insertEntry(db, meetingId, { ...e, agendaItemId }, i, at)
    if (e.proposalStatus !== null && e.agendaItem !== null) {
      const { id, reportId: _r, sortOrder: _s, createdAt: _c, updatedAt: _u, ...fields } = byTitle.get(e.agendaItem)!
      updateProposalFields(db, id, { ...fields, status: e.proposalStatus }, at)
    }
  })
  return meetingId
}

/**
 * For a data directory seeded before meetings existed (migration 0030 marks it): adds the
 * sample meeting once, when the sample report is there and has no meeting yet.
 */
export function seedSampleMeetingOnce(db: Db, bundledDataDir: string): number | null {
  if (!isSeedPending(db, SAMPLE_MEETING_SEED)) return null
  const sample = loadDefaultSample(bundledDataDir)
  return inWriteTransaction(db, () => {
    if (!isSeedPending(db, SAMPLE_MEETING_SEED)) return null
    let meetingId: number | null = null
    const reportId = findSampleReport(db, sample.meta.title, sample.meta.date)
    if (sample.meeting && reportId !== undefined && countMeetingsOfReport(db, reportId) === 0) {
      meetingId = insertSampleMeeting(db, reportId, sample.meeting)
    }
    clearPendingSeed(db, SAMPLE_MEETING_SEED)
    return meetingId
  })
}

function findSampleReport(db: Db, title: string, date: string): number | undefined {
  return prepare<{ id: number }>(db, 'SELECT id FROM reports WHERE title = ? AND date = ? ORDER BY id LIMIT 1').get(title, date)?.id
}
