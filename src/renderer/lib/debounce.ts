// A trailing debounce that can be flushed (on blur, on Enter) or cancelled (on Escape),
// so typed text is saved once per pause and never lost when the field is left.
export interface Debounced<A extends unknown[]> {
  (...args: A): void
  flush(): void
  cancel(): void
  pending(): boolean
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastArgs: A | null = null
  const fire = () => {
    timer = null
    const args = lastArgs
    lastArgs = null
    if (args) fn(...args)
  }
  const run = ((...args: A) => {
    lastArgs = args
    if (timer) clearTimeout(timer)
    timer = setTimeout(fire, ms)
  }) as Debounced<A>
  run.flush = () => {
    if (timer) clearTimeout(timer)
    fire()
  }
  run.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
    lastArgs = null
  }
  run.pending = () => timer !== null
  return run
}
