// Heading hints: the block starts a document itself marks as headings (Word heading and Title
// styles, larger PDF lines, HTML h1–h3), kept with a report so the block parser can show an
// ordinary-case, unnumbered heading ("Về giáo dục và đào tạo") as a heading. A hint never moves
// or splits a block; it only changes a line's kind, and only for a line short and plain enough
// to be a heading (a mis-styled paragraph stays a paragraph).

const MAX_HINTED_LENGTH = 150
const MAX_HINTED_WORDS = 24

/** A line a document may style as a heading: short, with letters, not ending like a sentence or clause. */
export function isHintedHeadingLine(line: string): boolean {
  const s = line.trim()
  if (s.length < 2 || s.length > MAX_HINTED_LENGTH || s.split(/\s+/u).length > MAX_HINTED_WORDS) return false
  if (!/\p{L}/u.test(s)) return false
  if (/[.;,!?…]$/u.test(s)) return false
  // Two sentences in one line are a paragraph ("Tăng 5%. Đạt kế hoạch").
  return !/[.!?…]\s+\p{Lu}/u.test(s)
}

function key(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('vi')
}

/** Starts of the non-empty lines of a text with their trimmed content, in order. */
function lineStarts(text: string): { start: number; body: string }[] {
  const out: { start: number; body: string }[] = []
  let lineStart = 0
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    const body = line.trim()
    if (body) out.push({ start: lineStart + (line.length - line.trimStart().length), body })
    if (newline === -1) break
    lineStart = newline + 1
  }
  return out
}

/**
 * Finds the document's headings (their texts, in document order) among the lines of a text and
 * returns those lines' starts. Matching goes forward only, so a heading text that appears twice
 * is taken at the place that follows the previous heading; one not found (the title, moved out
 * of the body) is skipped without stopping the others.
 */
export function locateHeadings(text: string, headings: readonly string[]): number[] {
  const lines = lineStarts(text)
  const starts: number[] = []
  let from = 0
  for (const h of headings) {
    const k = key(h)
    if (!k) continue
    for (let i = from; i < lines.length; i++) {
      if (key(lines[i]!.body) === k) {
        starts.push(lines[i]!.start)
        from = i + 1
        break
      }
    }
  }
  return starts
}

/** The texts of the hinted lines of a text, in order (hints that no longer start a line are dropped). */
export function hintedLineTexts(text: string, hints: readonly number[]): string[] {
  const wanted = new Set(hints)
  return lineStarts(text)
    .filter((l) => wanted.has(l.start))
    .map((l) => l.body)
}

/** Hints carried to a revised text: each hinted heading whose line is unchanged, found again in the new text. */
export function carryHeadingHints(oldText: string, hints: readonly number[], newText: string): number[] {
  if (hints.length === 0) return []
  return locateHeadings(newText, hintedLineTexts(oldText, hints))
}

/** Parses stored hints (a JSON array of offsets); anything else reads as none. */
export function parseHeadingHints(json: string | null | undefined): number[] {
  if (!json) return []
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n) && n >= 0) : []
  } catch {
    return []
  }
}
