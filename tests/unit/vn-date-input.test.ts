// Day-first dates and 24-hour times as typed in the app's date fields.
import { describe, expect, it } from 'vitest'
import { formatVnDate, parseVnDate, parseVnTime, splitLocalDateTime } from '../../src/core/dates/vn-date-input'

describe('parseVnDate', () => {
  it.each(['30/9/2022', '30/09/2022', '30092022', '30.9.2022', '30-09-2022', ' 30 / 9 / 2022 ', '2022-09-30'])(
    'reads %s as 30 September 2022',
    (typed) => expect(parseVnDate(typed)).toEqual({ ok: true, iso: '2022-09-30' }),
  )

  it('reads single-digit days and months day first', () => {
    expect(parseVnDate('5/3/2025')).toEqual({ ok: true, iso: '2025-03-05' })
    expect(parseVnDate('01022024')).toEqual({ ok: true, iso: '2024-02-01' })
  })

  it('gives no date for an empty field', () => {
    expect(parseVnDate('  ')).toEqual({ ok: true, iso: null })
  })

  it('refuses days that are not in the calendar', () => {
    expect(parseVnDate('31/9/2022')).toEqual({ ok: false, problem: 'calendar' })
    expect(parseVnDate('29/02/2023')).toEqual({ ok: false, problem: 'calendar' })
    expect(parseVnDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' })
    expect(parseVnDate('12/13/2022')).toEqual({ ok: false, problem: 'calendar' })
  })

  it('refuses what is not a day-first date, never guessing a year like 9202', () => {
    for (const typed of ['3009202', '09/30', '30/9/22', 'ngày mai', '300920221', '2022/09/30']) {
      expect(parseVnDate(typed).ok, typed).toBe(false)
    }
    expect(parseVnDate('30/09/9202')).toEqual({ ok: false, problem: 'year' })
  })
})

describe('formatVnDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatVnDate('2022-09-30')).toBe('30/09/2022')
    expect(formatVnDate('2025-03-05T08:00')).toBe('05/03/2025')
    expect(formatVnDate(null)).toBe('')
  })

  it('round-trips through the parser', () => {
    expect(parseVnDate(formatVnDate('2024-02-29'))).toEqual({ ok: true, iso: '2024-02-29' })
  })
})

describe('parseVnTime', () => {
  it.each([
    ['8:30', '08:30'],
    ['08.30', '08:30'],
    ['0830', '08:30'],
    ['1405', '14:05'],
    ['8h30', '08:30'],
    ['8h', '08:00'],
    ['14', '14:00'],
    ['8 giờ 30', '08:30'],
    ['23:59', '23:59'],
  ])('reads %s as %s', (typed, hhmm) => expect(parseVnTime(typed)).toEqual({ ok: true, hhmm }))

  it('refuses 12-hour and out-of-range times', () => {
    expect(parseVnTime('24:00')).toEqual({ ok: false, problem: 'range' })
    expect(parseVnTime('8:75')).toEqual({ ok: false, problem: 'range' })
    expect(parseVnTime('8:30 PM').ok).toBe(false)
  })

  it('gives no time for an empty field', () => {
    expect(parseVnTime('')).toEqual({ ok: true, hhmm: null })
  })
})

describe('splitLocalDateTime', () => {
  it('splits a stored local date-time for the two fields', () => {
    expect(splitLocalDateTime('2022-05-26T08:05')).toEqual({ date: '26/05/2022', time: '08:05' })
    expect(splitLocalDateTime(null)).toEqual({ date: '', time: '' })
  })
})
