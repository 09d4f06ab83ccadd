// Proposals the open report's text suggests: accepted ones become checklist proposals (and
// leave the list), dismissed ones are hidden until the app is closed.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Result } from '../../core/contract'
import type { Proposal } from '../../core/domain'
import { workbench } from '../api'
import { idle } from '../lib/idle'
import { useNotificationsStore } from './notifications'
import { useProposalsStore } from './proposals'

export type Suggestion = Result<'proposals.suggest'>[number]

export const useSuggestionsStore = defineStore('suggestions', () => {
  const items = ref<Suggestion[]>([])
  const reportId = ref<number | null>(null)
  const loading = ref(false)
  /** `${reportId}:${key}` of what the user dismissed; kept across report switches. */
  const dismissed = ref(new Set<string>())
  const accepting = ref(new Set<string>())
  const proposals = useProposalsStore()
  const notifications = useNotificationsStore()
  let loadSeq = 0

  const dismissKey = (key: string) => `${reportId.value}:${key}`
  const visible = computed(() => items.value.filter((s) => !dismissed.value.has(dismissKey(s.key))))

  /** With `whenIdle`, the list is asked for once the browser is idle (after the report has painted). */
  async function load(id: number, whenIdle = false): Promise<void> {
    const seq = ++loadSeq
    if (reportId.value !== id) items.value = []
    reportId.value = id
    loading.value = true
    try {
      if (whenIdle) await idle(1500)
      if (seq !== loadSeq) return
      const found = await workbench().proposals.suggest({ reportId: id })
      if (seq === loadSeq) items.value = found
    } catch (err) {
      if (seq === loadSeq) notifications.fail('failures.suggest', err)
    } finally {
      if (seq === loadSeq) loading.value = false
    }
  }

  /** Adds the suggestion to the checklist with its passage as the source. */
  async function accept(s: Suggestion): Promise<Proposal | null> {
    if (accepting.value.has(s.key) || reportId.value !== proposals.reportId) return null
    accepting.value.add(s.key)
    try {
      const created = await proposals.create({
        title: s.title,
        sector: s.sector,
        source: { start: s.start, end: s.end, exact: s.quote },
        ...(s.owner ? { owner: s.owner } : {}),
        ...(s.dueDate ? { dueDate: s.dueDate } : {}),
        ...(s.partners ? { detail: `Phối hợp: ${s.partners}` } : {}),
      })
      if (created) items.value = items.value.filter((x) => x.key !== s.key)
      return created
    } finally {
      accepting.value.delete(s.key)
    }
  }

  function dismiss(s: Suggestion): void {
    const key = dismissKey(s.key)
    dismissed.value.add(key)
    notifications.push({
      tone: 'info',
      message: { key: 'suggestions.dismissed' },
      action: { label: { key: 'proposal.undo' }, run: () => dismissed.value.delete(key) },
    })
  }

  return { items, reportId, loading, visible, accepting, load, accept, dismiss }
})
