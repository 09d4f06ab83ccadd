// Dates, times, numbers and labels written the way Vietnamese administrative documents
// write them (Decree 30/2020/NĐ-CP): "ngày 26 tháng 5 năm 2022", "9 giờ 30", "Số: 05/BB-UBND".
import type { ProposalStatus } from '../domain'

interface DateParts {
  year: number
  month: number
  day: number
}

/** The date part of "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM". */
function dateParts(value: string): DateParts {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** In running text: "ngày 26 tháng 5 năm 2022". */
export function vnDate(value: string): string {
  const { year, month, day } = dateParts(value)
  return `ngày ${day} tháng ${month} năm ${year}`
}

/**
 * In the place/date line (ô 4): days below 10 and months 1–2 padded with 0, as the decree
 * requires: "ngày 05 tháng 3 năm 2025", "ngày 26 tháng 01 năm 2022".
 */
export function vnDateLine(value: string): string {
  const { year, month, day } = dateParts(value)
  const dd = String(day).padStart(2, '0')
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month)
  return `ngày ${dd} tháng ${mm} năm ${year}`
}

/** "9 giờ 30", "14 giờ 05", "8 giờ 00" from "YYYY-MM-DDTHH:MM". */
export function vnTime(value: string): string {
  const [hh, mm] = value.slice(11, 16).split(':') as [string, string]
  return `${Number(hh)} giờ ${mm}`
}

/** "9 giờ 30, ngày 26 tháng 5 năm 2022". */
export function vnDateTime(value: string): string {
  return `${vnTime(value)}, ${vnDate(value)}`
}

/** Blank to be filled in by hand, as printed forms leave it. */
export const BLANK = '……'

/**
 * "Số: 05/BB-UBND". Numbers below 10 are padded with 0; an unregistered document keeps a
 * blank before the slash for the clerk to fill in.
 */
export function numberLine(number: string, typeCode: string, bodyCode: string): string {
  const digits = number.trim()
  const shown = digits === '' ? '\u00a0'.repeat(6) : digits.padStart(2, '0')
  return `Số: ${shown}/${typeCode}-${bodyCode}`
}

/** How a decision's status reads in the minutes. */
export const STATUS_PHRASES: Record<ProposalStatus, string> = {
  proposed: 'tiếp tục nghiên cứu',
  accepted: 'thống nhất',
  in_progress: 'đang triển khai',
  done: 'đã hoàn thành',
  rejected: 'không thống nhất',
  deferred: 'chưa xem xét, để lại sau',
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function asSentence(text: string): string {
  const t = text.trim()
  return t === '' || /[.!?:;…]$/.test(t) ? t : `${t}.`
}

/** Lower-cases the first letter, to put a title inside a sentence ("Buổi làm việc…" → "buổi làm việc…"). */
export function lowerFirst(text: string): string {
  const t = text.trim()
  const firstWord = t.split(/\s/, 1)[0] ?? ''
  // Acronyms ("UBND", "HĐND") keep their capitals.
  if (firstWord.length > 1 && firstWord === firstWord.toLocaleUpperCase('vi')) return t
  return t.charAt(0).toLocaleLowerCase('vi') + t.slice(1)
}
