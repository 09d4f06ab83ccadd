// Hands committed changes to whoever listens on a connection (the browser shell's event
// stream, Electron's windows). Listeners run after the commit and can never undo a write.
import type { ChangeEvent } from '../../core/changes'
import type { CapturedChange } from './change-capture'
import type { Db } from './types'

export type ChangeListener = (event: ChangeEvent) => void

interface Feed {
  listeners: Set<ChangeListener>
  seq: number
}

const feeds = new WeakMap<Db, Feed>()

function feedOf(db: Db): Feed {
  let feed = feeds.get(db)
  if (!feed) feeds.set(db, (feed = { listeners: new Set(), seq: 0 }))
  return feed
}

/** Calls `listener` with every change committed on `db` from now on; returns the unsubscribe. */
export function subscribeChanges(db: Db, listener: ChangeListener): () => void {
  const feed = feedOf(db)
  feed.listeners.add(listener)
  return () => feed.listeners.delete(listener)
}

export function publishChanges(db: Db, changes: readonly CapturedChange[]): void {
  const feed = feeds.get(db)
  if (!feed) return
  for (const change of changes) {
    const event: ChangeEvent = { seq: ++feed.seq, ...change }
    for (const listener of [...feed.listeners]) {
      try {
        listener(event)
      } catch (err) {
        console.error('[changes] a listener failed:', err)
      }
    }
  }
}
