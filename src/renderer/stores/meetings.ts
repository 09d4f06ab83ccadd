// The meetings of the open report and the one being edited or run. Every change is sent at
// once, in order per meeting; answers replace the local copy, and a refusal shows a toast.
// Removing an entry or an attendee, and editing an entry, are steps of the shared undo history.
// Edits of the header, an attendee or an entry name the version they were made on (a conflict
// goes to the conflicts panel; attendee and entry edits live in meetingRecordEdits.ts); what the
// disk refused stays as typed and is kept as a local draft (stores/storage.ts, sent again by
// meetingRetries.ts); changes from other windows come in by sync().
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Args } from '../../core/contract'
import type { AgendaItem, Attendee, AttendeeFields, Meeting, MeetingPatch, MeetingSummary, MinuteEntry } from '../../core/meeting-domain'
import type { ChangedRecord } from '../../core/changes'
import { conflictRecord, toErrorInfo, workbench } from '../api'
import { VersionedWrites } from '../lib/versionedWrites'
import { shownValue, useConflictsStore } from './conflicts'
import type { UndoStep } from '../lib/undoStack'
import { useHistoryStore } from './history'
import { useNotificationsStore } from './notifications'
import { useProposalsStore } from './proposals'
import { meetingRecordEdits } from './meetingRecordEdits'
import { registerMeetingRetries } from './meetingRetries'
import { useStorageStore } from './storage'

export type MeetingPanel = 'details' | 'run' | 'minutes'
export type NewEntry = Omit<Args<'meetings.addEntry'>, 'meetingId'>
export type EntryPatch = Args<'meetings.updateEntry'>['patch']

/** Puts a restored row back in list order. */
function insertSorted<T extends Attendee | MinuteEntry>(list: readonly T[], row: T): T[] {
  return [...list.filter((r) => r.id !== row.id), row].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
}

export const useMeetingsStore = defineStore('meetings', () => {
  const summaries = ref<MeetingSummary[]>([])
  const current = ref<Meeting | null>(null)
  const panel = ref<MeetingPanel>('details')
  const reportId = ref<number | null>(null)
  const notifications = useNotificationsStore()
  const proposals = useProposalsStore()
  const history = useHistoryStore()
  const writes = new VersionedWrites<number>()
  const conflicts = useConflictsStore()
  const storage = useStorageStore()

  const agendaProposals = computed(() =>
    (current.value?.agenda ?? []).map((item) => ({ item, proposal: proposals.find(item.proposalId) ?? null })),
  )

  function summarise(m: Meeting): void {
    const { id, reportId: rid, title, number, place, startedAt, endedAt, updatedAt, version } = m
    const row = { id, reportId: rid, title, number, place, startedAt, endedAt, updatedAt, version }
    const i = summaries.value.findIndex((s) => s.id === m.id)
    if (i === -1) summaries.value.push(row)
    else summaries.value[i] = row
  }

  /**
   * Runs a write for the open meeting in order; null when it was refused. `refused` sees the
   * error first and answers true when it has shown it itself (a conflict), so no toast is due.
   */
  async function write<T>(failureKey: string, task: (meetingId: number) => Promise<T>, refused?: (err: unknown) => boolean): Promise<T | null> {
    const meeting = current.value
    if (!meeting) return null
    try {
      return await writes.run(meeting.id, () => task(meeting.id))
    } catch (err) {
      if (!refused?.(err)) notifications.fail(failureKey, err)
      return null
    }
  }

  /** Edits the disk refused earlier (even before a restart) show again, still marked unsaved. */
  function withDrafts(m: Meeting): Meeting {
    return {
      ...storage.overlay('meeting', m.id, m),
      attendees: m.attendees.map((a) => storage.overlay('attendee', a.id, a)),
      agenda: m.agenda.map((a) => storage.overlay('agenda', a.id, a)),
      entries: m.entries.map((e) => storage.overlay('entry', e.id, e)),
    }
  }

  async function load(id: number): Promise<void> {
    if (reportId.value !== id) {
      current.value = null
      panel.value = 'details'
    }
    reportId.value = id
    try {
      const list = await workbench().meetings.list({ reportId: id })
      if (reportId.value === id) summaries.value = list
    } catch (err) {
      notifications.fail('meetingFailures.load', err)
    }
  }

  async function open(id: number): Promise<void> {
    try {
      current.value = withDrafts(await workbench().meetings.get({ id }))
      panel.value = 'details'
    } catch (err) {
      notifications.fail('meetingFailures.load', err)
    }
  }

  function close(): void {
    current.value = null
  }

  async function create(title: string): Promise<void> {
    const rid = reportId.value
    if (rid === null) return
    try {
      const meeting = await workbench().meetings.create({ reportId: rid, title })
      summarise(meeting)
      current.value = meeting
      panel.value = 'details'
    } catch (err) {
      notifications.fail('meetingFailures.create', err)
    }
  }

  async function remove(id: number): Promise<void> {
    try {
      await writes.run(id, () => workbench().meetings.delete({ id }))
      summaries.value = summaries.value.filter((s) => s.id !== id)
      if (current.value?.id === id) current.value = null
    } catch (err) {
      notifications.fail('meetingFailures.delete', err)
    }
  }

  /** Saves header fields; `baseVersion` is the version the edit was made on (by default the one shown). */
  async function update(patch: MeetingPatch, baseVersion?: number): Promise<void> {
    const meeting = current.value
    if (!meeting) return
    const id = meeting.id
    const base = baseVersion ?? meeting.version
    Object.assign(meeting, patch)
    try {
      const saved = await writes.edit(id, base, (expectedVersion) => workbench().meetings.update({ id, patch, expectedVersion }))
      storage.clearFields('meeting', id, Object.keys(patch))
      summarise(saved)
      if (current.value?.id === saved.id) Object.assign(current.value, { updatedAt: saved.updatedAt, version: saved.version })
    } catch (err) {
      const now = conflictRecord<Meeting>(err)
      if (!now) {
        // A disk refusal keeps the typed values (already shown) as a local draft.
        storage.keepRefused(toErrorInfo(err), 'meeting', id, patch)
        notifications.fail('meetingFailures.save', err)
        return
      }
      summarise(now)
      if (current.value?.id === now.id) current.value = now
      const keys = Object.keys(patch) as (keyof MeetingPatch)[]
      conflicts.report({
        key: `meetings:${id}:${keys.sort().join(',')}`,
        domain: 'meetings',
        subject: now.title,
        fields: keys.map((key) => ({ label: `meetings.${key}`, mine: shownValue(patch[key]), theirs: shownValue(now[key]) })),
        reapply: async () => {
          if (current.value?.id === id) await update(patch, now.version)
        },
      })
    }
  }

  /**
   * Re-reads what another window changed: the list, and the open meeting when it is concerned
   * (after this window's own writes to it have been answered).
   */
  async function sync(records: readonly ChangedRecord[]): Promise<void> {
    const rid = reportId.value
    if (rid === null) return
    try {
      const list = await workbench().meetings.list({ reportId: rid })
      if (reportId.value === rid) summaries.value = list
    } catch {
      return
    }
    const open = current.value
    if (!open || !records.some((r) => r.meetingId === open.id || r.meetingId === undefined)) return
    await writes.idle()
    if (writes.busy(open.id) || current.value?.id !== open.id) return
    try {
      const fresh = await workbench().meetings.get({ id: open.id })
      if (current.value?.id === open.id && !writes.busy(open.id)) current.value = withDrafts(fresh)
    } catch {
      if (!summaries.value.some((s) => s.id === open.id)) current.value = null // deleted elsewhere
    }
  }

  /** True when every change listed is already shown (this window's own writes coming back). */
  function knows(records: readonly ChangedRecord[]): boolean {
    const open = current.value
    return records.every((r) => {
      if (r.version === null) return false
      if (r.kind === 'meeting') {
        const shown = open?.id === r.id ? open : summaries.value.find((s) => s.id === r.id)
        return shown !== undefined && shown.version >= r.version
      }
      if (!open || r.meetingId !== open.id) return false
      const list: readonly { id: number; version: number }[] = r.kind === 'entry' ? open.entries : r.kind === 'attendee' ? open.attendees : []
      const shown = list.find((x) => x.id === r.id)
      return shown !== undefined && shown.version >= r.version
    })
  }

  async function addAttendee(attendee: AttendeeFields): Promise<boolean> {
    const added = await write('meetingFailures.save', (meetingId) => workbench().meetings.addAttendee({ meetingId, attendee }))
    if (added) current.value?.attendees.push(added)
    return added !== null
  }

  /** Removes at once, with a toast (and Ctrl+Z) to bring the person back. */
  async function removeAttendee(id: number, opts: { record?: boolean } = {}): Promise<void> {
    const person = current.value?.attendees.find((a) => a.id === id)
    const done = await write('meetingFailures.save', () => workbench().meetings.removeAttendee({ id }))
    if (!done || !current.value) return
    current.value.attendees = current.value.attendees.filter((a) => a.id !== id)
    if (opts.record === false) return
    const step: UndoStep = { undo: () => restoreAttendee(id), redo: () => removeAttendee(id, { record: false }) }
    offerUndo(step, { key: 'entryEdit.attendeeRemoved', params: { name: person?.name || person?.post || '…' } })
  }

  async function restoreAttendee(id: number): Promise<void> {
    const back = await write('meetingFailures.save', () => workbench().meetings.restoreAttendee({ id }))
    if (back && current.value) current.value.attendees = insertSorted(current.value.attendees, back)
  }

  async function setAgenda(proposalIds: number[]): Promise<void> {
    const agenda = await write('meetingFailures.save', (meetingId) => workbench().meetings.setAgenda({ meetingId, proposalIds }))
    if (agenda && current.value) current.value.agenda = agenda
  }

  async function startItem(agendaItemId: number): Promise<void> {
    const agenda = await write('meetingFailures.save', () => workbench().meetings.startItem({ agendaItemId }))
    if (agenda && current.value) {
      current.value.agenda = agenda
      current.value.currentItemId = agendaItemId
    }
  }

  async function endItem(agendaItemId: number): Promise<void> {
    const item = await write('meetingFailures.save', () => workbench().meetings.endItem({ agendaItemId }))
    if (item) putItem(item)
  }

  /** Corrects when an item was discussed; times the disk refused stay shown and are kept as a draft. */
  async function setItemTimes(agendaItemId: number, startedAt: string | null, endedAt: string | null): Promise<void> {
    const meetingId = current.value?.id
    const before = current.value?.agenda.find((a) => a.id === agendaItemId)
    const times = { startedAt, endedAt }
    const item = await write(
      'meetingFailures.save',
      () => workbench().meetings.setItemTimes({ agendaItemId, ...times }),
      (err) => {
        if (before && storage.keepRefused(toErrorInfo(err), 'agenda', agendaItemId, times, meetingId)) putItem({ ...before, ...times })
        return false
      },
    )
    if (!item) return
    storage.clearFields('agenda', agendaItemId, Object.keys(times))
    putItem(item)
  }

  function putItem(item: AgendaItem): void {
    const list = current.value?.agenda
    const i = list?.findIndex((a) => a.id === item.id) ?? -1
    if (list && i >= 0) list[i] = item
  }

  /** *Bắt đầu họp*: the meeting gets its start time (once) and meeting mode opens where it was left. */
  async function begin(): Promise<void> {
    const meeting = await write('meetingFailures.save', (id) => workbench().meetings.begin({ id }))
    if (meeting && current.value?.id === meeting.id) replace(meeting)
    if (current.value) panel.value = 'run'
  }

  /** *Kết thúc họp*: the running item and the meeting end now. */
  async function finish(): Promise<boolean> {
    const meeting = await write('meetingFailures.save', (id) => workbench().meetings.finish({ id }))
    if (meeting && current.value?.id === meeting.id) replace(meeting)
    return meeting !== null
  }

  /** Meeting mode moved to another item: remembered, not timed. */
  function setCurrentItem(agendaItemId: number): void {
    if (!current.value || current.value.currentItemId === agendaItemId) return
    current.value.currentItemId = agendaItemId
    void write('meetingFailures.save', (meetingId) => workbench().meetings.setCurrentItem({ meetingId, agendaItemId }))
  }

  function replace(meeting: Meeting): void {
    current.value = meeting
    summarise(meeting)
  }

  /**
   * Records an entry; a decision's new status shows in the checklist at once, and an item first
   * recorded on gets its start. One the disk refused is kept as a draft of its capture form.
   */
  async function addEntry(entry: NewEntry): Promise<boolean> {
    const meetingId = current.value?.id
    const form = entry.agendaItemId ?? 0
    const change = await write(
      'meetingFailures.save',
      (id) => workbench().meetings.addEntry({ meetingId: id, ...entry }),
      (err) => (storage.keepRefused(toErrorInfo(err), 'capture', form, { [entry.kind]: entry }, meetingId), false),
    )
    if (!change) return false
    storage.clearDraft('capture', form, entry.kind)
    current.value?.entries.push(change.entry)
    applyProposal(change.proposal)
    const item = current.value?.agenda.find((a) => a.id === change.entry.agendaItemId)
    // The back end took the item up (and maybe the meeting): fetch the times it set.
    if (item && item.startedAt === null) await refreshTimes()
    return true
  }

  async function refreshTimes(): Promise<void> {
    const meeting = current.value
    if (!meeting) return
    try {
      const fresh = await workbench().meetings.get({ id: meeting.id })
      if (current.value?.id !== fresh.id) return
      Object.assign(current.value, { agenda: fresh.agenda, startedAt: fresh.startedAt, endedAt: fresh.endedAt, currentItemId: fresh.currentItemId })
      summarise(fresh)
    } catch (err) {
      notifications.fail('meetingFailures.load', err)
    }
  }

  function applyProposal(proposal: { id: number } | null): void {
    const live = proposal ? proposals.find(proposal.id) : undefined
    if (live && proposal) Object.assign(live, { ...proposal, sortOrder: live.sortOrder })
  }

  /** Removes at once, with a toast (and Ctrl+Z) to bring the entry back. */
  async function removeEntry(id: number, opts: { record?: boolean } = {}): Promise<void> {
    const done = await write('meetingFailures.save', () => workbench().meetings.removeEntry({ id }))
    if (!done || !current.value) return
    current.value.entries = current.value.entries.filter((e) => e.id !== id)
    if (opts.record === false) return
    offerUndo({ undo: () => restoreEntry(id), redo: () => removeEntry(id, { record: false }) }, { key: 'entryEdit.removed' })
  }

  async function restoreEntry(id: number): Promise<void> {
    const back = await write('meetingFailures.save', () => workbench().meetings.restoreEntry({ id }))
    if (back && current.value) current.value.entries = insertSorted(current.value.entries, back)
  }

  function offerUndo(step: UndoStep, message: { key: string; params?: Record<string, string> }): void {
    history.push(step)
    notifications.push({
      tone: 'info',
      message,
      action: { label: { key: 'entryEdit.undo' }, run: () => void (history.peek() === step ? history.undo() : step.undo()) },
    })
  }

  const { updateAttendee, updateEntry } = meetingRecordEdits({ current, write, storage, conflicts, history, applyProposal })
  registerMeetingRetries(storage, { current, update, updateAttendee, updateEntry, addEntry, setItemTimes })

  // prettier-ignore
  return {
    summaries, current, panel, reportId, agendaProposals,
    load, open, close, create, remove, update, sync, knows,
    addAttendee, updateAttendee, removeAttendee, restoreAttendee, setAgenda, startItem, endItem, setItemTimes,
    begin, finish, setCurrentItem, addEntry, updateEntry, removeEntry, restoreEntry,
  }
})
