// Preferences against a fake back end: a splitter drag or repeated zoom keys are saved
// once, merged, after the pause; a refused change goes back to what it was.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { WorkbenchApi } from '../../src/core/contract'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/domain'
import { WorkbenchError } from '../../src/core/errors'
import { useWorkbenchApi } from '../../src/renderer/api'
import { useNotificationsStore } from '../../src/renderer/stores/notifications'
import { useSettingsStore } from '../../src/renderer/stores/settings'

describe('useSettingsStore', () => {
  let stored: Settings
  let sent: Partial<Settings>[]
  let refuse: boolean

  beforeEach(async () => {
    setActivePinia(createPinia())
    stored = { ...DEFAULT_SETTINGS }
    sent = []
    refuse = false
    useWorkbenchApi({
      settings: {
        get: async () => ({ ...stored }),
        update: async (patch: Partial<Settings>) => {
          sent.push(patch)
          if (refuse) throw new WorkbenchError('storage_refused', 'read-only data directory')
          stored = { ...stored, ...patch }
          return { ...stored }
        },
      },
    } as unknown as WorkbenchApi)
    await useSettingsStore().hydrate()
  })

  it('applies at once and saves one merged change after the pause', async () => {
    vi.useFakeTimers()
    const settings = useSettingsStore()
    settings.updateSoon({ splitRatio: 0.5 })
    settings.updateSoon({ splitRatio: 0.45 })
    settings.updateSoon({ zoom: 1.2 })
    expect(settings.settings).toMatchObject({ splitRatio: 0.45, zoom: 1.2 })
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(600)
    vi.useRealTimers()
    expect(sent).toEqual([{ splitRatio: 0.45, zoom: 1.2 }])
    expect(stored).toMatchObject({ splitRatio: 0.45, zoom: 1.2 })
  })

  it('rolls a refused change back and says why', async () => {
    const settings = useSettingsStore()
    refuse = true
    await settings.update({ locale: 'en' })
    expect(settings.settings.locale).toBe('vi')
    expect(useNotificationsStore().notices.at(-1)).toMatchObject({
      tone: 'error',
      message: { key: 'failures.settings' },
      error: { code: 'storage_refused', message: 'read-only data directory' },
    })
  })
})
