// Re-anchoring cases the quote-led search and the moved-block alignment exist for: a paragraph
// moved and then edited, long insertions without the previous text, one annotation alone on a long
// report, copies of a repeated passage told apart by order, and text changed too much → review.
import { describe, expect, it } from 'vitest'
import { reanchorAll, type ReanchorOutcome } from '../../src/core/anchoring/reanchor'
import { describeRange } from '../../src/core/anchoring/selectors'

const P = [
  'Năm 2023, huyện tập trung chỉ đạo sản xuất vụ đông xuân, diện tích gieo trồng đạt 4.250 ha, năng suất lúa bình quân 52 tạ/ha.',
  'Công tác thu ngân sách đạt 118% dự toán, chi ngân sách bảo đảm đúng quy định, ưu tiên cho giáo dục và y tế cơ sở.',
  'Huyện đã hoàn thành việc sắp xếp các điểm trường lẻ ở xã Mường Lống, đưa 312 học sinh về học tại trường chính của xã.',
  'Tỷ lệ hộ nghèo giảm còn 38,6%, mỗi năm giảm bình quân 4,1%, vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ huyện đề ra.',
  'Đường giao thông liên xã Hữu Kiệm đi Bảo Nam bị sạt lở nhiều đoạn, đề nghị tỉnh hỗ trợ kinh phí khắc phục trước mùa mưa.',
  'Lực lượng kiểm lâm phối hợp với chính quyền xã tuần tra bảo vệ rừng, không để xảy ra cháy rừng trong mùa khô năm nay.',
]
const BOILERPLATE = 'Các xã tiếp tục rà soát, đánh giá kết quả thực hiện và báo cáo Ủy ban nhân dân huyện trước ngày 25 hằng tháng.'
const join = (ps: string[]) => ps.join('\n\n')

/** Paragraphs of new text, none like any other: what a long insertion brings. */
function filler(count: number, seed: number): string[] {
  const topics = ['chuyển đổi số', 'nước sạch nông thôn', 'du lịch cộng đồng', 'bảo hiểm y tế', 'khuyến nông', 'an toàn thực phẩm']
  return Array.from({ length: count }, (_, i) => {
    const n = seed * 100 + i
    return `Nội dung bổ sung thứ ${n} về ${topics[n % topics.length]}: xã số ${n} đã tổ chức ${n % 7} hội nghị và ${n % 5} lớp tập huấn cho ${40 + n} lượt người tham dự.`
  })
}

function find(text: string, quote: string, n = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${n + 1} times`)
  }
  return { start: at, end: at + quote.length }
}

function annotate(text: string, quote: string, n = 0) {
  const { start, end } = find(text, quote, n)
  return { id: `${quote}#${n}`, selectors: describeRange(text, start, end) }
}

function span(o: ReanchorOutcome | undefined): { status: string; start?: number; end?: number } {
  if (!o) throw new Error('no outcome')
  return o.status === 'unplaced' ? { status: o.status } : { status: o.status, start: o.start, end: o.end }
}

describe('a paragraph moved and then edited', () => {
  it('is followed with the previous text, through its own alignment', () => {
    const old = join(P)
    const moved = P[2]!.replace('sắp xếp', 'sap xếp').replace('312 học sinh', '321 học sinh').replace('trường chính', 'trường trung tâm')
    const revised = join([P[0]!, P[1]!, P[3]!, P[4]!, moved, P[5]!])
    const items = [annotate(old, 'đưa 312 học sinh về học'), annotate(old, 'điểm trường lẻ ở xã Mường Lống'), annotate(old, 'chỉ tiêu Nghị quyết')]
    const [a, b, c] = reanchorAll(old, revised, items)
    expect(span(a)).toEqual({ status: 'placed', ...find(revised, 'đưa 321 học sinh về học') })
    expect(span(b)).toEqual({ status: 'placed', ...find(revised, 'điểm trường lẻ ở xã Mường Lống') })
    expect(span(c)).toEqual({ status: 'placed', ...find(revised, 'chỉ tiêu Nghị quyết') })
  })
})

describe('without the previous text, the quote leads', () => {
  it('finds annotations after a long insertion ahead of them', () => {
    const old = join(P)
    const revised = join([P[0]!, ...filler(40, 1), ...P.slice(1)])
    const quotes = ['ưu tiên cho giáo dục', 'tuần tra bảo vệ rừng']
    const outcomes = reanchorAll(null, revised, quotes.map((q) => annotate(old, q)))
    outcomes.forEach((o, i) => expect(span(o)).toEqual({ status: 'placed', ...find(revised, quotes[i]!) }))
  })

  it('finds one annotation alone on a long report, even where its words were edited', () => {
    const old = join([...filler(30, 2), ...P, ...filler(30, 3)])
    const revised = join([...filler(60, 4), ...filler(30, 2), ...P.map((p) => p.replace('hỗ trợ kinh phí', 'hỗ trợ kinh phi')), ...filler(30, 3)])
    const [exact] = reanchorAll(null, revised, [annotate(old, 'Hữu Kiệm đi Bảo Nam')])
    expect(span(exact)).toEqual({ status: 'placed', ...find(revised, 'Hữu Kiệm đi Bảo Nam') })
    const [edited] = reanchorAll(null, revised, [annotate(old, 'đề nghị tỉnh hỗ trợ kinh phí khắc phục')])
    expect(span(edited)).toEqual({ status: 'placed', ...find(revised, 'đề nghị tỉnh hỗ trợ kinh phi khắc phục') })
  })

  it('tells copies of a repeated passage apart by the order of the annotations around them', () => {
    const old = join(P.flatMap((p) => [p, BOILERPLATE]))
    const revised = join([...filler(25, 5), ...P.flatMap((p, i) => (i === 3 ? [p, ...filler(8, 6), BOILERPLATE] : [p, BOILERPLATE]))])
    const items = P.flatMap((p, i) => [annotate(old, p.slice(0, 30)), annotate(old, 'báo cáo Ủy ban nhân dân huyện', i)])
    const outcomes = reanchorAll(null, revised, items)
    P.forEach((p, i) => {
      expect(span(outcomes[2 * i])).toEqual({ status: 'placed', ...find(revised, p.slice(0, 30)) })
      expect(span(outcomes[2 * i + 1])).toEqual({ status: 'placed', ...find(revised, 'báo cáo Ủy ban nhân dân huyện', i) })
    })
  })
})

describe('text changed substantially', () => {
  it('goes to review with its old and new text; a light edit stays placed; text gone is deleted', () => {
    const old = join(P)
    const revised = join([P[0]!, P[1]!.replace('bảo đảm đúng quy định', 'được công khai minh bạch'), P[2]!, P[4]!, P[5]!])
    const items = [annotate(old, 'chi ngân sách bảo đảm đúng quy định'), annotate(old, 'thu ngân sách đạt 118% dự toán'), annotate(old, 'Tỷ lệ hộ nghèo')]
    const [changed, kept, gone] = reanchorAll(old, revised, items)
    expect(changed).toMatchObject({ status: 'review', oldQuote: 'chi ngân sách bảo đảm đúng quy định', newQuote: 'chi ngân sách được công khai minh bạch' })
    expect(span(changed)).toEqual({ status: 'review', ...find(revised, 'chi ngân sách được công khai minh bạch') })
    expect(span(kept)).toEqual({ status: 'placed', ...find(revised, 'thu ngân sách đạt 118% dự toán') })
    expect(gone).toMatchObject({ status: 'unplaced', reason: 'deleted' })
  })
})
