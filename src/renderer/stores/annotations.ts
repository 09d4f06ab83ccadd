// Annotations of the open report: the list in document order, the selection waiting to be
// annotated, the one being edited, and every change saved at once (rolled back on refusal).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnnotationView, AnnotationPatch } from '../../core/annotation-domain'
import { workbench } from '../api'
import type { TextRange } from '../lib/sourceMark'
import type { UndoStep } from '../lib/undoStack'
import { useHistoryStore } from './history'
import { useNotificationsStore } from './notifications'

export interface PendingSelection extends TextRange {
  /** Where to float the action bar (viewport coordinates). */
  x: number
  y: number
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
      if (seq === loadSeq) items.value = list
    } catch (err) {
      if (seq === loadSeq) items.value = []
      notifications.fail('annotations.failed.load', err)
    }
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

  async function update(id: string, patch: AnnotationPatch, opts = { record: true }): Promise<void> {
    const before = items.value.find((a) => a.id === id)
    if (!before) return
    replace({ ...before, ...patch })
    try {
      refresh(await workbench().annotations.update({ id, patch }))
      if (opts.record) {
        const old = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof AnnotationPatch]])) as AnnotationPatch
        history.push({ undo: () => update(id, old, { record: false }), redo: () => update(id, patch, { record: false }) })
      }
    } catch (err) {
      refresh(before)
      notifications.fail('annotations.failed.save', err)
    }
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
      await workbench().annotations.delete({ id })
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
      replace(await workbench().annotations.restore({ id }))
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
