// The clause features the directive scorer learns from, on sentences written for this test: the
// heading a passage falls under, openings that describe rather than direct, counts of things,
// the progressive aspect, a petition by citizens, a directive verb inside a relative clause; and
// the training labels, given by where a candidate stands in the text rather than by shared words.
import { describe, expect, it } from 'vitest'
import { findCandidates } from '../../src/core/extract/candidates'
import { labelledCandidates } from '../../eval/training'

function featuresOf(text: string, part: string): Record<string, number> {
  const c = findCandidates(text, []).find((x) => text.slice(x.start, x.end).includes(part))
  expect(c, part).toBeDefined()
  return c!.features
}

describe('directive clause features', () => {
  it('tells a heading that announces results from one that announces tasks', () => {
    const text = [
      'I. KẾT QUẢ THỰC HIỆN NĂM 2023',
      'Huyện tổ chức 12 lớp tập huấn cho nông dân về trồng cây ăn quả.',
      'II. NHIỆM VỤ NĂM 2024',
      'Phòng Nông nghiệp rà soát quỹ đất trồng cây ăn quả trên địa bàn.',
      '3. Tăng cường quản lý chợ nông thôn',
      'Các xã kiểm tra việc thu phí tại chợ.',
    ].join('\n')
    expect(featuresOf(text, 'lớp tập huấn')).toMatchObject({ headResults: 1 })
    expect(featuresOf(text, 'lớp tập huấn').headTasks).toBeUndefined()
    expect(featuresOf(text, 'rà soát quỹ đất')).toMatchObject({ headTasks: 1 })
    expect(featuresOf(text, 'rà soát quỹ đất').headResults).toBeUndefined()
    expect(featuresOf(text, 'thu phí tại chợ')).toMatchObject({ headVerb: 1 })
  })

  it('marks clauses that describe the meeting, count things or go on now', () => {
    const text = [
      'Đây là nội dung mà Chủ tịch UBND huyện chỉ đạo tại cuộc họp sáng nay.',
      'Phiên họp tập trung đánh giá tình hình thu ngân sách quý I.',
      'Đoàn kiểm tra lập biên bản 14 cơ sở kinh doanh vi phạm.',
      'Sở Xây dựng đang hoàn thiện hồ sơ quy hoạch vùng huyện.',
      'Yêu cầu Phòng Giáo dục trang bị máy chiếu cho lớp 5 trước ngày 15/8.',
    ].join('\n')
    expect(featuresOf(text, 'Phiên họp')).toMatchObject({ eventSubject: 1 })
    expect(featuresOf(text, '14 cơ sở')).toMatchObject({ counted: 1 })
    expect(featuresOf(text, 'hồ sơ quy hoạch')).toMatchObject({ progressive: 1 })
    const directive = featuresOf(text, 'máy chiếu')
    expect(directive.counted).toBeUndefined()
    expect(directive.progressive).toBeUndefined()
    expect(findCandidates('Đây là nhiệm vụ trọng tâm của ngành trong năm.', [])
      .some((c) => c.features.describing === 1)).toBe(true)
  })

  it('sees a petition of citizens and a directive verb inside a relative clause', () => {
    const petition = 'Tại buổi tiếp xúc, nhiều phụ huynh học sinh ở thôn Nà Mòn thuộc xã Đức Xuân, huyện Hòa An, tỉnh Cao Bằng đề nghị UBND xã sửa lại đường vào trường.'
    expect(featuresOf(petition, 'sửa lại đường')).toMatchObject({ citizenBeforeGov: 1 })
    const leader = 'Chủ tịch UBND huyện đề nghị UBND xã sửa lại đường vào trường trước năm học mới.'
    expect(featuresOf(leader, 'sửa lại đường').citizenBeforeGov).toBeUndefined()
    const relative = 'Việc sửa đường là nội dung mà lãnh đạo huyện yêu cầu các xã báo cáo hằng tháng.'
    expect(featuresOf(relative, 'báo cáo hằng tháng')).toMatchObject({ relativeGov: 1 })
  })
})

describe('training labels', () => {
  it('labels a candidate by where it stands, and leaves out a headline that repeats a directive', () => {
    const text = [
      'Tăng cường kiểm tra an toàn thực phẩm trong dịp Tết',
      '',
      'Chủ tịch UBND huyện yêu cầu Phòng Y tế tăng cường kiểm tra an toàn thực phẩm trong dịp Tết. Năm 2023, huyện đã kiểm tra 120 cơ sở.',
    ].join('\n')
    const doc = { id: 't', text, year: 2024, gold: [{ text: 'Phòng Y tế tăng cường kiểm tra an toàn thực phẩm trong dịp Tết', sector: 'health', actor: 'Phòng Y tế' }] }
    const labelled = labelledCandidates(doc)
    const labelOf = (part: string) => labelled.find((l) => text.slice(l.candidate.start, l.candidate.end).includes(part))?.label
    expect(labelOf('Phòng Y tế tăng cường')).toBe(1)
    expect(labelOf('120 cơ sở')).toBe(0)
    // The headline shares every word of the directive but is not it: neither 1 nor 0.
    const headline = 'Tăng cường kiểm tra an toàn thực phẩm trong dịp Tết'
    const doc2 = { ...doc, text: text.replace(headline, `${headline}.`) }
    const l2 = labelledCandidates(doc2)
    expect(l2.find((l) => l.candidate.start === 0)?.label).toBeNull()
    expect(l2.filter((l) => l.label === 1)).toHaveLength(1)
  })
})
