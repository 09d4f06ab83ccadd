// Deadlines as directives write them, to the last day of the period, with the report's year
// when none is written; and titles that stay short without cutting a word.
import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../../src/core/extract/deadline'
import { makeTitle } from '../../src/core/extract/title'

describe('parseDeadline', () => {
  it.each([
    ['báo cáo ubnd tỉnh trước ngày 30/6/2022', 2021, '2022-06-30'],
    ['hoàn thành trong tháng 7', 2022, '2022-07-31'],
    ['xong trước 15/8', 2023, '2023-08-15'],
    ['triển khai trong quý iii', 2022, '2022-09-30'],
    ['triển khai trong qúy iii', 2022, '2022-09-30'],
    ['chậm nhất là ngày 5-9-2024', 2020, '2024-09-05'],
    ['trong tháng 2 năm 2024', 2020, '2024-02-29'],
    ['trước quý 4/2025', 2020, '2025-12-31'],
    ['hoàn thành trước năm 2025', 2020, '2025-12-31'],
  ])('%s → %s', (clause, year, due) => {
    expect(parseDeadline(clause, year)).toBe(due)
  })

  it('gives none where there is none, or where the date cannot be', () => {
    expect(parseDeadline('đảm bảo an toàn dịp nghỉ lễ 2/9', 2022)).toBeNull()
    expect(parseDeadline('trong 6 tháng cuối năm, tăng 10% số cơ sở', 2022)).toBeNull()
    expect(parseDeadline('trước ngày 31/2', 2022)).toBeNull()
    expect(parseDeadline('trong tháng 7', null)).toBeNull()
  })
})

describe('makeTitle', () => {
  it('drops lead adverbs and "chủ trì, phối hợp với …" before the task', () => {
    const q = 'chủ trì, phối hợp với Sở Tài chính rà soát các dự án chậm giải ngân'
    expect(makeTitle(q, q.toLowerCase(), 'Sở Tài chính', false)).toBe('Rà soát các dự án chậm giải ngân')
    const k = 'khẩn trương hoàn thành giải phóng mặt bằng'
    expect(makeTitle(k, k, null, false)).toBe('Hoàn thành giải phóng mặt bằng')
  })

  it('cuts a long title at a clause boundary or a whole word, and drops a word cut by the excerpt', () => {
    const long = 'tăng cường công tác kiểm tra, giám sát việc chấp hành pháp luật về bảo vệ môi trường tại các khu công nghiệp, cụm công nghiệp và làng nghề trên địa bàn toàn tỉnh'
    const t = makeTitle(long, long, null, false)
    expect(t.length).toBeLessThanOrEqual(91)
    expect(long.toLowerCase().startsWith(t.replace(/…$/u, '').toLowerCase())).toBe(true)
    expect(makeTitle('tập trung chỉ đạo các đi', 'tập trung chỉ đạo các đi', null, true)).toBe('Chỉ đạo các…')
  })
})
