// Splits a report's canonical text into headings (all-capital or numbered lines) and paragraphs
// with character offsets, so the report pane, anchors and search all point into the same NFC
// string; and back from offsets to block texts. Zod-free, so the renderer can import it.
// A report may also carry heading hints (lines its document styled as headings).
import type { Block, Report, ReportWithTexts } from './domain'
import { isHintedHeadingLine } from './heading-hints'

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

const MAX_NUMBERED_HEADING_LENGTH = 120
const MAX_NUMBERED_HEADING_WORDS = 16

/** The numbering a heading opens with: "I.", "IV)", "1.", "2)", "1.2.", "2.3", "Phần I", "Chương 2", "Mục 3:". */
const NUMBERING = /^(?:(?<part>(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]{1,6}|\d{1,2}|thứ\s+\p{L}+|THỨ\s+\p{L}+)[.:]?)|(?<roman>[IVXLC]{1,6}[.)])|(?<arabic>\d{1,2}(?:\.\d{1,2}){0,3}[.)]|\d{1,2}(?:\.\d{1,2}){1,3}))\s+(?=\p{Lu})/u

interface Numbering {
  kind: 'part' | 'roman' | 'arabic'
  /** 1 for "1.", 2 for "1.2.", …; 0 for roman and part numbers. */
  level: number
  rest: string
}

function numbering(line: string): Numbering | null {
  const m = NUMBERING.exec(line)
  if (!m) return null
  const g = m.groups!
  const kind = g.part ? 'part' : g.roman ? 'roman' : 'arabic'
  const level = kind === 'arabic' ? g.arabic!.replace(/[.)]$/, '').split('.').length : 0
  return { kind, level, rest: line.slice(m[0].length) }
}

/**
 * A numbered heading in ordinary case ("I. Tình hình chung", "1. Về giáo dục", "2.3. Y tế",
 * "Phần thứ hai: Nhiệm vụ"): short, the words after the number capitalised, not ending like a
 * sentence or a clause, and not continued in lower case on the next line. An arabic-numbered
 * line is a list item instead when the line before announces a list (ends with ":"), or the line
 * before or after is numbered the same way (headings of one level have text between them).
 */
export function isNumberedHeading(line: string, prev: string | null, next: string | null): boolean {
  const s = line.trim()
  if (s.length > MAX_NUMBERED_HEADING_LENGTH || s.split(/\s+/u).length > MAX_NUMBERED_HEADING_WORDS) return false
  const n = numbering(s)
  if (!n) return false
  if (!/\p{L}/u.test(n.rest)) return false
  // A line broken inside a sentence continues in lower case on the next line.
  if (next !== null && /^\p{Ll}/u.test(next.trim())) return false
  if (n.kind === 'arabic') {
    if (/[.;,!?…:]$/u.test(s)) return false
    if (prev !== null && /:$/u.test(prev.trim())) return false
    const sibling = (other: string | null) => {
      const o = other === null ? null : numbering(other.trim())
      return o !== null && o.kind === 'arabic' && o.level === n.level
    }
    return !sibling(prev) && !sibling(next)
  }
  return !/[.;,!?…]$/u.test(s)
}

/**
 * One block per non-empty line; offsets are exact, so `text.slice(b.start, b.end) === b.text`
 * holds for any input (leading and trailing blanks of a line stay outside the block). `hints`
 * are block starts the document marks as headings: such a block is a heading when its line is
 * short and plain enough to be one; hints change no offsets.
 */
export function segmentBlocks(text: string, hints?: readonly number[]): Block[] {
  const hinted = hints && hints.length > 0 ? new Set(hints) : null
  const blocks: Block[] = []
  const lines = nonEmptyLines(text)
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
        kind:
          isHeadingLine(body) ||
          (hinted?.has(start) === true && isHintedHeadingLine(body)) ||
          isNumberedHeading(body, lines[blocks.length - 1] ?? null, lines[blocks.length + 1] ?? null) ? 'heading' : 'paragraph',
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

function nonEmptyLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
}

/** Adds each block's text (the slice of the report's text between its offsets) to a report as sent. */
export function withBlockTexts(report: Report): ReportWithTexts {
  return { ...report, blocks: report.blocks.map((b) => ({ ...b, text: report.text.slice(b.start, b.end) })) }
}
