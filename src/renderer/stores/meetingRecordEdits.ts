// Edits of a meeting's attendees and recorded entries, for the meetings store: shown at once,
// each naming the version it was made on (own saves in a row chained, so typing never conflicts
// with itself); a change made elsewhere meanwhile goes to the conflicts panel with both values,
// and what the disk refused stays shown and is kept as a local draft.
import type { Ref } from 'vue'
import type { Attendee, AttendeeFields, Meeting, MinuteEntry } from '../../core/meeting-domain'
import { conflictRecord, toErrorInfo, workbench } from '../api'
import { VersionChain } from '../lib/versionChain'
import { shownValue, type useConflictsStore } from './conflicts'
import type { useHistoryStore } from './history'
import type { EntryPatch } from './meetings'
import type { useStorageStore } from './storage'

const ATTENDEE_LABELS = { name: 'meetings.personName', post: 'meetings.personPost', organisation: 'meetings.organisation' } as const
const ENTRY_LABELS: Partial<Record<keyof EntryPatch, string>> = {
  text: 'entryEdit.text',
  speaker: 'entryEdit.speaker',
  kind: 'entryEdit.kind',
  owner: 'meetingMode.owner',
  due: 'meetingMode.due',
  proposalStatus: 'meetingMode.newStatus',
}

interface Deps {
  current: Ref<Meeting | null>
  /** The store's ordered write for the open meeting; `refused` sees a failure first. */
  write: <T>(failureKey: string, task: (meetingId: number) => Promise<T>, refused?: (err: unknown) => boolean) => Promise<T | null>
  storage: ReturnType<typeof useStorageStore>
  conflicts: ReturnType<typeof useConflictsStore>
  history: ReturnType<typeof useHistoryStore>
  applyProposal: (proposal: { id: number } | null) => void
}

export function meetingRecordEdits({ current, write, storage, conflicts, history, applyProposal }: Deps) {
  /** Own saves of attendees and entries, chained like the meetings' (their writes queue by meeting). */
  const attendeeVersions = new VersionChain<number>()
  const entryVersions = new VersionChain<number>()

  function putAttendee(row: Attendee): void {
    const list = current.value?.attendees
    const i = list?.findIndex((a) => a.id === row.id) ?? -1
    if (list && i >= 0) list[i] = row
  }

  /**
   * Changes an attendee, shown at once; `baseVersion` is the version the edit was made on (by
   * default the one shown). A change made elsewhere meanwhile goes to the conflicts panel.
   */
  async function updateAttendee(id: number, attendee: AttendeeFields, baseVersion?: number): Promise<boolean> {
    const meeting = current.value
    const before = meeting?.attendees.find((a) => a.id === id)
    if (!meeting || !before) return false
    const base = baseVersion ?? before.version
    putAttendee({ ...before, ...attendee })
    const saved = await write(
      'meetingFailures.save',
      async () => {
        const expectedVersion = attendeeVersions.resolve(id, base)
        const row = await workbench().meetings.updateAttendee({ id, attendee, expectedVersion })
        attendeeVersions.advance(id, expectedVersion, row.version)
        return row
      },
      (err) => {
        const now = conflictRecord<Attendee>(err)
        if (now) {
          putAttendee(now)
          conflicts.report({
            key: `attendees:${id}`,
            domain: 'meetings',
            subject: shownValue(now),
            fields: (['name', 'post', 'organisation'] as const)
              .filter((key) => attendee[key] !== now[key])
              .map((key) => ({ label: ATTENDEE_LABELS[key], mine: attendee[key], theirs: now[key] })),
            reapply: () => updateAttendee(id, attendee, now.version),
          })
          return true
        }
        if (!storage.keepRefused(toErrorInfo(err), 'attendee', id, attendee, meeting.id)) putAttendee(before)
        return false
      },
    )
    if (!saved) return false
    storage.clearFields('attendee', id, Object.keys(attendee))
    putAttendee(storage.overlay('attendee', id, saved))
    return true
  }

  function putEntry(row: MinuteEntry): void {
    if (current.value) current.value.entries = current.value.entries.map((e) => (e.id === row.id ? row : e))
  }

  /**
   * Changes an entry's text, speaker, kind or item; undoable. `baseVersion` is the version the
   * edit was made on (by default the one shown): a change made elsewhere meanwhile goes to the
   * conflicts panel (answered true: the edit is in the panel, the editor may close); one the
   * disk refused stays shown and kept (answered false: the editor stays open on the typed text).
   */
  async function updateEntry(id: number, patch: EntryPatch, opts: { record?: boolean; baseVersion?: number } = {}): Promise<boolean> {
    const meeting = current.value
    const before = meeting?.entries.find((e) => e.id === id)
    if (!meeting || !before) return false
    const base = opts.baseVersion ?? before.version
    let conflicted = false
    const change = await write(
      'meetingFailures.save',
      async () => {
        const expectedVersion = entryVersions.resolve(id, base)
        const answer = await workbench().meetings.updateEntry({ id, patch, expectedVersion })
        entryVersions.advance(id, expectedVersion, answer.entry.version)
        return answer
      },
      (err) => {
        const now = conflictRecord<MinuteEntry>(err)
        if (now) {
          conflicted = true
          putEntry(now)
          reportEntryConflict(now, patch)
          return true
        }
        if (storage.keepRefused(toErrorInfo(err), 'entry', id, patch, meeting.id)) putEntry({ ...before, ...patch })
        return false
      },
    )
    if (!change || !current.value) return conflicted
    storage.clearFields('entry', id, Object.keys(patch))
    putEntry(storage.overlay('entry', id, change.entry))
    applyProposal(change.proposal)
    if (opts.record !== false) {
      const old = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof MinuteEntry]])) as EntryPatch
      let version = change.entry.version
      const step = async (to: EntryPatch) => {
        if (await updateEntry(id, to, { record: false, baseVersion: version })) {
          version = current.value?.entries.find((e) => e.id === id)?.version ?? version
        }
      }
      history.push({ undo: () => step(old), redo: () => step(patch) })
    }
    return true
  }

  function reportEntryConflict(now: MinuteEntry, patch: EntryPatch): void {
    const keys = (Object.keys(patch) as (keyof EntryPatch)[]).filter((k) => k in ENTRY_LABELS)
    conflicts.report({
      key: `entries:${now.id}:${keys.sort().join(',')}`,
      domain: 'meetings',
      subject: now.text,
      fields: keys.map((key) => ({
        label: ENTRY_LABELS[key]!,
        mine: shownValue(patch[key]),
        theirs: shownValue(now[key as keyof MinuteEntry]),
        ...(key === 'kind' ? { valueKey: 'meetingMode.kinds' } : key === 'proposalStatus' ? { valueKey: 'status' } : {}),
      })),
      reapply: () => updateEntry(now.id, patch, { baseVersion: now.version }),
    })
  }

  return { updateAttendee, updateEntry }
}
