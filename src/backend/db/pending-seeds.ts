// Rows of `pending_seeds`: bundled data a migration found missing, added once at the next start.
import { prepare } from './statements'
import type { Db } from './types'

export function isSeedPending(db: Db, name: string): boolean {
  return prepare(db, 'SELECT 1 FROM pending_seeds WHERE name = ?').get(name) !== undefined
}

export function clearPendingSeed(db: Db, name: string): void {
  prepare(db, 'DELETE FROM pending_seeds WHERE name = ?').run(name)
}
