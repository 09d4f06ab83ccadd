// What the renderer knows about the database file: whether saving works (the status at start and
// the last storage refusal), and the edits the back end refused to store, kept as local drafts
// (localStorage, keyed by kind of record, record and field) so nothing typed is lost: every store
// keeps its refused edits here (`keepRefused`), lays them over what it reads (`overlay`), and
// registers how to send them again (`onRetry`) for *Lưu lại*.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ErrorInfo } from '../../core/errors'
import type { StorageStatus } from '../../core/methods/storage'
import { workbench } from '../api'

export type StorageProblem = 'storage_moved' | 'storage_readonly' | 'storage_full'

/**
 * What a draft belongs to: a record's field, a new meeting entry not yet recorded (`capture`, id
 * the agenda item), an agenda item's times (`agenda`), or a section of the minutes (`section`, id
 * `meetingId:kind:key`).
 */
export type DraftKind = 'proposal' | 'annotation' | 'meeting' | 'attendee' | 'entry' | 'capture' | 'agenda' | 'section'

export interface LocalDraft {
  kind: DraftKind
  id: number | string
  field: string
  /** The value as typed (a JSON value: text, a list of tags, a person, a whole new entry). */
  value: unknown
  /** The meeting an attendee, entry or captured entry belongs to. */
  meetingId?: number
  at: string
}

/** The drafts of one record, as `retryAll` hands them to its store: every field kept, as one patch. */
export interface DraftRecord extends LocalDraft {
  patch: Record<string, unknown>
}

type DraftKey = Pick<LocalDraft, 'kind' | 'id' | 'field'>
const same = (a: DraftKey, b: DraftKey) => a.kind === b.kind && a.id === b.id && a.field === b.field

const DRAFTS_KEY = 'workbench.drafts.v1'

export function isStorageProblem(code: string): code is StorageProblem {
  return code === 'storage_moved' || code === 'storage_readonly' || code === 'storage_full'
}

/** The drafts grouped by what they belong to: one record, or one captured entry. */
function byRecord(drafts: readonly LocalDraft[]): LocalDraft[][] {
  const records = new Map<string, LocalDraft[]>()
  for (const d of drafts) {
    const key = `${d.kind}\u0000${d.id}${d.kind === 'capture' ? `\u0000${d.field}` : ''}`
    records.set(key, [...(records.get(key) ?? []), d])
  }
  return [...records.values()]
}

function readDrafts(): LocalDraft[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return (parsed as LocalDraft[]).filter(
      (d) => d && typeof d.kind === 'string' && (typeof d.id === 'number' || typeof d.id === 'string') && typeof d.field === 'string' && d.value !== undefined,
    )
  } catch {
    return []
  }
}

export const useStorageStore = defineStore('storage', () => {
  const status = ref<StorageStatus | null>(null)
  const problem = ref<StorageProblem | null>(null)
  const drafts = ref<LocalDraft[]>(readDrafts())
  const retryers = new Map<DraftKind, (d: DraftRecord) => Promise<void>>()

  function persist(): void {
    try {
      if (drafts.value.length === 0) localStorage.removeItem(DRAFTS_KEY)
      else localStorage.setItem(DRAFTS_KEY, JSON.stringify(drafts.value))
    } catch {
      // Storage quota or disabled storage: the drafts stay in memory for this window.
    }
  }

  async function hydrate(): Promise<void> {
    try {
      status.value = await workbench().storage.status({})
      problem.value = status.value.problem
    } catch {
      // An older back end or a failed call: no banner, the app works as before.
    }
  }

  /** Called for every failed call: a storage refusal turns on the banner. */
  function noteError(error: ErrorInfo): void {
    if (isStorageProblem(error.code)) problem.value = error.code
  }

  function keepDraft(draft: Omit<LocalDraft, 'at'>): void {
    drafts.value = [...drafts.value.filter((d) => !same(d, draft)), { ...draft, at: new Date().toISOString() }]
    persist()
  }

  /**
   * After a failed write: when the disk refused it (the words are not wrong), keeps each field of
   * `patch` as a draft and answers true, so the caller leaves the typed values where they are.
   */
  function keepRefused(error: ErrorInfo, kind: DraftKind, id: number | string, patch: object, meetingId?: number): boolean {
    if (!isStorageProblem(error.code)) return false
    for (const [field, value] of Object.entries(patch)) {
      if (value !== undefined) keepDraft({ kind, id, field, value, ...(meetingId !== undefined ? { meetingId } : {}) })
    }
    return true
  }

  function clearDraft(kind: DraftKind, id: number | string, field: string): void {
    const left = drafts.value.filter((d) => !same(d, { kind, id, field }))
    if (left.length === drafts.value.length) return
    drafts.value = left
    persist()
  }

  /** A write of these fields was stored: their drafts are done. */
  function clearFields(kind: DraftKind, id: number | string, fields: readonly string[]): void {
    const left = drafts.value.filter((d) => !(d.kind === kind && d.id === id && fields.includes(d.field)))
    if (left.length === drafts.value.length) return
    drafts.value = left
    persist()
  }

  function draftsOf(kind: DraftKind): LocalDraft[] {
    return drafts.value.filter((d) => d.kind === kind)
  }

  function draftValue(kind: DraftKind, id: number | string, field: string): unknown {
    return drafts.value.find((d) => same(d, { kind, id, field }))?.value
  }

  /** The record with its kept drafts laid over it (a new object when there are any). */
  function overlay<T extends object>(kind: DraftKind, id: number | string, record: T): T {
    const mine = drafts.value.filter((d) => d.kind === kind && d.id === id && d.field in record)
    return mine.length === 0 ? record : Object.assign({ ...record }, Object.fromEntries(mine.map((d) => [d.field, d.value])))
  }

  function onRetry(kind: DraftKind, retry: (d: DraftRecord) => Promise<void>): void {
    retryers.set(kind, retry)
  }

  /**
   * Sends every kept draft again, one record at a time (its retryer gets all of that record's
   * fields as one patch); the ones saved leave the list (their store clears them).
   */
  async function retryAll(): Promise<void> {
    problem.value = null
    for (const group of byRecord(drafts.value)) {
      const first = group[0]!
      const patch = Object.fromEntries(group.map((d) => [d.field, d.value]))
      await retryers.get(first.kind)?.({ ...first, patch })
    }
  }

  function discardAll(): void {
    drafts.value = []
    persist()
  }

  /** How many changes are kept, as the user counts them: a record's fields together, each captured entry. */
  const pending = computed(() => byRecord(drafts.value).length)

  const banner = computed(() => problem.value !== null || drafts.value.length > 0 || status.value?.readOnly === true)

  // prettier-ignore
  return {
    status, problem, drafts, pending, banner, hydrate, noteError,
    keepDraft, keepRefused, clearDraft, clearFields, draftsOf, draftValue, overlay, onRetry, retryAll, discardAll,
  }
})
