// A position for a quote that arrives without one (files from other annotation tools): the
// offset where the quote with its context occurs exactly once, or nothing when that is not known,
// because guessing among repeated passages is how annotations land on the wrong copy.

export interface QuoteParts {
  exact: string
  prefix: string
  suffix: string
}

/** Where `quote.exact` is in `text`, using as much context as makes it unique; null if absent or repeated. */
export function positionOfQuote(text: string, quote: QuoteParts): { start: number; end: number } | null {
  if (quote.exact.length === 0) return null
  const patterns = [
    { pattern: quote.prefix + quote.exact + quote.suffix, offset: quote.prefix.length },
    { pattern: quote.prefix + quote.exact, offset: quote.prefix.length },
    { pattern: quote.exact + quote.suffix, offset: 0 },
    { pattern: quote.exact, offset: 0 },
  ]
  for (const { pattern, offset } of patterns) {
    const first = text.indexOf(pattern)
    // Absent (the context changed) or repeated: a pattern with other context may still be unique.
    if (first === -1 || text.indexOf(pattern, first + 1) !== -1) continue
    return { start: first + offset, end: first + offset + quote.exact.length }
  }
  return null
}
