// Suggestions from report text on the bundled Kỳ Sơn report (never used to train the scorer) and
// the other sample reports: the directive clauses are found, the district's account left alone,
// with titles, sectors, owners and offsets that point into the text.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, it, expect } from 'vitest'
import { extractProposals, type ProposalSuggestion } from '../../src/core/extract/extract'
import { parseReport } from '../../src/core/report-parse'
import { SectorsFile, StarterChecklist } from '../../src/core/data-files'

const DATA = path.resolve(import.meta.dirname, '../../data')
const SAMPLES_DIR = 'tests/fixtures/samples'
const SAMPLE = path.join(DATA, 'samples/ky-son-2022-05-26')
const { sectors } = SectorsFile.parse(JSON.parse(readFileSync(path.join(DATA, 'sectors.json'), 'utf8')))
const codes = new Set(sectors.map((s) => s.code))

function extract(raw: string) {
  const report = parseReport(raw)
  return { report, found: extractProposals(report.text, report.blocks, sectors, { year: 2022 }) }
}

function expectWellFormed(text: string, found: ProposalSuggestion[]) {
  for (const s of found) {
    expect(text.slice(s.start, s.end)).toBe(s.quote)
    expect(s.quote).toBe(s.quote.trim())
    expect(s.quote).not.toMatch(/[.;,…]$/)
    expect(codes.has(s.sector)).toBe(true)
    expect(s.title.length).toBeGreaterThan(5)
    expect(s.title.length).toBeLessThanOrEqual(91)
    expect(s.title.charAt(0)).toBe(s.title.charAt(0).toLocaleUpperCase('vi'))
    // Never cut inside a word: every word of the title (but a closing "…") is a word of the quote.
    const quoteWords = new Set(s.quote.toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u))
    for (const w of s.title.replace(/…$/u, '').toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
      expect(quoteWords.has(w), `${w} in ${s.title}`).toBe(true)
    }
    expect(s.confidence).toBeGreaterThan(0)
    expect(s.confidence).toBeLessThanOrEqual(1)
  }
  const starts = found.map((s) => s.start)
  expect(starts).toEqual([...starts].sort((a, b) => a - b))
  for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end)
}

const words = (s: string) => s.toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter(Boolean)

describe('extractProposals on the Kỳ Sơn report', () => {
  const { report, found } = extract(readFileSync(path.join(SAMPLE, 'report.txt'), 'utf8'))
  const byQuote = (part: string) => found.find((s) => s.quote.includes(part))

  it('finds the fuel-trade, school and land-use clauses in the right sectors', () => {
    expect(byQuote('kinh doanh xăng dầu')).toMatchObject({ title: 'Tăng cường quản lý việc kinh doanh xăng dầu', sector: 'industry_trade' })
    expect(byQuote('gom các điểm trường')?.sector).toBe('education')
    expect(byQuote('hoàn thiện quy hoạch sử dụng đất')).toMatchObject({ title: 'Hoàn thiện quy hoạch sử dụng đất', sector: 'natural_resources' })
    expect(byQuote('hủ tục')?.sector).toBe('culture_tourism')
    expect(byQuote('thiên tai')?.sector).toBe('agriculture')
  })

  it('gives the tasks listed after “huyện cần …” the district as owner', () => {
    expect(byQuote('Tổ chức lập quy hoạch thị trấn')?.owner ?? byQuote('lập quy hoạch thị trấn')?.owner).toMatch(/huyện/iu)
    expect(byQuote('nguồn lực theo hướng có trọng tâm')?.owner).toMatch(/huyện/iu)
  })

  it('leaves the district’s account of its results alone', () => {
    expect(found.some((s) => /(?<![\p{L}])(?:đạt|ước)(?![\p{L}])|%/u.test(s.quote))).toBe(false)
  })

  it('covers the starter checklist: at least 85 % of its passages, 80 % of those in the same sector', () => {
    expectWellFormed(report.text, found)
    const checklist = StarterChecklist.parse(JSON.parse(readFileSync(path.join(SAMPLE, 'checklist.json'), 'utf8')))
    let covered = 0
    let sameSector = 0
    for (const item of checklist.items) {
      const gold = words(item.quote)
      const match = found.find((s) => {
        const have = new Set(words(s.quote))
        return gold.filter((w) => have.has(w)).length / gold.length >= 0.6
      })
      if (match) covered++
      if (match?.sector === item.sector) sameSector++
    }
    expect(covered / checklist.items.length).toBeGreaterThanOrEqual(0.85)
    expect(sameSector / covered).toBeGreaterThanOrEqual(0.8)
    // Few suggestions beyond the checklist: the panel is not a copy of the report.
    expect(found.length).toBeLessThanOrEqual(checklist.items.length + 6)
  })

  it('falls back to its own blocks when given none, and to no sector without a taxonomy', () => {
    expect(extractProposals(report.text, [], sectors, { year: 2022 })).toEqual(found)
    const bare = extractProposals(report.text, report.blocks, [], { year: 2022 })
    expect(bare.map((s) => s.quote)).toEqual(found.map((s) => s.quote))
    expect(bare.every((s) => s.sector === '')).toBe(true)
  })

  it('merges repeated passages: the report pasted twenty times suggests what it suggests once', () => {
    const raw = readFileSync(path.join(SAMPLE, 'report.txt'), 'utf8')
    const long = parseReport(Array.from({ length: 20 }, () => raw).join('\n'))
    const many = extractProposals(long.text, long.blocks, sectors, { year: 2022 })
    expect(many.map((s) => s.title).sort()).toEqual(found.map((s) => s.title).sort())
    expect(extractProposals(long.text, long.blocks, sectors, { year: 2022, limit: 10 })).toHaveLength(10)
  })
})

describe('extractProposals on small texts', () => {
  it('matches old-style tone marks and keeps the original spelling in the title', () => {
    const text = 'Yêu cầu huyện xoá bỏ các hủ tục lạc hậu trong cưới hỏi.'
    const [s] = extractProposals(text, [], sectors)
    expect(s).toMatchObject({ title: 'Xoá bỏ các hủ tục lạc hậu trong cưới hỏi', sector: 'culture_tourism', owner: 'huyện' })
  })

  it('ignores reported results and descriptions', () => {
    const text = [
      'Tổng giá trị sản xuất ước đạt 1.582 tỷ đồng, tăng 0,89%.',
      'Chủ tịch UBND tỉnh (bìa phải) cùng dự buổi làm việc.',
      'Năm 2021, huyện đã hoàn thành 12 công trình giao thông nông thôn.',
    ].join('\n\n')
    expect(extractProposals(text, [], sectors)).toEqual([])
  })

  it('takes the addressee after “đề nghị” and the task after its modal', () => {
    const text = 'Đại biểu đề nghị các cơ quan chuyên môn nên có giải pháp hiệu quả trong việc thu hút đầu tư.'
    const [s] = extractProposals(text, [], sectors)
    expect(s).toMatchObject({ title: 'Có giải pháp hiệu quả trong việc thu hút đầu tư', sector: 'planning_investment', owner: 'các cơ quan chuyên môn' })
  })
})

describe('paragraph layout: titles, datelines and list items', () => {
  it('keeps a long unpunctuated title apart from the dateline after a blank line', () => {
    const text = [
      'Họp giao ban tháng 5 của huyện Hòa An: các phòng, ban cần nêu cao hơn nữa tinh thần trách nhiệm trong việc tham mưu cho lãnh đạo huyện điều hành',
      '',
      '03/06/2023 08:15',
      '',
      'Kết luận cuộc họp, Chủ tịch UBND huyện yêu cầu Phòng Y tế tăng cường kiểm tra an toàn thực phẩm tại các chợ.',
    ].join('\n')
    const found = extractProposals(text, [], sectors)
    expect(found.map((s) => s.quote)).toEqual(['Phòng Y tế tăng cường kiểm tra an toàn thực phẩm tại các chợ'])
  })

  it('starts a list item at "1. " instead of running the headline into it', () => {
    const text = [
      'Chỉ đạo điều hành của UBND huyện ngày 12/4/2024',
      '1. Tăng cường quản lý các tuyến đường',
      'Phòng Kinh tế và Hạ tầng rà soát các tuyến đường xuống cấp.',
    ].join('\n')
    const quotes = extractProposals(text, [], sectors, { year: 2024 }).map((s) => s.quote)
    expect(quotes).toContain('Phòng Kinh tế và Hạ tầng rà soát các tuyến đường xuống cấp')
    expect(quotes.some((q) => q.startsWith('Chỉ đạo điều hành'))).toBe(false)
  })

  it('reads "giao thông" as a noun, not as the verb "giao"', () => {
    for (const text of [
      'Năm nay xe tải nặng làm hư hỏng nhiều tuyến giao thông nông thôn của huyện.',
      'Mưa lớn kéo dài làm sạt lở nhiều tuyến giao thông liên xã, ảnh hưởng đến việc đi lại.',
    ]) expect(extractProposals(text, [], sectors)).toEqual([])
  })
})

describe('extractProposals on the other sample reports', () => {
  const read = (file: string) => extract(readFileSync(path.join(SAMPLES_DIR, file), 'utf8'))

  it('finds well-formed suggestions in every sample', () => {
    const files = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt'))
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const file of files) {
      const { report, found } = read(file)
      expect(found.length, file).toBeGreaterThan(0)
      expectWellFormed(report.text, found)
    }
  })

  it('reads the Con Cuông requests and the Bình Phước directions', () => {
    expect(read('04-nghe-an-con-cuong.txt').found.find((s) => s.quote.includes('cầu cứng'))?.sector).toBe('transport')
    const bp = read('07-binh-phuoc-thuong-truc-tinh-uy.txt').found
    expect(bp.find((s) => s.quote.includes('khiếu kiện'))?.sector).toBe('inspection')
    expect(bp.find((s) => s.quote.includes('đất đai'))?.sector).toBe('natural_resources')
    expect(bp.some((s) => s.quote.includes('bìa'))).toBe(false)
  })
})
