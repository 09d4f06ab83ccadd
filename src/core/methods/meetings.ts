// Contract methods — Meetings over a report: header, attendees, agenda of checklist proposals,
// and the entries recorded during the session.
import { z } from 'zod'
import { ExpectedVersion, Id, IsoDate, ProposalStatus, vnLabel, vnText } from '../domain'
import {
  AgendaItem,
  Attendee,
  AttendeeFields,
  DocNumber,
  EntryChange,
  EntryKind,
  KnownAttendee,
  LocalDateTime,
  Meeting,
  MeetingPatch,
  MeetingSummary,
  MinuteEntry,
  PersonRef,
} from '../meeting-domain'
import { method } from './define'

/** Fields of a minute entry a user writes. */
const EntryFields = z.object({
  agendaItemId: Id.nullable(),
  kind: EntryKind,
  speaker: vnText(500),
  text: vnText(20_000),
  proposalStatus: ProposalStatus.nullable(),
  owner: vnText(500),
  due: IsoDate.nullable(),
  at: LocalDateTime.nullable(),
})

export const meetingsMethods = {
  'meetings.list': method('Meetings held over a report, earliest first.', z.object({ reportId: Id }), z.array(MeetingSummary)),
  'meetings.get': method(
    'One meeting with its attendees, agenda, entries and saved minutes edits.',
    z.object({ id: Id }),
    Meeting,
  ),
  'meetings.create': method(
    'Starts a meeting over a report; header fields not given start empty.',
    z.object({
      reportId: Id,
      title: vnLabel(1_000),
      number: DocNumber.optional(),
      place: vnText(500).optional(),
      startedAt: LocalDateTime.nullable().optional(),
      endedAt: LocalDateTime.nullable().optional(),
      chair: PersonRef.optional(),
      secretary: PersonRef.optional(),
    }),
    Meeting,
  ),
  'meetings.update': method(
    'Changes header fields of a meeting; with `expectedVersion`, only if nobody changed them since that version.',
    z.object({ id: Id, patch: MeetingPatch, expectedVersion: ExpectedVersion }),
    Meeting,
  ),
  'meetings.delete': method(
    'Deletes a meeting with its attendees, agenda, entries and minutes edits (proposals stay).',
    z.object({ id: Id }),
    z.object({ id: Id }),
  ),
  'meetings.addAttendee': method(
    'Adds an attendee at the end of the list, or after `afterId`.',
    z.object({ meetingId: Id, attendee: AttendeeFields, afterId: Id.optional() }),
    Attendee,
  ),
  'meetings.updateAttendee': method(
    'Changes an attendee; with `expectedVersion`, only if nobody changed it since that version.',
    z.object({ id: Id, attendee: AttendeeFields, expectedVersion: ExpectedVersion }),
    Attendee,
  ),
  'meetings.removeAttendee': method('Removes an attendee.', z.object({ id: Id }), z.object({ id: Id })),
  'meetings.knownAttendees': method(
    'People named in earlier meetings (attendees, chairs, secretaries), most used first, for quick entry; `query` filters ignoring diacritics.',
    z.object({ query: vnText(200).optional(), limit: z.number().int().min(1).max(500).optional() }),
    z.array(KnownAttendee),
  ),
  'meetings.setAgenda': method(
    'Sets the agenda: live proposals of the meeting\'s report, in order. Items kept keep their times and entries; entries of removed items stay, about the meeting as a whole.',
    z.object({ meetingId: Id, proposalIds: z.array(Id).max(2_000) }),
    z.array(AgendaItem),
  ),
  'meetings.startItem': method(
    'Marks an agenda item as taken up now (or at `at`); an item still running in the meeting is ended at the same time.',
    z.object({ agendaItemId: Id, at: LocalDateTime.optional() }),
    z.array(AgendaItem),
  ),
  'meetings.endItem': method(
    'Marks an agenda item as closed now (or at `at`).',
    z.object({ agendaItemId: Id, at: LocalDateTime.optional() }),
    AgendaItem,
  ),
  'meetings.addEntry': method(
    'Records a discussion, decision or action. A decision with proposalStatus also sets the status of the agenda item\'s proposal, in the same transaction.',
    z.object({
      meetingId: Id,
      agendaItemId: Id.nullable().optional(),
      kind: EntryKind,
      speaker: vnText(500).optional(),
      text: vnText(20_000).refine((t) => t.trim() !== '', 'the entry text is empty'),
      proposalStatus: ProposalStatus.nullable().optional(),
      owner: vnText(500).optional(),
      due: IsoDate.nullable().optional(),
      at: LocalDateTime.nullable().optional(),
    }),
    EntryChange,
  ),
  'meetings.updateEntry': method(
    'Changes an entry; a decision whose proposalStatus is set updates the proposal in the same transaction. With `expectedVersion`, only if nobody changed the entry since that version.',
    z.object({ id: Id, patch: EntryFields.partial(), expectedVersion: ExpectedVersion }),
    EntryChange,
  ),
  'meetings.removeEntry': method(
    'Removes an entry (a proposal status it set is left as it is); meetings.restoreEntry brings it back.',
    z.object({ id: Id }),
    z.object({ id: Id }),
  ),
  'meetings.restoreEntry': method('Undoes the removal of an entry, in its place.', z.object({ id: Id }), MinuteEntry),
  'meetings.restoreAttendee': method('Undoes the removal of an attendee, in their place.', z.object({ id: Id }), Attendee),
  'meetings.begin': method(
    'Starts the meeting live: the start time is set to now (or `at`) unless it has one; an end time already set stays until meetings.finish sets it again.',
    z.object({ id: Id, at: LocalDateTime.optional() }),
    Meeting,
  ),
  'meetings.finish': method(
    'Ends the meeting now (or at `at`): the agenda item still under discussion ends too, and the end time is set.',
    z.object({ id: Id, at: LocalDateTime.optional() }),
    Meeting,
  ),
  'meetings.setCurrentItem': method(
    'Remembers the agenda item meeting mode is on (gives it no time), so re-entering returns there.',
    z.object({ meetingId: Id, agendaItemId: Id.nullable() }),
    z.object({ currentItemId: Id.nullable() }),
  ),
  'meetings.setItemTimes': method(
    'Corrects when an agenda item was discussed; null clears a time.',
    z.object({ agendaItemId: Id, startedAt: LocalDateTime.nullable(), endedAt: LocalDateTime.nullable() }),
    AgendaItem,
  ),
} as const
