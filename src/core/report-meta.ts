// Derives a report's date and title from its text and file name when the user gives none:
// press reports carry the date in a metadata fragment or a dateline, rarely in a field.
import type { Block } from './domain'

/** `date 2022-05` or `date 2022-05-26` at the very start of a report is metadata, not body text. */
const LEADING_DATE_META = /^\s*date(?::[ \t]*|[ \t]+)(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|$)[ \t]*/i

export interface LeadingDate {
  /** YYYY-MM or YYYY-MM-DD as found. */
  date: string
  /** The text with the fragment removed. */
  rest: string
}

export function takeLeadingDate(text: string): LeadingDate | null {
  const m = LEADING_DATE_META.exec(text)
  if (!m) return null
  const [, year, month, day] = m
  if (!isValidMonth(Number(month))) return null
  if (day !== undefined && !isValidDay(Number(year), Number(month), Number(day))) return null
  return { date: day === undefined ? `${year}-${month}` : `${year}-${month}-${day}`, rest: text.slice(m[0].length) }
}

function isValidMonth(month: number): boolean {
  return month >= 1 && month <= 12
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (!isValidMonth(month) || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** "Sáng 26/5, …" completes a known YYYY-MM to YYYY-MM-DD when the month agrees. */
export function completeMonthDate(yearMonth: string, firstSentence: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number]
  for (const m of firstSentence.matchAll(/(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/g)) {
    const day = Number(m[1])
    if (Number(m[2]) === month && isValidDay(year, month, day)) return `${yearMonth}-${pad2(day)}`
  }
  return yearMonth
}

/** A full date in a dateline ("25.03.2022", "26/5/2022", "ngày 26 tháng 5 năm 2022"), as YYYY-MM-DD. */
export function findDateline(text: string): string {
  const patterns = [
    /(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)/,
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i,
  ]
  for (const re of patterns) {
    const m = re.exec(text)
    if (!m) continue
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (isValidDay(year, month, day)) return `${year}-${pad2(month)}-${pad2(day)}`
  }
  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text)
  if (iso && isValidDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return iso[0]
  return ''
}

/** The first sentence of a paragraph: up to the first . ! ? … that is followed by a space or the end. */
export function firstSentence(paragraph: string): string {
  const m = /[.!?…]+(?=\s|$)/u.exec(paragraph)
  return m ? paragraph.slice(0, m.index + m[0].length) : paragraph
}

const TITLE_LENGTH = 90

/** Cuts at a word boundary near TITLE_LENGTH characters and marks the cut with "…". */
export function shortenTitle(sentence: string, max = TITLE_LENGTH): string {
  const s = sentence.trim().replace(/[.]+$/u, '')
  if (s.length <= max) return s
  const cut = s.lastIndexOf(' ', max)
  const head = s.slice(0, cut > max / 2 ? cut : max)
  return `${head.replace(/[\s,;:\-–—]+$/u, '')}…`
}

/**
 * A file name becomes the title only when a person wrote it as one: with Vietnamese diacritics
 * ("Báo cáo Kỳ Sơn.txt"), or as capitalised words apart ("Ky Son working session.txt"). A slug
 * ("01-lai-chau-muong-te.txt"), a hash or a number reads badly: the text's first sentence is better.
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '')
  if (!readsAsTitle(stem)) return ''
  const words = stem.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const isCode = (w: string) => /^\d+$/.test(w) || (/^[0-9a-f]{6,}$/i.test(w) && /\d/.test(w))
  if (words.length === 0 || words.every(isCode)) return ''
  // Leading ordinals ("01 Báo cáo Kỳ Sơn") number files, they do not name them.
  while (words.length > 1 && /^\d+$/.test(words[0]!)) words.shift()
  if (!words.some((w) => /\p{L}/u.test(w))) return ''
  const title = words.join(' ')
  return title.charAt(0).toLocaleUpperCase('vi') + title.slice(1)
}

function readsAsTitle(stem: string): boolean {
  // Any letter beyond ASCII: Vietnamese written with its marks (đ included).
  if (/(?![\x00-\x7F])\p{L}/u.test(stem)) return true
  // Plain ASCII: only words a person spaced apart and capitalised, never a slug.
  const wordsWithLetters = stem.trim().split(/\s+/).filter((w) => /[A-Za-z]/.test(w))
  return wordsWithLetters.length >= 2 && /^[A-Z]/.test(wordsWithLetters[0]!)
}

/** The first paragraph's first sentence, shortened; the first block if there is no paragraph. */
export function titleFromBlocks(blocks: Block[]): string {
  const first = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0]
  return first ? shortenTitle(firstSentence(first.text)) : ''
}
