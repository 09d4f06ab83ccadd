// Splits a report's canonical text into headings and paragraphs with character offsets,
// so the report pane, anchors and search all point into the same NFC string; and back from
// offsets to block texts. Zod-free, so the renderer can import it.
import type { Block, Report, ReportWithTexts } from './domain'

const MAX_HEADING_LENGTH = 200

/**
 * A heading is an all-capital line ("GIỮ YÊN BIÊN GIỚI, YÊN ĐỊA BÀN, YÊN DÂN"): every cased
 * letter upper case, at least two words with letters (so agency bylines such as "HYTV" or
 * "TTXVN" stay paragraphs), short, and not ending like a sentence.
 */
export function isHeadingLine(line: string): boolean {
  const s = line.trim()
  if (s.length < 2 || s.length > MAX_HEADING_LENGTH || s.endsWith('.')) return false
  if (s !== s.toLocaleUpperCase('vi') || s === s.toLocaleLowerCase('vi')) return false
  const letters = s.match(/\p{L}/gu)?.length ?? 0
  if (letters < 2) return false
  const wordsWithLetters = s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
  return wordsWithLetters >= 2
}

/**
 * One block per non-empty line; offsets are exact, so `text.slice(b.start, b.end) === b.text`
 * holds for any input (leading and trailing blanks of a line stay outside the block).
 */
export function segmentBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let lineStart = 0
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    const lead = line.length - line.trimStart().length
    const body = line.trim()
    if (body.length > 0) {
      const start = lineStart + lead
      blocks.push({
        index: blocks.length,
        kind: isHeadingLine(body) ? 'heading' : 'paragraph',
        start,
        end: start + body.length,
        text: body,
      })
    }
    if (newline === -1) break
    lineStart = newline + 1
  }
  return blocks
}

/** Adds each block's text (the slice of the report's text between its offsets) to a report as sent. */
export function withBlockTexts(report: Report): ReportWithTexts {
  return { ...report, blocks: report.blocks.map((b) => ({ ...b, text: report.text.slice(b.start, b.end) })) }
}
