// The preview of a meeting's minutes and the saving of its sections: edits go out one after
// another and only the answer to the latest call is shown. Each save names the section's edit
// the typing began from (null: the generated text), so an edit made over another window's is a
// conflict for the conflicts panel, while this pane's own saves in a row chain and never
// conflict with themselves. A section the disk refused keeps its text, shown over the preview
// and kept as a local draft until *Lưu lại* (stores/meetingRetries.ts) stores it.
import { ref, type Ref } from 'vue'
import type { MinutesKind, MinutesPreview } from '../../core/meeting-domain'
import { conflictPreview, toErrorInfo, workbench } from '../api'
import { VersionChain } from '../lib/versionChain'
import { useConflictsStore } from '../stores/conflicts'
import { useNotificationsStore } from '../stores/notifications'
import { useStorageStore } from '../stores/storage'

export function useMinutesPreview(meetingId: () => number, kind: Ref<MinutesKind>) {
  const preview = ref<MinutesPreview | null>(null)
  const notifications = useNotificationsStore()
  const conflicts = useConflictsStore()
  const storage = useStorageStore()
  const ownEdits = new VersionChain<string, string | null>()
  let saving: Promise<unknown> = Promise.resolve()
  let seq = 0

  /** Sections the disk refused earlier (even before a reload) show their typed text. */
  function withDrafts(p: MinutesPreview, id: number, k: MinutesKind): MinutesPreview {
    return { ...p, sections: p.sections.map((s) => storage.overlay('section', `${id}:${k}:${s.key}`, s)) }
  }

  async function refresh(): Promise<void> {
    const mine = ++seq
    try {
      const fresh = await workbench().minutes.preview({ meetingId: meetingId(), kind: kind.value })
      if (mine === seq) preview.value = withDrafts(fresh, meetingId(), kind.value)
    } catch (err) {
      notifications.fail('meetingFailures.preview', err)
    }
  }

  function saveSection(key: string, text: string | null, shownEdit: string | null, k: MinutesKind = kind.value): Promise<unknown> {
    const id = meetingId()
    saving = saving.then(async () => {
      const mine = ++seq
      try {
        const expectedEdit = ownEdits.resolve(`${id}:${k}:${key}`, shownEdit)
        const fresh = await workbench().minutes.saveEdits({ meetingId: id, kind: k, edits: [{ key, text, expectedEdit }] })
        const section = fresh.sections.find((s) => s.key === key)
        ownEdits.advance(`${id}:${k}:${key}`, expectedEdit, section?.edited ? section.text : null)
        storage.clearDraft('section', `${id}:${k}:${key}`, 'text')
        if (mine === seq && k === kind.value && id === meetingId()) preview.value = withDrafts(fresh, id, k)
      } catch (err) {
        const now = conflictPreview(err)
        if (!now) {
          // A disk refusal keeps the typed text; a reset (null) is simply done again later.
          if (text !== null) storage.keepRefused(toErrorInfo(err), 'section', `${id}:${k}:${key}`, { text }, id)
          return void notifications.fail('meetingFailures.save', err)
        }
        if (k === kind.value && id === meetingId()) preview.value = now
        const section = now.sections.find((s) => s.key === key)
        conflicts.report({
          key: `minutes:${id}:${k}:${key}`,
          domain: 'minutes',
          subject: section?.label ?? key,
          fields: [{ label: 'entryEdit.text', mine: text ?? section?.generatedText ?? '', theirs: section?.text ?? '' }],
          reapply: () => saveSection(key, text, section?.edited ? section.text : null, k),
        })
      }
    })
    return saving
  }

  return { preview, refresh, saveSection }
}
