// Re-anchoring annotations after a report is revised: each case is a revision a drafting office
// makes, checked with the previous revision known and, where it matters, without it.
import { describe, expect, it } from 'vitest'
import { anchorOne, reanchorAll, type ReanchorOutcome } from '../../src/core/anchoring/reanchor'
import { describeRange } from '../../src/core/anchoring/selectors'

const S1 = 'Tổng giá trị sản xuất năm 2021 ước đạt hơn 1.582 tỷ đồng, tốc độ tăng trưởng 0,89%.'
const S2 = 'Công tác quản lý, bảo vệ và chăm sóc, phát triển rừng được quan tâm chỉ đạo, trong năm không để xảy ra cháy rừng.'
const S3 = 'Tỷ lệ giải ngân vốn đầu tư công đạt 94,67%, đứng thứ 4/21 địa phương.'
const S4 = 'Huyện cũng cần quan tâm công tác cải cách hành chính, sắp xếp tổ chức bộ máy, nâng cao đạo đức trách nhiệm.'
const S5 = 'Bảo tồn và phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc, xóa bỏ các hủ tục lạc hậu.'
const S6 = 'Quan tâm đến đầu tư các hạ tầng phục vụ người dân như đường giao thông, điện lưới, nước sạch.'
const BOILERPLATE = 'Đánh giá các mô hình giảm nghèo có hiệu quả để nhân rộng, nâng cao thu nhập cho người dân.'

const paragraphs = (...ps: string[]) => ps.join('\n\n')

/** Offsets of the n-th occurrence of `quote` in `text`. */
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

function placedAt(o: ReanchorOutcome | undefined): { start: number; end: number } {
  if (!o || o.status !== 'placed') throw new Error(`expected a placement, got ${JSON.stringify(o)}`)
  return { start: o.start, end: o.end }
}

describe('describeRange', () => {
  it('keeps up to 32 characters of context and never splits a surrogate pair', () => {
    const text = `${S1} ${S2}`
    const { start, end } = find(text, 'phát triển rừng')
    const s = describeRange(text, start, end)
    expect(s.quote.exact).toBe('phát triển rừng')
    expect(s.quote.prefix).toBe(text.slice(start - 32, start))
    expect(s.quote.suffix).toBe(text.slice(end, end + 32))
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end })
    const emoji = `😀${'b'.repeat(31)}x`
    expect(describeRange(emoji, emoji.length - 1, emoji.length).quote.prefix).toBe('b'.repeat(31))
    expect(() => describeRange(text, 5, 2)).toThrow(RangeError)
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError)
  })
})

describe('reanchorAll', () => {
  const original = paragraphs(`${S1} ${S2}`, `${S3} ${S4}`, `${S5} ${S6}`)

  it('keeps an annotation on an unchanged text where it was', () => {
    const item = annotate(original, 'chăm sóc, phát triển rừng')
    const [withHistory] = reanchorAll(original, original, [item])
    const [without] = reanchorAll(null, original, [item])
    for (const o of [withHistory, without, anchorOne(original, item.selectors)]) {
      expect(o).toMatchObject({ status: 'placed', method: 'position', confidence: 1, ...find(original, 'chăm sóc, phát triển rừng') })
    }
  })

  it('follows text shifted by an insertion before it', () => {
    const inserted = 'Sáng 26/5, đoàn công tác của tỉnh làm việc với huyện.\n\n'
    const revised = inserted + original
    const item = annotate(original, 'nâng cao đạo đức trách nhiệm')
    const expected = find(revised, 'nâng cao đạo đức trách nhiệm')
    const [withHistory] = reanchorAll(original, revised, [item])
    expect(withHistory).toMatchObject({ status: 'placed', method: 'diff', confidence: 1, ...expected })
    const [without] = reanchorAll(null, revised, [item])
    expect(without).toMatchObject({ status: 'placed', method: 'exact', ...expected })
  })

  it('stays on a quote that was edited slightly, over the whole edited words', () => {
    const revised = original.replace('bảo vệ và chăm sóc', 'bảo về và chăm sóc').replace('cháy rừng', 'cháy rưng')
    const item = annotate(original, S2)
    const expected = find(revised, 'Công tác quản lý, bảo về và chăm sóc, phát triển rừng được quan tâm chỉ đạo, trong năm không để xảy ra cháy rưng.')
    const [withHistory] = reanchorAll(original, revised, [item])
    expect(withHistory).toMatchObject({ status: 'placed', method: 'diff', ...expected })
    expect((withHistory as { confidence: number }).confidence).toBeGreaterThan(0.9)
    expect((withHistory as { confidence: number }).confidence).toBeLessThan(1)
    for (const o of [reanchorAll(null, revised, [item])[0], anchorOne(revised, item.selectors)]) {
      expect(o).toMatchObject({ status: 'placed', method: 'fuzzy', ...expected })
    }
  })

  it('snaps to the replaced word at the edge of a quote', () => {
    const revised = original.replace('tốc độ tăng trưởng', 'tốc độ phát triển')
    const item = annotate(original, 'tốc độ tăng trưởng')
    const [o] = reanchorAll(original, revised, [annotate(original, 'ước đạt hơn 1.582 tỷ đồng, tốc độ tăng trưởng'), item])
    expect(o).toMatchObject({ status: 'placed', ...find(revised, 'ước đạt hơn 1.582 tỷ đồng, tốc độ phát triển') })
    // Two of the quote's three words replaced: not the same text any more, a person decides.
    expect(reanchorAll(original, revised, [item])[0]).toMatchObject({
      status: 'review',
      oldQuote: 'tốc độ tăng trưởng',
      newQuote: 'tốc độ phát triển',
      ...find(revised, 'tốc độ phát triển'),
    })
  })

  it('reports a deleted quote as deleted when the previous text says so, never on a copy of it elsewhere', () => {
    const old = paragraphs(`${S1} ${BOILERPLATE} ${S2}`, `${S3} ${S4}`, `${S5} ${BOILERPLATE}`)
    const revised = old.replace(` ${BOILERPLATE} ${S2}`, ` ${S2}`)
    const items = [annotate(old, 'giảm nghèo có hiệu quả'), annotate(old, BOILERPLATE), annotate(old, 'nâng cao thu nhập')]
    for (const o of reanchorAll(old, revised, items)) expect(o).toMatchObject({ status: 'unplaced', reason: 'deleted' })
    // Without it, the quote leads: nothing tells a deleted passage from one moved, so a short quote
    // whose context agrees lands on the copy that remains; the whole sentence, whose context does not, stays unplaced.
    const [inside, whole, end] = reanchorAll(null, revised, items)
    expect(placedAt(inside)).toEqual(find(revised, 'giảm nghèo có hiệu quả'))
    expect(whole!.status).toBe('unplaced')
    expect(placedAt(end)).toEqual(find(revised, 'nâng cao thu nhập'))
    // The copy that remains keeps its own annotation.
    const kept = annotate(old, 'giảm nghèo có hiệu quả', 1)
    expect(placedAt(reanchorAll(old, revised, [kept])[0])).toEqual(find(revised, 'giảm nghèo có hiệu quả'))
  })

  it('tells the copies of a repeated passage apart by position alone', () => {
    const old = paragraphs(...Array.from({ length: 8 }, (_, i) => (i % 2 ? BOILERPLATE : [S1, S2, S3, S4][i >> 1]!)))
    const item = annotate(old, 'nâng cao thu nhập', 2)
    const revised = paragraphs('Phần mở đầu mới của báo cáo.', old)
      .replace(S2, S2.replace('quan tâm', 'quan tam'))
      .replace(S3, `${S6} ${S3}`)
    const expected = find(revised, 'nâng cao thu nhập', 2)
    expect(placedAt(reanchorAll(old, revised, [item])[0])).toEqual(expected)
    // Without the previous revision, the annotations before it show how far the text moved.
    const before = [annotate(old, 'tốc độ tăng trưởng'), annotate(old, 'Tỷ lệ giải ngân')]
    const outcomes = reanchorAll(null, revised, [...before, item])
    expect(placedAt(outcomes[2])).toEqual(expected)
    // Every copy of the passage is annotated: each stays on its own.
    const all = [0, 1, 2, 3].map((n) => annotate(old, BOILERPLATE, n))
    reanchorAll(old, revised, all).forEach((o, n) => expect(placedAt(o)).toEqual(find(revised, BOILERPLATE, n)))
  })

  it('says "ambiguous" rather than choose between two equally good copies', () => {
    const text = paragraphs(BOILERPLATE, S1, S1, BOILERPLATE)
    const copies = [find(text, 'giảm nghèo', 0), find(text, 'giảm nghèo', 1)]
    const middle = Math.round((copies[0]!.start + copies[1]!.start) / 2)
    const selectors = { ...describeRange(text, copies[0]!.start, copies[0]!.end), position: { type: 'TextPositionSelector' as const, start: middle, end: middle + 10 } }
    expect(anchorOne(text, selectors)).toMatchObject({ status: 'unplaced', reason: 'ambiguous' })
  })

  it('anchors spans across paragraphs', () => {
    const quote = `tốc độ tăng trưởng 0,89%. ${S2}\n\nTỷ lệ giải ngân vốn`
    const old = paragraphs(`${S1} ${S2}`, `${S3} ${S4}`, S5)
    const item = annotate(old, quote)
    const revised = paragraphs('Đoạn thêm.', old.replace('cháy rừng', 'cháy rừng lớn'))
    const expected = find(revised, quote.replace('cháy rừng', 'cháy rừng lớn'))
    expect(reanchorAll(old, revised, [item])[0]).toMatchObject({ status: 'placed', ...expected })
    expect(reanchorAll(null, revised, [item])[0]).toMatchObject({ status: 'placed', ...expected })
  })

  it('follows a sentence moved to another paragraph', () => {
    const revised = paragraphs(S1, `${S3} ${S4}`, `${S5} ${S2} ${S6}`)
    const items = [annotate(original, 'bảo vệ và chăm sóc'), annotate(original, S2), annotate(original, 'tăng trưởng 0,89%')]
    const [part, whole, stays] = reanchorAll(original, revised, items)
    expect(part).toMatchObject({ status: 'placed', method: 'exact', ...find(revised, 'bảo vệ và chăm sóc') })
    expect(whole).toMatchObject({ status: 'placed', ...find(revised, S2) })
    expect(stays).toMatchObject({ status: 'placed', ...find(revised, 'tăng trưởng 0,89%') })
    // Without the previous revision, text moved with its surroundings is still found.
    expect(reanchorAll(null, revised, [items[0]!])[0]).toMatchObject({ status: 'placed', ...find(revised, 'bảo vệ và chăm sóc') })
  })

  it('reads decomposed (NFD) selectors and follows a changed diacritic', () => {
    const item = annotate(original, 'giá trị văn hóa truyền thống')
    const imported = {
      ...item.selectors,
      quote: { ...item.selectors.quote, exact: item.selectors.quote.exact.normalize('NFD'), prefix: item.selectors.quote.prefix.normalize('NFD') },
    }
    expect(anchorOne(original, imported)).toMatchObject({ status: 'placed', method: 'position', ...find(original, 'giá trị văn hóa truyền thống') })
    const revised = original.replace('văn hóa', 'văn hoá')
    const expected = find(revised, 'giá trị văn hoá truyền thống')
    expect(reanchorAll(original, revised, [item])[0]).toMatchObject({ status: 'placed', method: 'diff', ...expected })
    expect(anchorOne(revised, imported)).toMatchObject({ status: 'placed', method: 'fuzzy', ...expected })
  })

  it('places selectors made on an earlier revision than the previous one', () => {
    const previous = paragraphs('Sáng 26/5, đoàn công tác làm việc với huyện.', original)
    const revised = previous.replace(S3, S3.replace('94,67%', '95%'))
    const item = annotate(original, 'đứng thứ 4/21 địa phương')
    expect(reanchorAll(previous, revised, [item])[0]).toMatchObject({ status: 'placed', ...find(revised, 'đứng thứ 4/21 địa phương') })
  })

  it('answers in the order the annotations were given', () => {
    const items = [annotate(original, S6), annotate(original, S1), annotate(original, S4)]
    const outcomes = reanchorAll(original, original.replace(S3, ''), items)
    expect(outcomes.map((o) => o.id)).toEqual(items.map((i) => i.id))
  })
})
