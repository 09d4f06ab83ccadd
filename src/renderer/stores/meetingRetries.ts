// *Lưu lại* for meetings: sends again what the disk refused (a meeting's fields, an attendee, an
// entry edit, a newly captured entry, an agenda item's times, a section of the minutes). On the open meeting it goes through the store (shown,
// versioned, undoable as usual); for another meeting straight to the back end, the draft kept
// until it is stored.
import type { Ref } from 'vue'
import type { AttendeeFields, Meeting, MeetingPatch } from '../../core/meeting-domain'
import { toErrorInfo, workbench } from '../api'
import type { EntryPatch, NewEntry } from './meetings'
import type { DraftRecord, useStorageStore } from './storage'

interface MeetingWrites {
  current: Ref<Meeting | null>
  update: (patch: MeetingPatch) => Promise<void>
  updateAttendee: (id: number, attendee: AttendeeFields) => Promise<boolean>
  updateEntry: (id: number, patch: EntryPatch, opts: { record?: boolean }) => Promise<boolean>
  addEntry: (entry: NewEntry) => Promise<boolean>
  setItemTimes: (agendaItemId: number, startedAt: string | null, endedAt: string | null) => Promise<void>
}

export function registerMeetingRetries(storage: ReturnType<typeof useStorageStore>, store: MeetingWrites): void {
  const open = (meetingId: number | undefined) => meetingId !== undefined && store.current.value?.id === meetingId
  /** A draft of a meeting that is not open: stored directly, kept again when still refused. */
  async function direct(d: DraftRecord, call: () => Promise<unknown>, fields: string[]): Promise<void> {
    try {
      await call()
      storage.clearFields(d.kind, d.id, fields)
    } catch (err) {
      storage.noteError(toErrorInfo(err))
    }
  }

  storage.onRetry('meeting', async (d) => {
    const id = Number(d.id)
    const patch = d.patch as MeetingPatch
    if (open(id)) await store.update(patch)
    else await direct(d, () => workbench().meetings.update({ id, patch }), Object.keys(patch))
  })
  storage.onRetry('attendee', async (d) => {
    const id = Number(d.id)
    const attendee = d.patch as AttendeeFields
    if (open(d.meetingId) && store.current.value?.attendees.some((a) => a.id === id)) await store.updateAttendee(id, attendee)
    else await direct(d, () => workbench().meetings.updateAttendee({ id, attendee }), Object.keys(attendee))
  })
  storage.onRetry('entry', async (d) => {
    const id = Number(d.id)
    const patch = d.patch as EntryPatch
    if (open(d.meetingId) && store.current.value?.entries.some((e) => e.id === id)) await store.updateEntry(id, patch, { record: false })
    else await direct(d, () => workbench().meetings.updateEntry({ id, patch }), Object.keys(patch))
  })
  storage.onRetry('agenda', async (d) => {
    const agendaItemId = Number(d.id)
    const item = store.current.value?.agenda.find((a) => a.id === agendaItemId)
    const times = { startedAt: null, endedAt: null, ...item, ...d.patch } as { startedAt: string | null; endedAt: string | null }
    if (open(d.meetingId) && item) await store.setItemTimes(agendaItemId, times.startedAt, times.endedAt)
    else await direct(d, () => workbench().meetings.setItemTimes({ agendaItemId, startedAt: times.startedAt, endedAt: times.endedAt }), Object.keys(d.patch))
  })
  // Sent without the edit it was made on: the user chose to save these words again.
  storage.onRetry('section', async (d) => {
    const [meetingId, kind, ...key] = String(d.id).split(':')
    const text = (d.patch.text ?? null) as string | null
    if (kind !== 'bienban' && kind !== 'thongbao') return
    await direct(d, () => workbench().minutes.saveEdits({ meetingId: Number(meetingId), kind, edits: [{ key: key.join(':'), text }] }), ['text'])
  })
  storage.onRetry('capture', async (d) => {
    const entry = d.value as NewEntry
    if (open(d.meetingId)) await store.addEntry(entry)
    else if (d.meetingId !== undefined) {
      const meetingId = d.meetingId
      await direct(d, () => workbench().meetings.addEntry({ meetingId, ...entry }), [d.field])
    }
  })
}
