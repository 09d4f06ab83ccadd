// Write transactions start IMMEDIATE: they take the write lock before reading, so a
// read-then-write cannot be invalidated by another connection committing in between.
// The outermost one also collects what it changed just before committing and publishes it
// once committed; a write that throws rolls back its change log with its data.
import { drainChanges, type CapturedChange } from './change-capture'
import { publishChanges } from './change-feed'
import type { Db } from './types'

export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn).immediate()
  let changes: CapturedChange[] = []
  const result = db
    .transaction(() => {
      const value = fn()
      changes = drainChanges(db)
      return value
    })
    .immediate()
  publishChanges(db, changes)
  return result
}
