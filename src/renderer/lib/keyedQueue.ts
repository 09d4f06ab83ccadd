// Runs async tasks one after another per key, so the writes to one record reach the back
// end in the order they were made, while writes to different records go out side by side.
export class KeyedQueue<K = number> {
  private tails = new Map<K, Promise<unknown>>()

  run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task)
    this.tails.set(key, result.catch(() => undefined))
    return result
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await Promise.all(this.tails.values())
  }
}
