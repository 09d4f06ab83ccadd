// Minutes settings (issuing body, codes, signer lines, recipients): the bundled defaults from
// data/minutes-settings.json, overridden field by field by what the user saved.
import { WorkbenchError } from '../../core/errors'
import { MinutesSettings, type MinutesSettingsUpdate } from '../../core/meeting-domain'
import { readSettingValues, writeSettingValue } from '../db/settings'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'

/** Stored in the settings table under one key; its value is checked on every read. */
const KEY = 'minutes'

export function getMinutesSettings(db: Db, defaults: MinutesSettings): MinutesSettings {
  const json = readSettingValues(db).get(KEY)
  if (json === undefined) return defaults
  let stored: unknown
  try {
    stored = JSON.parse(json)
  } catch {
    stored = undefined
  }
  const merged = MinutesSettings.safeParse({ ...defaults, ...(isObject(stored) ? stored : {}) })
  if (merged.success) return merged.data
  console.warn(`[minutes] ignoring invalid stored minutes settings: ${merged.error.message}`)
  return defaults
}

export function updateMinutesSettings(db: Db, defaults: MinutesSettings, update: MinutesSettingsUpdate): MinutesSettings {
  const { expected, ...patch } = update
  return inWriteTransaction(db, () => {
    const current = getMinutesSettings(db, defaults)
    // A field another window changed after this editor loaded it is refused, unless both chose the same value.
    const stale = Object.keys(patch).filter((key) => {
      const field = key as keyof MinutesSettings
      if (expected === undefined || !(field in expected)) return false
      const now = JSON.stringify(current[field])
      return now !== JSON.stringify(expected[field]) && now !== JSON.stringify(patch[field])
    })
    if (stale.length > 0) throw new WorkbenchError('conflict', `Minutes settings ${stale.join(', ')} were changed elsewhere`, current)
    const next = MinutesSettings.safeParse({ ...current, ...patch })
    if (!next.success) throw new WorkbenchError('bad_request', `Invalid minutes settings: ${next.error.message}`)
    writeSettingValue(db, KEY, JSON.stringify(next.data), nowIso())
    return next.data
  })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
