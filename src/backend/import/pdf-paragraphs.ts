// From the lines of every page to paragraphs: running headers, footers and page numbers
// (repeated in the page margins) are dropped, lines are joined back into paragraphs (a larger
// gap, an indent, a change of size or a short line ending a sentence starts a new one),
// words hyphenated across lines are put together again, and larger lines become headings.
import type { Line } from './pdf-lines'
import { isVietnameseSyllable } from './vn-syllables'

export interface PageInfo {
  height: number
  lines: Line[]
}

export interface PdfParagraphs {
  paragraphs: string[]
  /** The first large line(s) of the first page: the document's title as printed. */
  title: string | null
  /** Paragraphs printed larger than the body text, in order: the document's own headings. */
  headings: string[]
}

const MARGIN_SHARE = 0.1
/** Longer than any word: how much of a paragraph's end a hyphenated word is looked for in. */
const TAIL = 64
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang|page)?\s*\d{1,4}(?:\s*(?:\/|của|of)\s*\d{1,4})?(?:\s*[-–—])?$/i

export function toParagraphs(pages: PageInfo[]): PdfParagraphs {
  const kept = dropRunningLines(pages)
  const all = kept.flat()
  if (all.length === 0) return { paragraphs: [], title: null, headings: [] }
  const body = bodySize(all)
  const title = findTitle(kept[0] ?? [], body)
  const paragraphs: string[] = []
  const headings: string[] = []
  let current: string | null = null
  let currentHeading = false
  let prev: Line | null = null
  const gaps = lineGaps(kept)
  const step = median(gaps) || body * 1.2
  for (const page of kept) {
    const colLeft = page.length ? Math.min(...page.map((l) => l.x0)) : 0
    const right = maxRight(page)
    for (const line of page) {
      const heading = line.size >= body * 1.15
      let newPara = current === null
      if (!newPara && prev) {
        const prevHeading = prev.size >= body * 1.15
        const samePage = prev.page === line.page
        const gap = prev.y - line.y
        const newColumn = samePage && (gap < -line.size || line.x0 > prev.x1)
        if (heading !== prevHeading || (heading && Math.abs(prev.size - line.size) > 0.5)) newPara = true
        else if (samePage && !newColumn && gap > (heading ? line.size * 1.6 : step * 1.45)) newPara = true
        else if (line.x0 - lineStartOf(prev, colLeft) > body * 0.8 && !newColumn) newPara = true
        else if (/^(?:[-–•·+*]|\d{1,2}[.)]|[a-zđ][)])\s/.test(line.text)) newPara = true
        else if (/[.!?:…;"”)]$/.test(current!.slice(-1)) && prev.x1 < right - body * 2) newPara = true
        else if (!samePage && /[.!?…:"”]$/.test(current!.slice(-1)) && /^\p{Lu}/u.test(line.text)) newPara = true
      }
      if (newPara) {
        if (current !== null) {
          paragraphs.push(current)
          if (currentHeading) headings.push(current)
        }
        current = line.text
        currentHeading = heading
      } else current = joinLines(current!, line.text)
      prev = line
    }
  }
  if (current !== null) {
    paragraphs.push(current)
    if (currentHeading) headings.push(current)
  }
  return { paragraphs, title, headings }
}

function lineStartOf(prev: Line, colLeft: number): number {
  // An indented first line is followed by lines at the column's left edge.
  return Math.min(prev.x0, colLeft + (prev.x0 - colLeft > 40 ? prev.x0 - colLeft : 0))
}

function maxRight(page: Line[]): number {
  return page.reduce((m, l) => Math.max(m, l.x1), 0)
}

/**
 * Joins two lines of one paragraph. A break at a soft hyphen (printed as U+2010 or kept as U+00AD)
 * is undone; a hyphen between two Vietnamese syllables ("kinh tế-xã hội") or before a capital or a
 * digit ("03-NQ/HU", "COVID-19") stays, without a space; any other word hyphenated at the line end
 * is put back together.
 */
export function joinLines(a: string, b: string): string {
  if (/[\u00AD\u2010]$/u.test(a.slice(-1))) return a.slice(0, -1) + b
  // Only the paragraph's end is looked at: an end-anchored pattern over the whole paragraph
  // would be tried from every position of it, line after line.
  const hyphen = a.endsWith('-') ? /([\p{L}\d]+)-$/u.exec(a.slice(-TAIL)) : null
  if (hyphen) {
    const next = /^[\p{L}\d]+/u.exec(b)?.[0] ?? ''
    if (/^[\p{Lu}\d]/u.test(next) || (isVietnameseSyllable(hyphen[1]!) && isVietnameseSyllable(next))) return a + b
    if (/^\p{Ll}/u.test(next)) return a.slice(0, -1) + b
  }
  return `${a} ${b}`
}

/**
 * Lines in the top or bottom margin, set apart from the body by a wider gap, that repeat (digits
 * aside) at about the same height on many pages; and lone page numbers there.
 */
function dropRunningLines(pages: PageInfo[]): Line[][] {
  const key = (l: Line) => `${Math.round(l.y / 4)}|${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`
  const margins = pages.map((p) => marginLines(p))
  const counts = new Map<string, number>()
  for (const m of margins) for (const k of new Set([...m].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1)
  const minRepeats = pages.length >= 3 ? Math.max(2, Math.ceil(pages.length * 0.4)) : 2
  return pages.map((p, i) =>
    p.lines.filter((l) => {
      if (!margins[i]!.has(l)) return true
      if (PAGE_NUMBER.test(l.text.trim())) return false
      return pages.length < 2 || (counts.get(key(l)) ?? 0) < minRepeats
    }),
  )
}

/** The lines of a page's top and bottom margins: near the edge, and apart from the text block. */
function marginLines(page: PageInfo): Set<Line> {
  const sorted = [...page.lines].sort((a, b) => b.y - a.y)
  const out = new Set<Line>()
  const apart = (a: Line, b: Line | undefined) => !b || Math.abs(a.y - b.y) > Math.max(a.size, b.size) * 1.9
  for (let i = 0; i < sorted.length && sorted[i]!.y > page.height * (1 - MARGIN_SHARE); i++) {
    if (apart(sorted[i]!, sorted[i + 1]) || PAGE_NUMBER.test(sorted[i]!.text.trim())) out.add(sorted[i]!)
    else break
  }
  for (let i = sorted.length - 1; i >= 0 && sorted[i]!.y < page.height * MARGIN_SHARE; i--) {
    if (apart(sorted[i]!, sorted[i - 1]) || PAGE_NUMBER.test(sorted[i]!.text.trim())) out.add(sorted[i]!)
    else break
  }
  return out
}

/** The size most of the text is set in (by characters). */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>()
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2
    weight.set(s, (weight.get(s) ?? 0) + l.text.length)
  }
  let best = 0
  let bestW = -1
  for (const [s, w] of weight)
    if (w > bestW) {
      best = s
      bestW = w
    }
  return best || 12
}

function findTitle(firstPage: Line[], body: number): string | null {
  const large = firstPage.filter((l) => l.size >= body * 1.2)
  if (large.length === 0) return null
  const top = Math.max(...large.map((l) => l.size))
  const first = firstPage.findIndex((l) => l.size >= top - 0.5)
  const parts: string[] = []
  for (let i = first; i < firstPage.length && Math.abs(firstPage[i]!.size - firstPage[first]!.size) < 0.5; i++) parts.push(firstPage[i]!.text)
  const title = parts.reduce((acc, p) => (acc ? joinLines(acc, p) : p), '')
  return title.length >= 3 ? title : null
}

function lineGaps(pages: Line[][]): number[] {
  const gaps: number[] = []
  for (const p of pages)
    for (let i = 1; i < p.length; i++) {
      const g = p[i - 1]!.y - p[i]!.y
      if (g > 0 && g < p[i]!.size * 3) gaps.push(g)
    }
  return gaps
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
