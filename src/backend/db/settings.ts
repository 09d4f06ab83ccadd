// Rows of `settings`: one JSON value per preference key. Values are validated by the
// settings service on reading, so a bad row never reaches the UI.
import { prepare } from './statements'
import type { Db } from './types'

/** Stored values, still as JSON text, by key. */
export function readSettingValues(db: Db): Map<string, string> {
  const rows = prepare<{ key: string; value: string }>(db, 'SELECT key, value FROM settings').all()
  return new Map(rows.map((r) => [r.key, r.value]))
}

export function writeSettingValue(db: Db, key: string, json: string, updatedAt: string): void {
  prepare(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, json, updatedAt)
}
