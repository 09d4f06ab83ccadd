// How search.query ranks, on short reports written for each case and stored in a real SQLite
// file: words match at word starts (not inside "động" for "don"), all words must occur, phrase and
// proximity first, whole words before prefixes, typed diacritics before folded ones, bm25 within,
// and synonyms from data/search-synonyms.json below the words typed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import type { SearchResult } from '../../src/core/methods/search'
import { useTempDirs } from './helpers/temp-dirs'
import { callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let wb: Workbench
beforeEach(() => {
  wb = openTestWorkbench(tempDir())
})
afterEach(async () => {
  await wb.close()
})

/** Imports the paragraphs as a report; returns a search over it that answers the paragraphs hit, best first. */
async function reportOf(...paragraphs: string[]) {
  const report = await callOk(wb, 'reports.import', { title: 'Báo cáo thử', text: paragraphs.join('\n\n') })
  const paragraphAt = (offset: number) => paragraphs.findIndex((p) => report.text.indexOf(p) <= offset && offset < report.text.indexOf(p) + p.length)
  return {
    text: report.text,
    search: async (q: string) => {
      const hits = (await callOk(wb, 'search.query', { q, reportId: report.id })).filter((h) => h.kind === 'report')
      return hits
    },
    /** Indexes (into `paragraphs`) of the passages found, best first. */
    order: async (q: string) =>
      (await callOk(wb, 'search.query', { q, reportId: report.id })).filter((h) => h.kind === 'report').map((h) => paragraphAt(h.start!)),
  }
}

const marked = (hit: SearchResult) => hit.marks.map((m) => hit.snippet.slice(m.start, m.end))

describe('words match at word starts, and every word must match', () => {
  it('"don ghep" finds "dồn ghép", not "huy động … lồng ghép" through "động"', async () => {
    const r = await reportOf(
      'Huy động các nguồn lực, lồng ghép các chương trình mục tiêu quốc gia.',
      'Dồn ghép các lớp học ở điểm trường lẻ về điểm trường chính.',
      'Ghép nối dữ liệu dân cư.',
    )
    expect(await r.order('don ghep')).toEqual([1])
    expect(await r.order('dồn ghép')).toEqual([1])
  })

  it('a word still being typed matches as a prefix, below whole words', async () => {
    const r = await reportOf('Huy động các nguồn lực của nhân dân.', 'Dồn ghép các lớp học.')
    expect(await r.order('don')).toEqual([1, 0])
    // A space after the word says it is complete.
    expect(await r.order('don ')).toEqual([1])
    expect(await r.order('huy do')).toEqual([0])
  })

  it('leaves out items missing one of the words', async () => {
    const r = await reportOf('Đường giao thông nông thôn.', 'Đường điện về bản.')
    expect(await r.order('duong dien')).toEqual([1])
    expect(await r.order('duong dien xa')).toEqual([])
  })
})

describe('ranking', () => {
  const growthFirst = [
    'Tốc độ tăng trưởng kinh tế đạt 7,2%.',
    'Rà soát mạng lưới trường lớp, sáp nhập các điểm trường lẻ về trường chính để đầu tư cơ sở vật chất.',
    'Điểm sáng là tăng trưởng du lịch.',
  ]

  it('"truong" puts the school passage that says "trường" three times above "tăng trưởng" (bm25)', async () => {
    const r = await reportOf(...growthFirst)
    expect((await r.order('truong'))[0]).toBe(1)
    const hits = await r.search('truong')
    expect(hits.every((h) => !h.exactDiacritics)).toBe(true)
  })

  it('"diem truong" puts the phrase "điểm trường" above "Điểm sáng … tăng trưởng"', async () => {
    const r = await reportOf(...growthFirst)
    expect(await r.order('diem truong')).toEqual([1, 2])
  })

  it('exact diacritics first: "trưởng" puts both growth passages above the school one, and "trường" the school one first', async () => {
    const r = await reportOf(...growthFirst)
    const growth = await r.search('trưởng')
    expect(growth.map((h) => [r.text.slice(h.start, h.end), h.exactDiacritics])).toEqual([
      ['trưởng', true],
      ['trưởng', true],
      ['trường', false],
    ])
    const school = await r.search('trường')
    expect(school[0]).toMatchObject({ exactDiacritics: true })
    expect(marked(school[0]!)).toEqual(['trường', 'trường', 'trường'])
  })

  it('phrase above near above scattered, whatever the reading order', async () => {
    const r = await reportOf(
      'Đất ở đô thị tăng; quy hoạch chung được duyệt; tình hình sử dụng vốn tốt.',
      'Lập quy hoạch chung và sử dụng đất hợp lý.',
      'Điều chỉnh quy hoạch sử dụng đất đến năm 2030.',
    )
    expect(await r.order('quy hoach su dung dat')).toEqual([2, 1, 0])
    const [best] = await r.search('quy hoach su dung dat')
    expect(r.text.slice(best!.start, best!.end)).toBe('quy hoạch sử dụng đất')
  })
})

describe('synonyms', () => {
  it('"sap nhap truong" finds "gom các điểm trường", below a literal "sáp nhập … trường"', async () => {
    const r = await reportOf(
      'Rà soát hệ thống trường lớp theo hướng gom các điểm trường lại để đầu tư cơ sở vật chất.',
      'Xe buýt đưa đón học sinh.',
      'Sáp nhập trường mầm non Hữu Kiệm vào trường tiểu học.',
    )
    expect(await r.order('sap nhap truong')).toEqual([2, 0])
    const [, viaSynonym] = await r.search('sap nhap truong')
    expect(viaSynonym!.exactDiacritics).toBe(false)
    expect(marked(viaSynonym!)).toEqual(['trường', 'gom', 'trường'])
  })

  it('widens abbreviations both ways, below the words typed', async () => {
    const r = await reportOf('Hoàn thành quy hoạch sử dụng đất cấp huyện.', 'Trình duyệt QHSDĐ năm 2023.', 'Giá nhiên liệu tăng.')
    expect(await r.order('qhsdd')).toEqual([1, 0])
    expect(await r.order('quy hoạch sử dụng đất')).toEqual([0, 1])
    expect(await r.order('xăng dầu')).toEqual([2])
  })
})
