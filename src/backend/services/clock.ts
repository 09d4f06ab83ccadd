// Timestamps as ISO strings. An update's timestamp is kept strictly after the previous
// one, so "changed since" comparisons hold even for edits within the same millisecond.

export function nowIso(): string {
  return new Date().toISOString()
}

export function timestampAfter(previous: string): string {
  const now = Date.now()
  const prev = Date.parse(previous)
  return new Date(Number.isNaN(prev) || now > prev ? now : prev + 1).toISOString()
}
