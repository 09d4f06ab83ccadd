// Titles in the picker keep their distinctive end; dates are typed and shown dd/mm/yyyy.
import { describe, expect, it } from 'vitest'
import { dateTimeDmy, dateToDmy, distinctLabels, dmyToDate, middleEllipsis } from '../../src/renderer/lib/reportTitles'

const KY_SON = 'Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2022 của huyện Kỳ Sơn'
const CON_CUONG = 'Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2022 của huyện Con Cuông'

describe('middleEllipsis', () => {
  it('keeps short titles whole and long ones with their end (the district) and a start', () => {
    expect(middleEllipsis('Báo cáo huyện Kỳ Sơn', 40)).toBe('Báo cáo huyện Kỳ Sơn')
    const short = middleEllipsis(KY_SON, 40)
    expect(short.length).toBeLessThanOrEqual(40)
    expect(short.endsWith('của huyện Kỳ Sơn')).toBe(true)
    expect(short.startsWith('Báo cáo')).toBe(true)
    expect(short).toContain('…')
  })

  it('keeps two reports apart that differ only at the end, even in little room', () => {
    const [a, b] = distinctLabels([KY_SON, CON_CUONG], 24)
    expect(a).not.toBe(b)
    expect(a).toMatch(/Kỳ Sơn$/)
    expect(b).toMatch(/Con Cuông$/)
  })

  it('lengthens labels that would read the same until they differ', () => {
    const x = 'Thông báo kết luận về tình hình kinh tế xã hội năm 2022 tại buổi làm việc với huyện'
    const y = 'Thông báo kết luận về chương trình mục tiêu quốc gia năm 2022 tại buổi làm việc với huyện'
    const [a, b] = distinctLabels([x, y], 30)
    expect(a).not.toBe(b)
  })
})

describe('dates', () => {
  it('shows and reads dd/mm/yyyy, refusing dates that do not exist', () => {
    expect(dateToDmy('2022-05-26')).toBe('26/05/2022')
    expect(dateToDmy('2022-05')).toBe('05/2022')
    expect(dateToDmy('')).toBe('')
    expect(dmyToDate('26/5/2022')).toBe('2022-05-26')
    expect(dmyToDate(' 05/2022 ')).toBe('2022-05')
    expect(dmyToDate('')).toBe('')
    expect(dmyToDate('31/02/2022')).toBeNull()
    expect(dmyToDate('2022-05-26')).toBeNull()
    expect(dateTimeDmy(new Date(2026, 11, 3, 7, 5).toISOString())).toBe('03/12/2026 07:05')
  })
})
