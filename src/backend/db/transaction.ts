// Write transactions start IMMEDIATE: they take the write lock before reading, so a
// read-then-write cannot be invalidated by another connection committing in between.
import type { Db } from './types'

export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate()
}
