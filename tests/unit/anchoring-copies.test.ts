// Re-anchoring with the previous text known, where copies of boilerplate and moved text meet
// annotations: an edited copy next to an untouched one must not make the diff pair each annotation
// with the other copy; a moved paragraph is followed even where its quote stands in other deleted
// copies; text moved in between an annotation's sentences does not widen it, and the larger part
// of an annotation follows its sentence when that sentence moved.
import { describe, expect, it } from 'vitest'
import { reanchorAll, type ReanchorOutcome } from '../../src/core/anchoring/reanchor'
import { describeRange } from '../../src/core/anchoring/selectors'
import { diffRevisions } from '../../src/core/anchoring/text-diff'

const BEFORE = 'Ban chỉ đạo huyện đã họp định kỳ để nghe báo cáo tiến độ xây dựng nông thôn mới tại các xã vùng cao.'
const COPY = 'Ủy ban nhân dân huyện yêu cầu các phòng, ban chuyên môn khẩn trương hoàn thiện hồ sơ và gửi về Văn phòng trước ngày 15.'
const MIDDLE = 'Công tác tiêm chủng mở rộng cho trẻ em dưới một tuổi đạt tỷ lệ cao, không để xảy ra dịch bệnh nguy hiểm.'
const OTHER = 'Các trường học đã được sửa chữa phòng học, nhà vệ sinh và bếp ăn bán trú trước năm học mới.'
const LAST = 'Thu nhập bình quân đầu người năm nay ước đạt ba mươi hai triệu đồng, tăng so với năm trước.'
const LATER = 'Hệ thống thủy lợi nội đồng được nạo vét trước vụ mùa, bảo đảm đủ nước tưới cho gần hai nghìn ha lúa nước.'
const join = (ps: string[]) => ps.join('\n\n')

/** Start of the n-th occurrence (0-based) of `quote` in `text`. */
function nth(text: string, quote: string, n: number): number {
  let at = -1
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${n + 1} times`)
  }
  return at
}

function annotate(text: string, quote: string, n: number) {
  const start = nth(text, quote, n)
  return { id: `${quote}#${n}`, selectors: describeRange(text, start, start + quote.length) }
}

function span(o: ReanchorOutcome | undefined): { status: string; start?: number; end?: number } {
  if (!o) throw new Error('no outcome')
  return o.status === 'unplaced' ? { status: o.status } : { status: o.status, start: o.start, end: o.end }
}

describe('copies of a boilerplate paragraph, one of them edited', () => {
  it('pairs edited copies with their own originals, not with an untouched copy nearby', () => {
    // Old: P A A C A B A R S; new: P' A A' C' A B' A R' S' (A the boilerplate, ' an edit). The
    // longest common subsequence may carry the second A to the first, untouched one as well as
    // the first; the pairing by similarity puts every copy back on its own.
    const [P, C, B, R, S] = [BEFORE, MIDDLE, LATER, OTHER, LAST]
    const old = join([P, COPY, COPY, C, COPY, B, COPY, R, S])
    const revised = join([
      P.replace('định kỳ', 'đinh kỳ'),
      COPY,
      COPY.replace('chuyên môn', 'chuyen môn'),
      C.replace('tỷ lệ cao', 'tỷ lệ rất cao'),
      COPY,
      B.replace('gần hai nghìn', 'gần 2 nghìn'),
      COPY,
      R.replace('đã được', 'được'),
      S.replace('bình quân', 'bình quăn'),
    ])
    const quote = 'Văn phòng trước ngày 15'
    const items = [0, 1, 2, 3].map((n) => annotate(old, quote, n))
    const outcomes = reanchorAll(old, revised, items)
    outcomes.forEach((o, k) => {
      const start = nth(revised, quote, k)
      expect(span(o)).toEqual({ status: 'placed', start, end: start + quote.length })
    })
    // In the edit script itself, the first copy stays the first.
    const firstCopy = nth(old, COPY, 0)
    const carried = diffRevisions(old, revised).find((op) => op.kind === 'equal' && op.oldStart <= firstCopy && op.oldEnd > firstCopy)
    expect(carried && carried.newStart + (firstCopy - carried.oldStart)).toBe(nth(revised, COPY, 0))
  })

  it('follows a moved and edited paragraph whose boilerplate sentence also stood in a paragraph deleted outright', () => {
    const SHARED = 'Các xã tiếp tục rà soát, đánh giá kết quả thực hiện và báo cáo Ủy ban nhân dân huyện trước ngày 25 hằng tháng.'
    const moving = `Về giao thông nông thôn, huyện đã cứng hóa thêm 14 km đường trục xã và 22 km đường ngõ xóm. ${SHARED} Nguồn vốn chủ yếu do nhân dân đóng góp.`
    const dropped = `Về y tế cơ sở, trạm y tế các xã được bổ sung trang thiết bị. ${SHARED} Tỷ lệ tham gia bảo hiểm y tế đạt 93%.`
    const old = join([BEFORE, moving, MIDDLE, dropped, LATER, OTHER, LAST])
    // The paragraph moves to the end, a word of its own mistyped; the other one is gone.
    const movedAndEdited = moving.replace('cứng hóa', 'cứng hoá thêm').replace('đóng góp', 'đóng gop')
    const revised = join([BEFORE, MIDDLE, LATER, OTHER, LAST, movedAndEdited])
    // Quote and context lie inside the shared sentence: they alone cannot tell the two apart.
    const quote = 'kết quả thực hiện'
    const [own, gone] = reanchorAll(old, revised, [annotate(old, quote, 0), annotate(old, quote, 1)])
    const start = revised.indexOf(quote)
    expect(span(own)).toEqual({ status: 'placed', start, end: start + quote.length })
    expect(gone!.status).toBe('unplaced')
  })
})

describe('text moved in or out between the sentences of an annotation', () => {
  it('keeps the annotation on the piece of itself that kept most of its text, not over the moved sentence', () => {
    const guest = 'Đoàn công tác của tỉnh đã kiểm tra thực tế tại ba công trình thủy lợi đang thi công.'
    const host = `Nhiều hộ dân đã chủ động chuyển đổi cơ cấu cây trồng. ${guest} Mô hình trồng rau an toàn cho thu nhập ổn định.`
    const ending = 'Trong năm, toàn huyện trồng mới được 1.200 ha rừng sản xuất tập trung.'
    const opening = 'Về văn hóa, các lễ hội truyền thống được tổ chức trang trọng, tiết kiệm.'
    const old = join([BEFORE, `Lâm nghiệp phát triển ổn định. ${ending}`, opening, MIDDLE, host, LATER])
    // The guest sentence moves to the start of the paragraph after the annotated ending.
    const revised = join([BEFORE, `Lâm nghiệp phát triển ổn định. ${ending}`, `${guest} ${opening}`, MIDDLE, host.replace(`${guest} `, ''), LATER])
    const quote = `${ending}\n\nVề văn hóa`
    const [outcome] = reanchorAll(old, revised, [annotate(old, quote, 0)])
    const start = revised.indexOf(ending)
    expect(span(outcome)).toEqual({ status: 'placed', start, end: start + ending.length })
  })

  it('follows the larger part of an annotation when the sentence holding it moved and the rest stayed', () => {
    const leaving = 'Hội nghị thống nhất giao Phòng Tài chính - Kế hoạch tổng hợp nhu cầu vốn của các xã.'
    const staying = 'Kinh phí sự nghiệp được phân bổ sớm cho các đơn vị.'
    const old = join([BEFORE, `${leaving} ${staying}`, MIDDLE, LATER, OTHER])
    // The first sentence moves to the end of another paragraph; the second stays.
    const revised = join([BEFORE, staying, MIDDLE, `${LATER} ${leaving}`, OTHER])
    const quote = `tổng hợp nhu cầu vốn của các xã. Kinh phí`
    const [outcome] = reanchorAll(old, revised, [annotate(old, quote, 0)])
    const start = revised.indexOf('tổng hợp nhu cầu vốn của các xã.')
    expect(span(outcome)).toEqual({ status: 'placed', start, end: start + 'tổng hợp nhu cầu vốn của các xã.'.length })
  })
})
