// Preferences: stored values merged over the defaults, each checked on reading so a
// value written by an older or damaged build falls back to its default.
import { DEFAULT_SETTINGS, Settings } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import { liveReportExists as reportExists } from '../db/reports'
import { readSettingValues, writeSettingValue } from '../db/settings'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { nowIso } from './clock'

type SettingKey = keyof Settings
const KEYS = Object.keys(Settings.shape) as SettingKey[]

export function getSettings(db: Db): Settings {
  const stored = readSettingValues(db)
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const key of KEYS) {
    const json = stored.get(key)
    if (json === undefined) continue
    const parsed = Settings.shape[key].safeParse(parseJson(json))
    if (parsed.success) settings[key] = parsed.data
    else console.warn(`[settings] ignoring invalid stored value for "${key}": ${json}`)
  }
  const result = settings as Settings
  // The report opened last may since have gone; fall back rather than point at nothing.
  if (result.currentReportId !== null && !reportExists(db, result.currentReportId)) result.currentReportId = null
  return result
}

export function updateSettings(db: Db, changes: Partial<Settings>): Settings {
  const checked = Settings.partial().safeParse(changes)
  if (!checked.success) throw new WorkbenchError('bad_request', `Invalid settings: ${checked.error.message}`)
  const values = checked.data
  if (values.currentReportId != null && !reportExists(db, values.currentReportId)) {
    throw new WorkbenchError('not_found', `Report ${values.currentReportId} does not exist`)
  }
  inWriteTransaction(db, () => {
    const at = nowIso()
    for (const key of KEYS) {
      if (values[key] !== undefined) writeSettingValue(db, key, JSON.stringify(values[key]), at)
    }
  })
  return getSettings(db)
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}
