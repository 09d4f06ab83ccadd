// Annotations of the open report: the list in document order, the selection waiting to be
// annotated, the one being edited, and every change saved at once (rolled back on refusal; one
// the disk refused stays as typed and is kept as a local draft, see stores/storage.ts).
// Edits name the version they were made on (a conflict goes to the conflicts panel); changes
// from other windows come in by sync().
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnnotationView, AnnotationPatch } from '../../core/annotation-domain'
import type { ChangedRecord } from '../../core/changes'
import { conflictRecord, toErrorInfo, workbench } from '../api'
import { VersionedWrites } from '../lib/versionedWrites'
import { shownValue, useConflictsStore } from './conflicts'
import type { TextRange } from '../lib/sourceMark'
import type { UndoStep } from '../lib/undoStack'
import { useHistoryStore } from './history'
import { useNotificationsStore } from './notifications'
import { useStorageStore } from './storage'

export interface PendingSelection extends TextRange {
  /** Where to float the action bar (viewport coordinates). */
  x: number
  y: number
}

const FIELD_LABELS: Record<keyof AnnotationPatch, string> = {
  body: 'annotations.note',
  kind: 'annotations.kind',
  colour: 'annotations.colour',
  tags: 'annotations.tags',
  includeInMinutes: 'annotations.includeInMinutes',
}
const VALUE_KEYS: Partial<Record<keyof AnnotationPatch, string>> = {
  kind: 'annotations.kinds',
  colour: 'annotations.colours',
  includeInMinutes: 'live.yesNo',
}

export const useAnnotationsStore = defineStore('annotations', () => {
  // Shallow: annotations are replaced, never changed in place, so thousands of them need no
  // reactive proxies (reading them through proxies slowed every highlight pass).
  const items = shallowRef<readonly AnnotationView[]>([])
  const reportId = ref<number | null>(null)
  const selection = ref<PendingSelection | null>(null)
  /** The last range selected in the report, kept after the selection is gone (reattaching uses it). */
  const lastRange = ref<TextRange | null>(null)
  const editingId = ref<string | null>(null)
  /** Bumped to ask the report pane to scroll to an annotation. */
  const focus = ref<{ id: string; seq: number } | null>(null)
  const notifications = useNotificationsStore()
  const history = useHistoryStore()
  const conflicts = useConflictsStore()
  const storage = useStorageStore()
  storage.onRetry('annotation', async (d) => {
    if (typeof d.id === 'string') await update(d.id, d.patch as AnnotationPatch, { record: false })
  })
  const writes = new VersionedWrites<string>()
  /** The version of each annotation this window deleted, so its undo steps survive a restore. */
  const deletedVersions = new Map<string, number>()
  let loadSeq = 0
  let focusSeq = 0

  const placed = computed(() => items.value.filter((a) => a.status === 'placed' && a.start !== null))
  const unplaced = computed(() => items.value.filter((a) => a.status === 'unplaced' && !a.review))
  /** Unplaced because a revision changed their text substantially: a person confirms, re-attaches or deletes. */
  const inReview = computed(() => items.value.filter((a) => a.status === 'unplaced' && a.review))
  const editing = computed(() => items.value.find((a) => a.id === editingId.value) ?? null)
  const countByProposal = computed(() => {
    const counts = new Map<number, number>()
    for (const a of items.value) for (const p of a.proposalIds) counts.set(p, (counts.get(p) ?? 0) + 1)
    return counts
  })

  /** Loads a report's annotations; the undo history starts afresh unless the same report is reloaded after a step of it (a revision). */
  async function load(id: number, options: { keepHistory?: boolean } = {}): Promise<void> {
    const seq = ++loadSeq
    reportId.value = id
    editingId.value = null
    selection.value = null
    if (!options.keepHistory) history.clear()
    try {
      const list = await workbench().annotations.list({ reportId: id })
      if (seq === loadSeq) items.value = list.map(withDrafts)
    } catch (err) {
      if (seq === loadSeq) items.value = []
      notifications.fail('annotations.failed.load', err)
    }
  }

  /** Edits the disk refused earlier (even before a restart) show again, still marked unsaved. */
  function withDrafts(a: AnnotationView): AnnotationView {
    return storage.overlay('annotation', a.id, a)
  }

  /** A late answer for an annotation deleted meanwhile must not bring it back. */
  function refresh(a: AnnotationView): void {
    if (items.value.some((x) => x.id === a.id)) replace(a)
  }

  /** Puts the annotation in its place in document order, as a new list. */
  function replace(a: AnnotationView): void {
    const next = items.value.filter((x) => x.id !== a.id)
    let lo = 0
    let hi = next.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byDocumentOrder(next[mid]!, a) <= 0) lo = mid + 1
      else hi = mid
    }
    next.splice(lo, 0, a)
    items.value = next
  }

  /** With `edit: false` (a passage dropped on a proposal) the editor does not open on it. */
  async function create(
    range: TextRange,
    extra: { kind?: AnnotationView['kind']; proposalIds?: number[] } = {},
    opts = { edit: true },
  ): Promise<AnnotationView | null> {
    if (reportId.value === null) return null
    try {
      const a = await workbench().annotations.create({
        reportId: reportId.value,
        start: range.start,
        end: range.end,
        colour: 'yellow',
        ...extra,
      })
      replace(a)
      selection.value = null
      if (opts.edit) editingId.value = a.id
      history.push({ undo: () => remove(a.id, { record: false }), redo: () => restore(a.id) })
      return a
    } catch (err) {
      notifications.fail('annotations.failed.create', err)
      return null
    }
  }

  /** Changes shown but not yet answered, per annotation: an earlier answer must not undo them on screen. */
  const inFlight = new Map<string, AnnotationPatch[]>()
  function settle(id: string, patch: AnnotationPatch): void {
    const left = (inFlight.get(id) ?? []).filter((p) => p !== patch)
    if (left.length > 0) inFlight.set(id, left)
    else inFlight.delete(id)
  }
  function withQueued(a: AnnotationView): AnnotationView {
    return (inFlight.get(a.id) ?? []).reduce<AnnotationView>((shown, p) => ({ ...shown, ...p }), a)
  }

  /** Saves a change at once; `baseVersion` is the version the edit was made on (by default the one shown). */
  async function update(
    id: string,
    patch: AnnotationPatch,
    opts: { record?: boolean; baseVersion?: number } = {},
  ): Promise<AnnotationView | null> {
    const before = items.value.find((a) => a.id === id)
    if (!before) return null
    const base = opts.baseVersion ?? before.version
    replace({ ...before, ...patch })
    const queued = inFlight.get(id) ?? []
    inFlight.set(id, [...queued, patch])
    try {
      const saved = await writes.edit(id, base, (expectedVersion) => workbench().annotations.update({ id, patch, expectedVersion }))
      storage.clearFields('annotation', id, Object.keys(patch))
      settle(id, patch)
      refresh(withDrafts(withQueued(saved)))
      if (opts.record ?? true) {
        const old = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof AnnotationPatch]])) as AnnotationPatch
        let version = saved.version
        const step = async (change: AnnotationPatch) => {
          version = (await update(id, change, { record: false, baseVersion: version }))?.version ?? version
        }
        history.push({ undo: () => step(old), redo: () => step(patch) })
      }
      return saved
    } catch (err) {
      settle(id, patch)
      const now = conflictRecord<AnnotationView>(err)
      if (now) {
        refresh(now)
        const keys = Object.keys(patch) as (keyof AnnotationPatch)[]
        conflicts.report({
          key: `annotations:${id}:${keys.sort().join(',')}`,
          domain: 'annotations',
          subject: now.exact,
          fields: keys.map((key) => ({
            label: FIELD_LABELS[key],
            mine: shownValue(patch[key]),
            theirs: shownValue(now[key]),
            ...(VALUE_KEYS[key] ? { valueKey: VALUE_KEYS[key] } : {}),
          })),
          reapply: () => update(id, patch, { baseVersion: now.version }),
        })
        return null
      }
      // The disk refused it, the words are not wrong: keep them shown and on this computer.
      if (!storage.keepRefused(toErrorInfo(err), 'annotation', id, patch)) refresh(before)
      notifications.fail('annotations.failed.save', err)
      return null
    }
  }

  /** Re-reads the annotations after another window changed them; those with a write under way wait for its answer. */
  async function sync(): Promise<void> {
    const rid = reportId.value
    if (rid === null) return
    let list: AnnotationView[]
    try {
      list = await workbench().annotations.list({ reportId: rid })
    } catch {
      return
    }
    if (rid !== reportId.value) return
    const shown = new Map(items.value.map((a) => [a.id, a]))
    items.value = list.map((a) => {
      const mine = shown.get(a.id)
      return mine && (writes.busy(a.id) || mine.version > a.version) ? mine : withDrafts(a)
    })
    if (editingId.value !== null && !items.value.some((a) => a.id === editingId.value)) editingId.value = null
  }

  /** True when every change listed is already shown (this window's own writes coming back). */
  function knows(records: readonly ChangedRecord[]): boolean {
    return records.every((r) => {
      const shown = items.value.find((a) => a.id === r.id)
      return shown !== undefined && r.version !== null && shown.version >= r.version
    })
  }

  async function setLink(id: string, proposalId: number, linked: boolean, opts = { record: true }): Promise<void> {
    try {
      const api = workbench().annotations
      refresh(await (linked ? api.link({ id, proposalId }) : api.unlink({ id, proposalId })))
      if (opts.record) {
        history.push({
          undo: () => setLink(id, proposalId, !linked, { record: false }),
          redo: () => setLink(id, proposalId, linked, { record: false }),
        })
      }
    } catch (err) {
      notifications.fail('annotations.failed.save', err)
    }
  }

  async function remove(id: string, opts = { record: true }): Promise<void> {
    const before = items.value.find((a) => a.id === id)
    if (!before) return
    items.value = items.value.filter((a) => a.id !== id)
    if (editingId.value === id) editingId.value = null
    try {
      await writes.run(id, () => {
        deletedVersions.set(id, writes.latest(id, before.version))
        return workbench().annotations.delete({ id })
      })
      if (!opts.record) return
      const step: UndoStep = { undo: () => restore(id), redo: () => remove(id, { record: false }) }
      history.push(step)
      notifications.push({
        tone: 'info',
        message: { key: 'annotations.deleted' },
        action: { label: { key: 'proposal.undo' }, run: () => void (history.peek() === step ? history.undo() : restore(id)) },
      })
    } catch (err) {
      replace(before)
      notifications.fail('annotations.failed.delete', err)
    }
  }

  async function restore(id: string): Promise<void> {
    try {
      const back = await writes.run(id, () => workbench().annotations.restore({ id }))
      const from = deletedVersions.get(id)
      if (from !== undefined) writes.restoredOwn(id, from, back.version)
      deletedVersions.delete(id)
      replace(back)
    } catch (err) {
      notifications.fail('annotations.failed.save', err)
    }
  }

  /** Anchors on a new range; for one waiting for review, an undoable step that reopens the review. */
  async function reattach(id: string, range: TextRange, opts = { record: true }): Promise<void> {
    const waiting = items.value.find((a) => a.id === id)?.review !== undefined
    try {
      replace(await workbench().annotations.reattach({ id, start: range.start, end: range.end }))
      selection.value = null
      if (waiting && opts.record) {
        history.push({ undo: () => reopenReview(id), redo: () => reattach(id, range, { record: false }) })
      }
    } catch (err) {
      notifications.fail('annotations.failed.save', err)
    }
  }

  /** Accepts the text a revision left where the annotation was (the review's new span). */
  async function confirmReview(id: string): Promise<void> {
    const review = items.value.find((a) => a.id === id)?.review
    if (review) await reattach(id, { start: review.start, end: review.end })
  }

  async function reopenReview(id: string): Promise<void> {
    try {
      replace(await workbench().annotations.reopenReview({ id }))
    } catch (err) {
      notifications.fail('annotations.failed.save', err)
    }
  }

  function select(pending: PendingSelection | null): void {
    selection.value = pending
    if (pending) lastRange.value = { start: pending.start, end: pending.end }
  }

  function reveal(id: string): void {
    focus.value = { id, seq: ++focusSeq }
  }

  return {
    items,
    reportId,
    selection,
    lastRange,
    editingId,
    editing,
    focus,
    placed,
    unplaced,
    inReview,
    countByProposal,
    load,
    create,
    update,
    sync,
    knows,
    setLink,
    remove,
    restore,
    reattach,
    confirmReview,
    reveal,
    select,
  }
})

function byDocumentOrder(a: AnnotationView, b: AnnotationView): number {
  if (a.start === null || b.start === null) return a.start === null ? (b.start === null ? 0 : 1) : -1
  return a.start - b.start || (a.end ?? 0) - (b.end ?? 0)
}
