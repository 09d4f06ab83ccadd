// Dates and times as Vietnamese users type them: day first ("30/9/2022", "30/09/2022",
// "30092022", "30.9.2022"), 24-hour times ("8:30", "0830", "8h30", "8 giờ 30"). Turned into the
// ISO strings the back end stores; date-fns checks the calendar (31/9 is refused) and formats.
import { format, isValid, parse } from 'date-fns'

export type DateInputProblem = 'format' | 'calendar' | 'year'

export type ParsedDate = { ok: true; iso: string | null } | { ok: false; problem: DateInputProblem }
export type ParsedTime = { ok: true; hhmm: string | null } | { ok: false; problem: 'format' | 'range' }

const REFERENCE = new Date(2000, 0, 1)
/** Years a planning document can be about; a typo like 9202 is refused, not stored. */
const YEARS = { min: 1900, max: 2200 }

const SEPARATED = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** A typed date, day first; '' gives null (no date). */
export function parseVnDate(text: string): ParsedDate {
  const t = text.normalize('NFC').trim()
  if (t === '') return { ok: true, iso: null }
  let parts: [string, string, string] | null = null
  const separated = SEPARATED.exec(t) ?? DIGITS_ONLY.exec(t)
  if (separated) parts = [separated[1]!, separated[2]!, separated[3]!]
  const iso = ISO.exec(t)
  if (iso) parts = [iso[3]!, iso[2]!, iso[1]!]
  if (!parts) return { ok: false, problem: 'format' }
  const [day, month, year] = parts
  const date = parse(`${Number(day)}/${Number(month)}/${year}`, 'd/M/yyyy', REFERENCE)
  if (!isValid(date)) return { ok: false, problem: 'calendar' }
  if (date.getFullYear() < YEARS.min || date.getFullYear() > YEARS.max) return { ok: false, problem: 'year' }
  return { ok: true, iso: format(date, 'yyyy-MM-dd') }
}

/** 2022-09-30 as "30/09/2022"; '' for none or anything that is not an ISO date. */
export function formatVnDate(iso: string | null | undefined): string {
  const m = iso ? ISO.exec(iso.slice(0, 10)) : null
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ''
}

const TIME = /^(\d{1,2})\s*(?:[:.hH]|giờ)\s*(\d{2})?\s*(?:phút)?$/u
const TIME_DIGITS = /^(\d{1,2})(\d{2})$/

/** A typed 24-hour time ("8:30", "08.30", "0830", "8h", "8 giờ 30"); '' gives null. */
export function parseVnTime(text: string): ParsedTime {
  const t = text.normalize('NFC').trim()
  if (t === '') return { ok: true, hhmm: null }
  const m = TIME.exec(t) ?? TIME_DIGITS.exec(t) ?? /^(\d{1,2})()$/.exec(t)
  if (!m) return { ok: false, problem: 'format' }
  const hours = Number(m[1])
  const minutes = Number(m[2] || '0')
  if (hours > 23 || minutes > 59) return { ok: false, problem: 'range' }
  return { ok: true, hhmm: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` }
}

/** A date and a time as the local date-time the meetings store ("2022-09-30T08:30"). */
export function joinLocalDateTime(isoDate: string, hhmm: string): string {
  return `${isoDate}T${hhmm}`
}

/** "2022-09-30T08:30" split back into "30/09/2022" and "08:30". */
export function splitLocalDateTime(value: string | null | undefined): { date: string; time: string } {
  if (!value) return { date: '', time: '' }
  return { date: formatVnDate(value.slice(0, 10)), time: value.slice(11, 16) }
}
