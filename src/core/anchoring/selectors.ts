// W3C Web Annotation selectors for a span of a report's NFC text: the quote with its context
// (to find it again after edits) and the character offsets (to tell repeated passages apart).

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}
export interface AnchorSelectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Selectors for text.slice(start, end); prefix/suffix up to 32 chars of context. */
export function describeRange(text: string, start: number, end: number): AnchorSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`describeRange: [${start}, ${end}) is not a range of a ${text.length}-character text`)
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH)
  // Never cut a character written as a surrogate pair in half.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH)
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}
