// Edits refused because the record was changed in another window meanwhile. Each is shown
// with the value now stored and the value the user typed, which they can re-apply (on top of
// the current version) or let go; nothing typed is dropped without the user choosing so.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ConflictDomain = 'proposals' | 'annotations' | 'meetings' | 'reports' | 'minutes'

export interface ConflictField {
  /** i18n key of the field's name. */
  label: string
  mine: string
  theirs: string
  /** When the values are codes (a status), the i18n prefix that puts them into words. */
  valueKey?: string
}

export interface Conflict {
  key: string
  domain: ConflictDomain
  /** What the record is, as the user knows it (a proposal's title, a meeting's name). */
  subject: string
  fields: ConflictField[]
  reapply: () => Promise<unknown>
}

export const useConflictsStore = defineStore('conflicts', () => {
  const items = ref<Conflict[]>([])

  /** Shows a conflict; a newer one for the same record and fields replaces the older. */
  function report(conflict: Conflict): void {
    items.value = [...items.value.filter((c) => c.key !== conflict.key), conflict]
  }

  function dismiss(key: string): void {
    items.value = items.value.filter((c) => c.key !== key)
  }

  async function reapply(key: string): Promise<void> {
    const conflict = items.value.find((c) => c.key === key)
    if (!conflict) return
    dismiss(key)
    await conflict.reapply()
  }

  function clear(): void {
    items.value = []
  }

  return { items, report, dismiss, reapply, clear }
})

/** A field value as the conflict panel shows it. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') {
    // Dates and meeting times as everywhere in the app: dd/mm/yyyy, 24-hour.
    const at = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value)
    return at ? `${at[3]}/${at[2]}/${at[1]}${at[4] ? ` ${at[4]}` : ''}` : value
  }
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (typeof v.name === 'string' || typeof v.post === 'string') return [v.name, v.post].filter(Boolean).join(', ')
    if (typeof v.exact === 'string') return v.exact
  }
  return String(value)
}
