// Which version to send as `expectedVersion`: an edit is based on the version the user saw,
// but this window's own earlier saves from that same base have moved the record on since
// (typing saves every pause). Each own save remembers base → the version it produced, so the
// next save from the same base names the newest own version, while a change made elsewhere
// still makes it stale. A version is a number, or whatever names a state (a section's edit text).
export class VersionChain<K, V = number> {
  private latest = new Map<K, Map<V, V>>()

  /** The version to send for an edit based on `base`. */
  resolve(key: K, base: V): V {
    return this.latest.get(key)?.get(base) ?? base
  }

  /** An own save based on `base` was stored as `version`. */
  advance(key: K, base: V, version: V): void {
    let chain = this.latest.get(key)
    if (!chain) this.latest.set(key, (chain = new Map()))
    for (const [from, to] of chain) if (to === base) chain.set(from, version)
    chain.set(base, version)
    chain.set(version, version)
  }

  clear(): void {
    this.latest.clear()
  }
}
