// What the renderer knows about the database file: whether saving works (the status at start and
// the last storage refusal), and the edits the back end refused to store, kept as local drafts
// (localStorage, keyed by record and field) so nothing typed is lost; they can be saved again.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ErrorInfo } from '../../core/errors'
import type { StorageStatus } from '../../core/methods/storage'
import { workbench } from '../api'

export type StorageProblem = 'storage_moved' | 'storage_readonly' | 'storage_full'

export interface LocalDraft {
  kind: 'proposal'
  id: number
  field: string
  value: string
  at: string
}

const DRAFTS_KEY = 'workbench.drafts.v1'

export function isStorageProblem(code: string): code is StorageProblem {
  return code === 'storage_moved' || code === 'storage_readonly' || code === 'storage_full'
}

function readDrafts(): LocalDraft[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '[]')
    return Array.isArray(parsed) ? (parsed as LocalDraft[]).filter((d) => d && typeof d.value === 'string' && typeof d.id === 'number') : []
  } catch {
    return []
  }
}

export const useStorageStore = defineStore('storage', () => {
  const status = ref<StorageStatus | null>(null)
  const problem = ref<StorageProblem | null>(null)
  const drafts = ref<LocalDraft[]>(readDrafts())
  const retryers = new Map<LocalDraft['kind'], (d: LocalDraft) => Promise<void>>()

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
    drafts.value = [
      ...drafts.value.filter((d) => !(d.kind === draft.kind && d.id === draft.id && d.field === draft.field)),
      { ...draft, at: new Date().toISOString() },
    ]
    persist()
  }

  function clearDraft(kind: LocalDraft['kind'], id: number, field: string): void {
    const left = drafts.value.filter((d) => !(d.kind === kind && d.id === id && d.field === field))
    if (left.length === drafts.value.length) return
    drafts.value = left
    persist()
  }

  function draftsOf(kind: LocalDraft['kind']): LocalDraft[] {
    return drafts.value.filter((d) => d.kind === kind)
  }

  function onRetry(kind: LocalDraft['kind'], retry: (d: LocalDraft) => Promise<void>): void {
    retryers.set(kind, retry)
  }

  /** Sends every kept draft again; the ones saved leave the list (their store clears them). */
  async function retryAll(): Promise<void> {
    problem.value = null
    for (const d of [...drafts.value]) await retryers.get(d.kind)?.(d)
  }

  function discardAll(): void {
    drafts.value = []
    persist()
  }

  const banner = computed(() => problem.value !== null || drafts.value.length > 0 || status.value?.readOnly === true)

  return { status, problem, drafts, banner, hydrate, noteError, keepDraft, clearDraft, draftsOf, onRetry, retryAll, discardAll }
})
