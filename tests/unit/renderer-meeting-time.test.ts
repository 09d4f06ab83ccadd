// Meeting times as the meeting screens show them, and the bytes handed to a download.
import { describe, expect, it } from 'vitest'
import { base64Bytes } from '../../src/renderer/lib/download'
import { clockText, formatSpan, hourOf, itemSpan, parseLocal, shortDate } from '../../src/renderer/lib/meetingTime'

describe('meeting times', () => {
  it('reads local date-times and refuses anything else', () => {
    expect(parseLocal('2022-05-26T09:05')).toEqual(new Date(2022, 4, 26, 9, 5))
    expect(parseLocal(null)).toBeNull()
    expect(parseLocal('26/05/2022')).toBeNull()
  })

  it('formats spans as m:ss, then h:mm:ss, never negative', () => {
    expect(formatSpan(0)).toBe('0:00')
    expect(formatSpan(65_400)).toBe('1:05')
    expect(formatSpan(3_726_000)).toBe('1:02:06')
    expect(formatSpan(-5_000)).toBe('0:00')
  })

  it('measures an item up to its end, or up to now while it runs', () => {
    const now = new Date(2022, 4, 26, 10, 0, 30)
    expect(itemSpan(null, null, now)).toBeNull()
    expect(itemSpan('2022-05-26T09:40', '2022-05-26T09:55', now)).toBe(15 * 60_000)
    expect(itemSpan('2022-05-26T09:59', null, now)).toBe(90_000)
  })

  it('shows a clock, an hour and a short date', () => {
    expect(clockText(new Date(2022, 4, 26, 8, 3, 9))).toBe('08:03:09')
    expect(hourOf('2022-05-26T14:30')).toBe('14:30')
    expect(hourOf(null)).toBe('')
    expect(shortDate('2022-06-30')).toBe('30/06/2022')
    expect(shortDate(null)).toBe('')
  })
})

describe('download bytes', () => {
  it('decodes base64 to the exact bytes', () => {
    const bytes = Uint8Array.from([0, 37, 80, 68, 70, 255, 128])
    expect(Array.from(base64Bytes(btoa(String.fromCharCode(...bytes))))).toEqual(Array.from(bytes))
  })
})
