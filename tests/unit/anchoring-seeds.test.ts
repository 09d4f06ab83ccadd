// The pieces of quote-led re-anchoring that find a quote edited or not: seeds of quote and context
// looked up in an index of the new text, the quote aligned with its context to place its edges,
// and the word-by-word share of a quote that survived (typos kept, replaced words gone).
import { describe, expect, it } from 'vitest'
import { alignQuoteAt } from '../../src/core/anchoring/needle-align'
import { reanchorAll, type ReanchorOutcome } from '../../src/core/anchoring/reanchor'
import { foldCode, isWordCode } from '../../src/core/anchoring/fold-table'
import { SEED_LENGTH, SeedIndex, seedsOf } from '../../src/core/anchoring/seed-index'
import { indexFor, needleSeeds, seededCandidates } from '../../src/core/anchoring/seeded-candidates'
import { describeRange } from '../../src/core/anchoring/selectors'
import { keptShare } from '../../src/core/anchoring/similarity'

const BOILERPLATE = 'Các xã tiếp tục rà soát, đánh giá kết quả thực hiện và báo cáo Ủy ban nhân dân huyện trước ngày 25 hằng tháng.'

/** Paragraphs none like any other, each naming its own commune and figures. */
function filler(count: number, seed: number): string[] {
  const topics = ['chuyển đổi số', 'nước sạch nông thôn', 'du lịch cộng đồng', 'bảo hiểm y tế', 'khuyến nông', 'an toàn thực phẩm']
  return Array.from({ length: count }, (_, i) => {
    const n = seed * 100 + i
    return `Báo cáo số ${n} về ${topics[n % topics.length]}: xã thứ ${n} đã tổ chức ${n % 7} hội nghị, ${n % 5} lớp tập huấn cho ${40 + n} lượt người.`
  })
}
const join = (ps: string[]) => ps.join('\n\n')

function nth(text: string, quote: string, n: number): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${n + 1} times`)
  }
  return { start: at, end: at + quote.length }
}

function span(o: ReanchorOutcome | undefined): { status: string; start?: number; end?: number } {
  if (!o) throw new Error('no outcome')
  return o.status === 'unplaced' ? { status: o.status } : { status: o.status, start: o.start, end: o.end }
}

describe('keptShare', () => {
  it('counts mistyped words and other tone marks as kept, replaced words as gone', () => {
    expect(keptShare('hoạt động', 'hạot động')).toBe(1)
    expect(keptShare('tình hình', 'tinh hình')).toBe(1)
    expect(keptShare('Công văn số', 'Công thành số')).toBeCloseTo(8 / 11, 5)
    // Five of eight words replaced: substantially changed, though the spaces between them stayed.
    expect(keptShare('chi ngân sách bảo đảm đúng quy định', 'chi ngân sách được công khai minh bạch')).toBeLessThan(0.6)
  })
})

/** Word starts of text[from, to) with the SEED_LENGTH folded characters after them, by their definition. */
function windowsByDefinition(text: string, from: number, to: number): Array<{ at: number; window: string }> {
  const out: Array<{ at: number; window: string }> = []
  for (let i = from; i < to; i++) {
    if (!isWordCode(text.charCodeAt(i)) || (i > from && isWordCode(text.charCodeAt(i - 1)))) continue
    let window = ''
    for (let j = i; j < to && window.length < SEED_LENGTH; j++) {
      const f = foldCode(text.charCodeAt(j))
      if (f !== 0) window += String.fromCharCode(f)
    }
    if (window.length === SEED_LENGTH) out.push({ at: i, window })
  }
  return out
}

describe('seeds', () => {
  const text = [
    'Hoạt động sản xuất nông nghiệp ổn định; Hoat dong san xuat nong nghiep on dinh.',
    'Ho\u0323at đo\u0302\u0323ng sa\u0309n xuất (tách dấu) — 2.350 ha lúa, 12,5 tỷ đồng.',
    '\u0301\u0301 dấu đứng đầu, ký tự\u0000lạ\u0000\u0301giữa, 😀 ngoài bảng, ĐỒNG ĐỒNG ĐỒNG ĐỒNG, \u0301\u0000\u0301\u0000số liệu thống kê.',
  ].join('\n')

  it('stand at every word start with ten folded characters after it, in the whole text or a part of it', () => {
    for (const [from, to] of [[0, text.length], [5, text.length - 7], [83, 190], [text.indexOf('\u0000') , text.length]] as const) {
      const seeds = seedsOf(text, from, to)
      const expected = windowsByDefinition(text, from, to)
      expect(seeds.map((s) => s.at)).toEqual(expected.map((e) => e.at))
      // Equal hashes exactly for equal folded windows (no collision in so short a text).
      const byWindow = new Map<string, number>()
      const byHash = new Map<number, string>()
      seeds.forEach((s, k) => {
        expect(byWindow.get(expected[k]!.window) ?? s.hash).toBe(s.hash)
        expect(byHash.get(s.hash) ?? expected[k]!.window).toBe(expected[k]!.window)
        byWindow.set(expected[k]!.window, s.hash)
        byHash.set(s.hash, expected[k]!.window)
      })
    }
  })

  it('of a needle are those of the same words in the text, whatever their case, tone marks or composition', () => {
    const whole = new Map(seedsOf(text).map((s) => [s.at, s.hash]))
    const from = text.indexOf('sản xuất')
    const part = seedsOf(text, from, from + 60)
    expect(part.length).toBeGreaterThan(5)
    for (const s of part) expect(whole.get(s.at)).toBe(s.hash)
    const [composed] = seedsOf('Hoạt động sản xuất')
    expect(seedsOf('HOAT DONG san xuat')[0]!.hash).toBe(composed!.hash)
    expect(seedsOf('Ho\u0323at đo\u0302\u0323ng sản xuất')[0]!.hash).toBe(composed!.hash)
    expect(seedsOf('Hoạch động sản xuất')[0]!.hash).not.toBe(composed!.hash)
  })
})

describe('seeds of quote and context', () => {
  it('find a passage whose words were mistyped and re-toned, wherever it now stands', () => {
    const old = join([...filler(20, 1), 'Đường giao thông liên xã Hữu Kiệm đi Bảo Nam bị sạt lở nhiều đoạn, đề nghị tỉnh hỗ trợ kinh phí khắc phục.', ...filler(20, 2)])
    const quote = 'đề nghị tỉnh hỗ trợ kinh phí'
    const { start, end } = nth(old, quote, 0)
    const revised = join([...filler(40, 3), ...filler(20, 2), 'Đường giao thông liên xã Hữu Kiệm đi Bảo Nam bị sạt lở nhiều đoạn, đề nghi tỉnh hỗ trơ kinh phí khắc phục.', ...filler(20, 1)])
    const q = describeRange(old, start, end).quote
    const { candidates } = seededCandidates(new SeedIndex(revised), q)
    const where = nth(revised, 'đề nghi tỉnh hỗ trơ kinh phí', 0)
    expect(Math.abs(candidates[0]!.at - where.start)).toBeLessThanOrEqual(2)
    const hit = alignQuoteAt(revised, q, candidates[0]!.at, candidates[0]!.end, 12)
    expect(hit).toMatchObject({ start: where.start, end: where.end })
    expect(hit!.kept).toBeGreaterThan(0.9)
    expect(keptShare(quote, revised.slice(where.start, where.end))).toBe(1)
  })

  it('an index holding only the needles\' seeds finds what the full index finds for them, and nothing else', () => {
    const text = join([...filler(30, 1), BOILERPLATE, ...filler(10, 2), BOILERPLATE, ...filler(30, 3)])
    const needles = ['rà soát, đánh giá kết quả', 'xã thứ 205 đã tổ chức'].map((quote) => describeRange(text, nth(text, quote, 0).start, nth(text, quote, 0).end).quote)
    const seeds = needles.map(needleSeeds)
    const full = new SeedIndex(text)
    const only = indexFor(text, seeds)
    needles.forEach((q, k) => {
      const found = seededCandidates(only, q, seeds[k])
      expect(found.candidates.length).toBeGreaterThan(0)
      expect(found).toEqual(seededCandidates(full, q))
    })
    // A seed of another passage is in the full index only.
    const wanted = new Set(seeds.flat().map((s) => s.hash))
    const other = needleSeeds(describeRange(text, nth(text, 'xã thứ 310 đã', 0).start, nth(text, 'xã thứ 310 đã', 0).end).quote).filter((s) => !wanted.has(s.hash))
    expect(other.length).toBeGreaterThan(0)
    for (const s of other) {
      const id = full.seedNumber(s.hash)
      expect(id).toBeGreaterThanOrEqual(0)
      expect(full.last(id) - full.first(id)).toBeGreaterThan(0)
      expect(only.seedNumber(s.hash)).toBe(-1)
    }
  })
})

describe('without the previous text, the context decides', () => {
  it('places a short mistyped quote on its own copy of boilerplate, not on an intact copy nearby', () => {
    const paragraphs = filler(12, 4).flatMap((p) => [p, BOILERPLATE])
    const old = join(paragraphs)
    const item = (n: number) => {
      const { start, end } = nth(old, 'rà soát', n)
      return { id: `rà soát #${n}`, selectors: describeRange(old, start, end) }
    }
    // Copy 5 of the boilerplate gets a slip in the annotated words; a long insertion shifts everything.
    let seen = -1
    const revisedParagraphs = paragraphs.map((p) => (p === BOILERPLATE && ++seen === 5 ? p.replace('rà soát', 'rà sóat') : p))
    const revised = join([...filler(30, 5), ...revisedParagraphs])
    // The unique paragraphs between the copies are annotated too: they anchor the order.
    const ownParagraph = (n: number) => {
      const { start, end } = nth(old, `xã thứ ${400 + n} đã`, 0)
      return { id: `para #${n}`, selectors: describeRange(old, start, end) }
    }
    const copies = [3, 4, 5, 6, 7]
    const outcomes = reanchorAll(null, revised, [...copies.map(item), ...copies.map(ownParagraph)])
    copies.forEach((n, i) => expect(span(outcomes[copies.length + i])).toEqual({ status: 'placed', ...nth(revised, `xã thứ ${400 + n} đã`, 0) }))
    copies.forEach((n, i) => {
      // Copy 5 is the mistyped one; the intact copies after it are one fewer among the intact.
      const expected = n === 5 ? nth(revised, 'rà sóat', 0) : nth(revised, 'rà soát', n < 5 ? n : n - 1)
      expect(span(outcomes[i])).toEqual({ status: 'placed', ...expected })
    })
  })

  it('carries a sentence whose first word was replaced to the new word, through its context', () => {
    const sentence = 'Ngoài ra, đẩy mạnh cải cách thủ tục hành chính, nhất là thủ tục đất đai cho người dân.'
    const old = join([...filler(10, 6), `Huyện đã hoàn thành kế hoạch năm. ${sentence} Kết quả được tỉnh ghi nhận.`, ...filler(10, 7)])
    const { start, end } = nth(old, sentence, 0)
    const revisedSentence = 'Đồng thời, đẩy mạnh cải cách thủ tục hành chinh, nhất là thủ tục đất đai cho người dân.'
    const revised = join([...filler(25, 8), ...filler(10, 6), `Huyện đã hoàn thành kế hoạch năm. ${revisedSentence} Kết quả được tỉnh ghi nhận.`, ...filler(10, 7)])
    const [o] = reanchorAll(null, revised, [{ id: 'a', selectors: describeRange(old, start, end) }])
    expect(span(o)).toEqual({ status: 'placed', ...nth(revised, revisedSentence, 0) })
  })

  const KEPT = 'Ban chỉ đạo huyện họp định kỳ mỗi quý để đánh giá tiến độ các chương trình mục tiêu.'
  const GONE = 'Các phòng chuyên môn tổng hợp khó khăn, vướng mắc của cơ sở và đề xuất hướng tháo gỡ kịp thời.'
  const LAST = 'Kinh phí thực hiện được bố trí từ ngân sách huyện và nguồn vận động hợp pháp khác.'
  const OPENING = 'Trạm bơm Khe Lau được khởi công lại sau ba năm đình trệ vì thiếu vốn đối ứng.'
  const CLOSING = 'Chợ phiên Nậm Cắn chuyển về bãi đất mới cạnh trường tiểu học từ tháng sau.'
  /** Three copies of a boilerplate paragraph ~600 characters apart, between two sentences of their own ~2,500 characters away. */
  const withCopies = (boilerplate: string) =>
    join([...filler(19, 1), OPENING, boilerplate, ...filler(3, 2), boilerplate, ...filler(3, 3), boilerplate, ...filler(19, 4), CLOSING])
  const annotate = (text: string, id: string, quote: string, n = 0) => {
    const { start, end } = nth(text, quote, n)
    return { id, selectors: describeRange(text, start, end) }
  }

  it('leaves a deleted sentence of repeated boilerplate unplaced rather than put it on a copy further on', () => {
    const old = withCopies(`${KEPT} ${GONE} ${LAST}`)
    // The first copy loses its middle sentence; the two copies after it stand ~600 and ~1,200 characters on.
    const revised = old.replace(` ${GONE}`, '')
    const items = [annotate(old, 'before', OPENING), annotate(old, 'deleted', GONE), annotate(old, 'after', CLOSING)]
    const [before, deleted, after] = reanchorAll(null, revised, items)
    expect(span(before)).toEqual({ status: 'placed', ...nth(revised, OPENING, 0) })
    expect(span(after)).toEqual({ status: 'placed', ...nth(revised, CLOSING, 0) })
    // Not silently placed on either remaining copy: left for a person to confirm.
    expect(deleted).toMatchObject({ status: 'unplaced', reason: 'ambiguous' })
  })

  it('still places an annotated copy of boilerplate where its neighbours put it', () => {
    const old = withCopies(`${KEPT} ${LAST}`)
    const revised = join(filler(6, 5)) + '\n\n' + old.replace('xã thứ 202 đã', 'xã thứ 202 cũng đã')
    const items = [annotate(old, 'before', OPENING), annotate(old, 'second copy', KEPT, 1), annotate(old, 'after', CLOSING)]
    const outcomes = reanchorAll(null, revised, items)
    expect(span(outcomes[1])).toEqual({ status: 'placed', ...nth(revised, KEPT, 1) })
  })
})
