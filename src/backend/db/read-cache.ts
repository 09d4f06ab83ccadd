// Results of expensive reads (a report with its blocks, 5,000 annotations) kept until the
// database changes: any write on this connection moves total_changes(), a commit by another
// connection moves data_version, and either drops every kept result. Callers must not change
// what they get back.
import { prepare } from './statements'
import type { Db } from './types'

const KEPT_PER_DB = 8

interface Kept {
  stamp: string
  value: unknown
}

const kept = new WeakMap<Db, Map<string, Kept>>()

function stampOf(db: Db): string {
  const changes = prepare<{ n: number }>(db, 'SELECT total_changes() AS n').get()!.n
  return `${changes}:${String(db.pragma('data_version', { simple: true }))}`
}

export function cachedRead<T>(db: Db, key: string, read: () => T): T {
  return cachedReadIf(db, key, () => true, read)
}

/**
 * As cachedRead, for a result that also depends on more than the database (the text a revision
 * is planned for): a kept one is taken only if `fits` it. The stamp is taken before reading, so a
 * commit by another connection during the read makes the result stale rather than wrongly fresh.
 */
export function cachedReadIf<T>(db: Db, key: string, fits: (kept: T) => boolean, read: () => T): T {
  let entries = kept.get(db)
  if (!entries) kept.set(db, (entries = new Map()))
  const stamp = stampOf(db)
  const hit = entries.get(key)
  if (hit && hit.stamp === stamp && fits(hit.value as T)) return hit.value as T
  const value = read()
  entries.delete(key)
  if (entries.size >= KEPT_PER_DB) entries.delete(entries.keys().next().value!)
  entries.set(key, { stamp, value })
  return value
}
