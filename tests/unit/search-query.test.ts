// search.query through the dispatcher: diacritic- and case-insensitive word search over report
// text, annotations and proposals, exact-diacritic hits first, offsets that point at the words,
// and user input that can never be read as FTS5 syntax.
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import type { SearchResult } from '../../src/core/methods/search'
import { rangeOf, useSampleWorkbench } from './helpers/annotations'
import { callError, callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

const query = (q: string, extra: { reportId?: number; limit?: number } = {}) => callOk(wb, 'search.query', { q, ...extra })
const reportHits = (results: SearchResult[]) => results.filter((r) => r.kind === 'report')
/** The report text a report hit points at. */
const pointed = (t: string, hit: SearchResult) => t.slice(hit.start!, hit.end!)

describe('search.query over report text', () => {
  it('finds "xăng dầu" from "xang dau" and points at the words', async () => {
    const hits = reportHits(await query('xang dau', { reportId }))
    expect(hits.length).toBeGreaterThan(0)
    expect(pointed(text, hits[0]!)).toBe('xăng dầu')
    expect(hits[0]!.snippet).toContain('xăng dầu')
    const mark = hits[0]!.marks[0]!
    expect(hits[0]!.snippet.slice(mark.start, mark.end)).toBe('xăng')
    expect(hits[0]!.exactDiacritics).toBe(false)
  })

  it('finds "đường" from "duong", "Đường", "ĐƯỜNG" and the misspelt "đuờng", by word prefix', async () => {
    for (const q of ['duong', 'Đường', 'ĐƯỜNG', 'đuờng', 'đường'.normalize('NFD'), 'duon']) {
      const hits = reportHits(await query(q, { reportId }))
      expect(hits.length, q).toBeGreaterThan(0)
      expect(pointed(text, hits[0]!).toLowerCase(), q).toMatch(/^(đường|dương|đương|đưa)/)
    }
    const exact = reportHits(await query('đường', { reportId }))
    expect(exact.every((h) => h.exactDiacritics)).toBe(true)
    for (const hit of exact) expect(pointed(text, hit).toLowerCase()).toBe('đường')
  })

  it('ranks hits by how many typed diacritics they keep', async () => {
    const report = await callOk(wb, 'reports.import', {
      title: 'Thử xếp hạng',
      text: ['Hàng cây dương liễu ven sông Cả.', 'Con đường liên xã đã xuống cấp nặng.', 'Tuyến dường như chưa được duy tu.'].join('\n\n'),
    })
    const only = { reportId: report.id }
    const road = reportHits(await query('đường', only))
    // "dường" keeps four of the five letters of "đường" as typed, "dương" three.
    expect(road.map((h) => [pointed(report.text, h), h.exactDiacritics])).toEqual([
      ['đường', true],
      ['dường', false],
      ['dương', false],
    ])
    const poplar = reportHits(await query('dương', only))
    expect(pointed(report.text, poplar[0]!)).toBe('dương')
    expect(poplar[0]!.exactDiacritics).toBe(true)
    expect(poplar.slice(1).every((h) => !h.exactDiacritics)).toBe(true)
    expect(reportHits(await query('duong', only)).every((h) => !h.exactDiacritics)).toBe(true)
    expect(road.map((h) => h.rank)).toEqual([1, 2, 3])
  })

  it('puts items where the words stand side by side before items where they are apart', async () => {
    const report = await callOk(wb, 'reports.import', {
      title: 'Thử cụm từ',
      text: ['Kinh doanh nhỏ lẻ còn khó khăn, tế bào sản xuất yếu.', 'Tăng trưởng kinh tế đạt 6%.'].join('\n\n'),
    })
    const hits = reportHits(await query('kinh te', { reportId: report.id }))
    expect(hits.map((h) => pointed(report.text, h))).toEqual(['kinh tế', 'Kinh doanh nhỏ lẻ còn khó khăn, tế'])
  })

  it('lists proposals, then annotations, then report passages within the same kind of match', async () => {
    const note = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'xăng dầu'), body: 'Kiểm tra xăng dầu' })
    const kinds = (await query('xăng dầu', { reportId })).map((h) => h.kind)
    expect(kinds.indexOf('proposal')).toBeLessThan(kinds.indexOf('annotation'))
    expect(kinds.indexOf('annotation')).toBeLessThan(kinds.indexOf('report'))
    expect((await query('xăng dầu', { reportId })).find((h) => h.kind === 'annotation')!.id).toBe(note.id)
  })

  it('gives offsets into the NFC text for matches far into a long report', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => `Đoạn ${i + 1}: nội dung báo cáo về sản xuất nông nghiệp.`)
    const report = await callOk(wb, 'reports.import', { title: 'Dài', text: [...filler, 'Dự án thủy điện Nậm Nơn đề nghị điều chỉnh.'].join('\n\n') })
    const [hit] = reportHits(await query('thuy dien nam non', { reportId: report.id }))
    expect(pointed(report.text, hit!)).toBe('thủy điện Nậm Nơn')
  })
})

describe('search.query over annotations and proposals', () => {
  it('finds annotations by note, quote and tag, and forgets deleted ones until restored', async () => {
    const note = await callOk(wb, 'annotations.create', {
      reportId,
      ...rangeOf(text, 'điện lưới'),
      body: 'Đề nghị Sở Công Thương khảo sát',
      tags: ['hạ tầng'],
    })
    for (const q of ['cong thuong', 'dien luoi', 'ha tang']) {
      const hit = (await query(q)).find((r) => r.kind === 'annotation')
      expect(hit, q).toMatchObject({ id: note.id, reportId, start: note.start, end: note.end })
    }
    await callOk(wb, 'annotations.delete', { id: note.id })
    expect((await query('cong thuong')).some((r) => r.kind === 'annotation')).toBe(false)
    await callOk(wb, 'annotations.restore', { id: note.id })
    expect((await query('cong thuong')).some((r) => r.kind === 'annotation')).toBe(true)
  })

  it('finds proposals by title, detail and notes, following edits and deletes', async () => {
    const [first] = await callOk(wb, 'proposals.list', { reportId })
    await callOk(wb, 'proposals.update', { id: first!.id, patch: { notes: 'Phối hợp Ban Quản lý rừng phòng hộ Pù Mát' } })
    const hits = (await query('pu mat')).filter((r) => r.kind === 'proposal')
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ id: first!.id, reportId, title: first!.title, start: first!.source!.start })
    expect(hits[0]!.snippet).toContain('Pù Mát')
    const byTitle = (await query(first!.title)).find((r) => r.kind === 'proposal')
    expect(byTitle).toMatchObject({ id: first!.id, exactDiacritics: true })
    await callOk(wb, 'proposals.delete', { id: first!.id })
    expect((await query('pu mat')).some((r) => r.kind === 'proposal')).toBe(false)
  })

  it('limits results to one report when asked, and to `limit`', async () => {
    const other = await callOk(wb, 'reports.import', { title: 'Khác', text: 'Giá xăng dầu trong tỉnh ổn định.' })
    const everywhere = await query('xang dau')
    expect(new Set(everywhere.map((r) => r.reportId))).toEqual(new Set([reportId, other.id]))
    const onlyOther = await query('xang dau', { reportId: other.id })
    expect(onlyOther.length).toBeGreaterThan(0)
    expect(onlyOther.every((r) => r.reportId === other.id)).toBe(true)
    expect((await query('xa', { limit: 3 })).length).toBe(3)
  })
})

describe('search.query input', () => {
  it('treats FTS5 syntax typed by the user as plain text', async () => {
    const inputs = ['"xăng', 'xăng"', 'xăng*', '*', '-dầu', 'xăng -dầu', '(xăng', 'xăng)', 'NEAR', 'NEAR(xăng dầu)', 'xăng AND', 'OR',
      'NOT xăng', 'original: xăng', '{folded}: dầu', '^xăng', 'xăng + dầu', "d'Arc", '""', '\u0000', 'a'.repeat(400)]
    for (const q of inputs) {
      const results = await query(q)
      expect(Array.isArray(results), q).toBe(true)
    }
    expect(reportHits(await query('"xăng dầu"', { reportId }))[0]).toMatchObject({ exactDiacritics: true })
    expect((await query('NEAR', { reportId })).length).toBe(0)
    expect(reportHits(await query('(xăng) -dầu*', { reportId })).length).toBeGreaterThan(0)
  })

  it('answers [] for a query without words and not_found for a missing report', async () => {
    expect(await query('   ')).toEqual([])
    expect(await query('?!…')).toEqual([])
    expect((await callError(wb, 'search.query', { q: 'xăng', reportId: 999 })).code).toBe('not_found')
    expect((await callError(wb, 'search.query', { q: 'xăng', limit: 0 })).code).toBe('bad_request')
  })
})
