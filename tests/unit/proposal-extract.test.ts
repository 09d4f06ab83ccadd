// Heuristic proposal suggestions from report text: the directive clauses are found, the
// descriptive ones left alone, with titles, sectors and offsets that point into the text.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
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
  return { report, found: extractProposals(report.text, report.blocks, sectors) }
}

function expectWellFormed(text: string, found: ProposalSuggestion[]) {
  for (const s of found) {
    expect(text.slice(s.start, s.end)).toBe(s.quote)
    expect(s.quote).toBe(s.quote.trim())
    expect(s.quote).not.toMatch(/[.;,…]$/)
    expect(codes.has(s.sector)).toBe(true)
    expect(s.title.length).toBeGreaterThan(5)
    expect(s.title.length).toBeLessThanOrEqual(121)
    expect(s.title.charAt(0)).toBe(s.title.charAt(0).toLocaleUpperCase('vi'))
    expect(s.confidence).toBeGreaterThan(0)
    expect(s.confidence).toBeLessThanOrEqual(1)
  }
  const starts = found.map((s) => s.start)
  expect(starts).toEqual([...starts].sort((a, b) => a - b))
  for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end)
}

describe('extractProposals on the Kỳ Sơn report', () => {
  const { report, found } = extract(readFileSync(path.join(SAMPLE, 'report.txt'), 'utf8'))
  const byQuote = (part: string) => found.find((s) => s.quote.includes(part))

  it('finds the fuel-trade, school and land-use clauses in the right sectors', () => {
    expect(byQuote('kinh doanh xăng dầu')).toMatchObject({
      quote: 'tăng cường quản lý việc kinh doanh xăng dầu',
      title: 'Tăng cường quản lý việc kinh doanh xăng dầu',
      sector: 'industry_trade',
    })
    expect(byQuote('gom các điểm trường')).toMatchObject({
      quote: 'rà soát lại hệ thống trường lớp theo hướng gom các điểm trường lại, để đầu tư cơ sở vật chất',
      sector: 'education',
    })
    expect(byQuote('hoàn thiện quy hoạch sử dụng đất')).toMatchObject({
      quote: 'hoàn thiện quy hoạch sử dụng đất',
      title: 'Hoàn thiện quy hoạch sử dụng đất',
      sector: 'natural_resources',
    })
  })

  it('drops the subject and lead-in from titles', () => {
    expect(byQuote('dược liệu dưới tán rừng')).toMatchObject({
      title: 'Đẩy mạnh xây dựng các mô hình, dự án trồng dược liệu dưới tán rừng',
      sector: 'agriculture',
    })
    expect(byQuote('nguy cơ sạt lở')).toMatchObject({
      quote: 'quan tâm rà soát các khu vực có nguy cơ sạt lở',
      title: 'Rà soát các khu vực có nguy cơ sạt lở',
      sector: 'agriculture',
    })
    expect(byQuote('du lịch sinh thái, gắn với')).toMatchObject({
      quote: 'phát triển du lịch sinh thái, gắn với du lịch mạo hiểm',
      sector: 'culture_tourism',
    })
    expect(byQuote('Cụm công nghiệp Chiêu Lưu')?.sector).toBe('industry_trade')
    expect(byQuote('chất lượng công trình')?.sector).toBe('construction')
    expect(byQuote('cải cách hành chính')).toMatchObject({ title: 'Cải cách hành chính', sector: 'home_affairs' })
    expect(byQuote('giảm nghèo')?.sector).toBe('labour_social')
    expect(byQuote('sức khoẻ')?.sector).toBe('health')
    expect(byQuote('an ninh tôn giáo')?.sector).toBe('defence_security')
    expect(byQuote('nước bạn Lào')?.sector).toBe('foreign_affairs')
  })

  it('leaves the district’s account of its results alone', () => {
    const accountStart = report.blocks.find((b) => b.text.startsWith('Báo cáo với Chủ tịch'))!.start
    const accountEnd = report.blocks.find((b) => b.text.startsWith('Các lĩnh vực văn hóa'))!.end
    expect(found.filter((s) => s.start >= accountStart && s.start < accountEnd)).toEqual([])
    expect(found.some((s) => s.quote.includes('Đánh giá Kỳ Sơn'))).toBe(false)
    expect(found.some((s) => /đạt|%/.test(s.quote))).toBe(false)
  })

  it('is well formed and overlaps every starter-checklist quote', () => {
    expectWellFormed(report.text, found)
    expect(found.length).toBeGreaterThanOrEqual(25)
    const checklist = StarterChecklist.parse(JSON.parse(readFileSync(path.join(SAMPLE, 'checklist.json'), 'utf8')))
    let sameSector = 0
    for (const item of checklist.items) {
      const start = report.text.indexOf(item.quote)
      const end = start + item.quote.length
      const overlapping = found.filter((s) => s.start < end && start < s.end)
      expect(overlapping.length, item.title).toBeGreaterThan(0)
      if (overlapping.some((s) => s.sector === item.sector)) sameSector++
    }
    expect(sameSector / checklist.items.length).toBeGreaterThanOrEqual(0.8)
  })

  it('falls back to its own blocks when given none, and to no sector without a taxonomy', () => {
    expect(extractProposals(report.text, [], sectors)).toEqual(found)
    const bare = extractProposals(report.text, report.blocks, [])
    expect(bare.map((s) => s.quote)).toEqual(found.map((s) => s.quote))
    expect(bare.every((s) => s.sector === '')).toBe(true)
  })
})

describe('extractProposals on small texts', () => {
  it('matches old-style tone marks and keeps the original spelling in the title', () => {
    const text = 'Huyện cần xoá bỏ các hủ tục lạc hậu trong cưới hỏi.'
    const [s] = extractProposals(text, [], sectors)
    expect(s).toMatchObject({ title: 'Xoá bỏ các hủ tục lạc hậu trong cưới hỏi', sector: 'culture_tourism', start: 10 })
  })

  it('ignores reported results and descriptions', () => {
    const text = [
      'Tổng giá trị sản xuất ước đạt 1.582 tỷ đồng, tăng 0,89%.',
      'Công tác quản lý, bảo vệ và phát triển rừng được quan tâm chỉ đạo.',
      'Chủ tịch UBND tỉnh (bìa phải) cùng dự buổi làm việc.',
      'Duy trì 100% xã đạt chuẩn phổ cập giáo dục.',
    ].join('\n\n')
    expect(extractProposals(text, [], sectors)).toEqual([])
  })

  it('takes the text after a modal when the addressee has no verb of its own', () => {
    const text = 'Đại biểu đề nghị các cơ quan chuyên môn nên có giải pháp hiệu quả trong việc thu hút đầu tư.'
    const [s] = extractProposals(text, [], sectors)
    expect(s).toMatchObject({ title: 'Có giải pháp hiệu quả trong việc thu hút đầu tư', sector: 'planning_investment' })
  })

  it('stays fast on a long report', () => {
    const raw = readFileSync(path.join(SAMPLE, 'report.txt'), 'utf8').replace(/^ date 2022-05 /, '')
    const report = parseReport(Array.from({ length: 60 }, () => raw).join('\n'))
    expect(report.text.length).toBeGreaterThan(400_000)
    const started = performance.now()
    const found = extractProposals(report.text, report.blocks, sectors)
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(found.length).toBeGreaterThan(60 * 25)
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

  it('reads the Lai Châu directions', () => {
    const { found } = read('01-lai-chau-muong-te.txt')
    expect(found.find((s) => s.quote.includes('cây dược liệu'))?.sector).toBe('agriculture')
    expect(found.find((s) => s.quote.startsWith('thực hiện tốt nhiệm vụ đầu tư công'))?.sector).toBe('planning_investment')
    expect(found.some((s) => s.quote.includes('trồng rừng mới'))).toBe(false)
  })

  it('reads the Con Cuông requests and directions', () => {
    const { found } = read('04-nghe-an-con-cuong.txt')
    expect(found.find((s) => s.quote.startsWith('hỗ trợ ngân sách'))).toBeDefined()
    expect(found.find((s) => s.quote.includes('du lịch cộng đồng'))).toMatchObject({
      title: 'Phát triển mô hình du lịch cộng đồng',
      sector: 'culture_tourism',
    })
    expect(found.find((s) => s.quote.startsWith('sở Tài chính'))?.sector).toBe('finance')
  })

  it('reads the Bình Phước directions', () => {
    const { found } = read('07-binh-phuoc-thuong-truc-tinh-uy.txt')
    expect(found.find((s) => s.title === 'Đẩy mạnh thực thi các luật liên quan đến đất đai')?.sector).toBe('natural_resources')
    expect(found.find((s) => s.quote.includes('khiếu kiện'))?.sector).toBe('inspection')
    expect(found.some((s) => s.quote.includes('bìa'))).toBe(false)
  })

  it('reads the Hưng Yên directions', () => {
    const { found } = read('10-hung-yen-khoai-chau.txt')
    expect(found.map((s) => s.sector)).toEqual(['transport', 'industry_trade'])
    expect(found[0]!.title).toBe('Xây dựng những tuyến đường có tính liên kết vùng, tạo lực đẩy để phát triển KTXH')
  })
})
