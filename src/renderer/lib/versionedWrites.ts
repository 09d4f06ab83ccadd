// The writes of one store: in order per record (KeyedQueue), each edit naming the version it
// builds on (VersionChain), and a count of writes under way per record, so a re-read after
// another window's change leaves those records to their answers.
import { KeyedQueue } from './keyedQueue'
import { VersionChain } from './versionChain'

export class VersionedWrites<K> {
  private readonly queue = new KeyedQueue<K>()
  private readonly versions = new VersionChain<K>()
  private readonly pending = new Map<K, number>()

  /** Queues a write of `key`; `task` runs once the writes before it have settled. */
  async run<T>(key: K, task: () => Promise<T>): Promise<T> {
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1)
    try {
      return await this.queue.run(key, task)
    } finally {
      const n = (this.pending.get(key) ?? 1) - 1
      if (n > 0) this.pending.set(key, n)
      else this.pending.delete(key)
    }
  }

  /** Queues an edit made on version `base`; `call` gets the version to send as `expectedVersion`. */
  edit<T extends { version: number }>(key: K, base: number, call: (expectedVersion: number) => Promise<T>): Promise<T> {
    return this.run(key, async () => {
      const expectedVersion = this.versions.resolve(key, base)
      const saved = await call(expectedVersion)
      this.versions.advance(key, expectedVersion, saved.version)
      return saved
    })
  }

  /** The newest version this window's own writes made from `base`. */
  latest(key: K, base: number): number {
    return this.versions.resolve(key, base)
  }

  /**
   * A delete and restore made here moved the record from `from` to `to` (two writes, nothing
   * else in between): edits made on `from` (undo steps) continue from `to`.
   */
  restoredOwn(key: K, from: number, to: number): void {
    if (to === from + 2) this.versions.advance(key, from, to)
  }

  /** True while a write of `key` is queued or under way. */
  busy(key: K): boolean {
    return this.pending.has(key)
  }

  idle(): Promise<void> {
    return this.queue.idle()
  }

  /** Forgets the version chains (another report was opened). */
  reset(): void {
    this.versions.clear()
  }
}
