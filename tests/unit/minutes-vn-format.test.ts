// How the minutes write dates, times, register numbers and titles the Vietnamese
// administrative way (Decree 30/2020/NĐ-CP).
import { describe, expect, it } from 'vitest'
import { conclusionSubject } from '../../src/core/minutes/sections-thongbao'
import { lowerFirst, numberLine, vnDate, vnDateLine, vnTime } from '../../src/core/minutes/vn-format'

describe('Vietnamese dates, times and numbers', () => {
  it('writes dates in running text and in the place/date line the decree way', () => {
    expect(vnDate('2022-05-26')).toBe('ngày 26 tháng 5 năm 2022')
    expect(vnDate('2022-05-06T09:30')).toBe('ngày 6 tháng 5 năm 2022')
    expect(vnDateLine('2025-03-05')).toBe('ngày 05 tháng 3 năm 2025')
    expect(vnDateLine('2022-01-26')).toBe('ngày 26 tháng 01 năm 2022')
    expect(vnDateLine('2022-12-31')).toBe('ngày 31 tháng 12 năm 2022')
    expect(vnTime('2022-05-26T09:30')).toBe('9 giờ 30')
    expect(vnTime('2022-05-26T14:05')).toBe('14 giờ 05')
    expect(numberLine('5', 'BB', 'UBND')).toBe('Số: 05/BB-UBND')
    expect(numberLine('123', 'TB', 'VP')).toBe('Số: 123/TB-VP')
    expect(numberLine('', 'TB', 'UBND')).toMatch(/^Số: \u00a0+\/TB-UBND$/)
    expect(lowerFirst('Buổi làm việc')).toBe('buổi làm việc')
    expect(lowerFirst('UBND tỉnh họp')).toBe('UBND tỉnh họp')
  })

  it('turns the meeting title into the trích yếu of a conclusion notice', () => {
    expect(conclusionSubject('Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn')).toBe(
      'Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kỳ Sơn',
    )
    expect(conclusionSubject('Hội nghị triển khai nhiệm vụ năm 2023')).toBe('Kết luận tại hội nghị triển khai nhiệm vụ năm 2023')
  })
})
