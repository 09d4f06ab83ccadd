// User preferences (language, pane ratio, zoom, last report), shared by both shells
// through the back end. Changes apply at once (in place, so only what depends on the
// changed field updates); continuous ones are saved after a pause.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_SETTINGS } from '../../core/vocabulary'
import type { Settings } from '../../core/domain'
import { workbench } from '../api'
import { useNotificationsStore } from './notifications'

const SAVE_PAUSE_MS = 500

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  const notifications = useNotificationsStore()
  let pending: Partial<Settings> = {}
  let timer: ReturnType<typeof setTimeout> | null = null

  async function hydrate(): Promise<void> {
    settings.value = await workbench().settings.get({})
  }

  async function update(patch: Partial<Settings>): Promise<void> {
    const before = { ...settings.value }
    Object.assign(settings.value, patch)
    try {
      const saved = await workbench().settings.update(patch)
      // Keep whatever changed locally meanwhile (a drag still in progress).
      Object.assign(settings.value, saved, pending)
    } catch (err) {
      const rolledBack = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof Settings]]))
      Object.assign(settings.value, rolledBack)
      notifications.fail('failures.settings', err)
    }
  }

  /** Applies now, saves once the user pauses (splitter drags, repeated zoom keys). */
  function updateSoon(patch: Partial<Settings>): void {
    Object.assign(settings.value, patch)
    pending = { ...pending, ...patch }
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, SAVE_PAUSE_MS)
  }

  function flush(): void {
    if (timer) clearTimeout(timer)
    timer = null
    const patch = pending
    pending = {}
    if (Object.keys(patch).length > 0) void update(patch)
  }

  return { settings, hydrate, update, updateSoon, flush }
})
