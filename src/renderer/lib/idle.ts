// Work that can wait until the browser has nothing else to do (after the report has painted),
// with a deadline so it is never put off for long.
export function whenIdle(run: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout })
  else setTimeout(run, 16)
}

export const idle = (timeout: number): Promise<void> => new Promise((done) => whenIdle(done, timeout))
