// The bundled data (manifest, sector taxonomy, Kỳ Sơn sample and its starter checklist)
// validates against its schemas and fits the parsed report it belongs to.
import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, it, expect } from 'vitest'
import { anchorQuote, DataManifest, SampleReportMeta, SectorsFile, StarterChecklist } from '../../src/core/data-files'
import { parseReport } from '../../src/core/report-parse'

const DATA = path.resolve(import.meta.dirname, '../../data')
const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(path.join(DATA, ...parts), 'utf8'))

const manifest = DataManifest.parse(readJson('manifest.json'))
const { sectors } = SectorsFile.parse(readJson(manifest.sectors))
const sampleDir = manifest.defaultSample
const meta = SampleReportMeta.parse(readJson(sampleDir, 'report.json'))
const checklist = StarterChecklist.parse(readJson(sampleDir, 'checklist.json'))
const report = parseReport(readFileSync(path.join(DATA, sampleDir, meta.file), 'utf8'), meta)
const isNfc = (s: string) => s === s.normalize('NFC')

describe('data/manifest.json', () => {
  it('points at files that exist', () => {
    expect(manifest).toEqual({ sectors: 'sectors.json', defaultSample: 'samples/ky-son-2022-05-26' })
    expect(existsSync(path.join(DATA, manifest.sectors))).toBe(true)
    expect(existsSync(path.join(DATA, manifest.defaultSample, 'report.json'))).toBe(true)
    expect(existsSync(path.join(DATA, manifest.defaultSample, 'checklist.json'))).toBe(true)
  })

  it('refuses paths that leave the data directory', () => {
    for (const bad of ['../secrets.json', '/etc/passwd', 'samples/../../x', 'C:/x', 'a\\b', '']) {
      expect(DataManifest.safeParse({ sectors: bad, defaultSample: 'samples/x' }).success).toBe(false)
    }
  })
})

describe('data/sectors.json', () => {
  it('covers every sector the Kỳ Sơn proposals need', () => {
    const codes = sectors.map((s) => s.code)
    for (const code of [
      'education', 'industry_trade', 'natural_resources', 'construction', 'agriculture', 'culture_tourism',
      'planning_investment', 'transport', 'health', 'labour_social', 'home_affairs', 'defence_security', 'foreign_affairs',
    ]) {
      expect(codes).toContain(code)
    }
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('names each sector and its lead body in both languages, with Vietnamese keywords', () => {
    for (const s of sectors) {
      expect(s.nameVi.length).toBeGreaterThan(0)
      expect(s.nameEn).toMatch(/^[A-Z][A-Za-z ,'-]+$/)
      expect(s.leadBodyEn).toMatch(/^[A-Z][A-Za-z ,'-]+$/)
      expect(s.keywords.length).toBeGreaterThanOrEqual(3)
      for (const text of [s.nameVi, s.leadBodyVi, ...s.keywords]) expect(isNfc(text)).toBe(true)
    }
    // Keywords are written with diacritics (folding happens when they are matched).
    const education = sectors.find((s) => s.code === 'education')!
    expect(education.leadBodyVi).toBe('Sở Giáo dục và Đào tạo')
    expect(education.keywords).toContain('điểm trường')
  })

  it('refuses duplicate codes and NFC-normalises names', () => {
    const sector = { code: 'x', nameVi: 'Y tế'.normalize('NFD'), nameEn: 'Health', leadBodyVi: 'Sở Y tế', leadBodyEn: 'Dept' }
    expect(SectorsFile.safeParse({ sectors: [sector, sector] }).success).toBe(false)
    const parsed = SectorsFile.parse({ sectors: [sector] })
    expect(parsed.sectors[0]!.nameVi).toBe('Y tế'.normalize('NFC'))
    expect(parsed.sectors[0]!.keywords).toEqual([])
  })
})

describe('the Kỳ Sơn sample report', () => {
  it('has honest metadata that agrees with the parsed text', () => {
    expect(meta.title).toBe('Chủ tịch UBND tỉnh Nghệ An làm việc với huyện Kỳ Sơn')
    expect(meta.date).toBe('2022-05-26')
    expect(parseReport(readFileSync(path.join(DATA, sampleDir, meta.file), 'utf8')).date).toBe(meta.date)
    expect(meta.source.length).toBeGreaterThan(0)
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(SampleReportMeta.safeParse({ ...meta, date: '2022-05' }).success).toBe(false)
  })
})

describe('the starter checklist', () => {
  const codes = sectors.map((s) => s.code)

  it('has every proposal of the report, all proposed', () => {
    expect(checklist.items.length).toBeGreaterThanOrEqual(20)
    expect(checklist.items.length).toBeLessThanOrEqual(40)
    for (const item of checklist.items) expect(item.status).toBe('proposed')
    expect(new Set(checklist.items.map((i) => i.title)).size).toBe(checklist.items.length)
  })

  it('anchors every item on a passage found exactly once in the parsed text', () => {
    for (const item of checklist.items) {
      const first = report.text.indexOf(item.quote)
      expect(first, item.quote).toBeGreaterThanOrEqual(0)
      expect(report.text.indexOf(item.quote, first + 1), item.quote).toBe(-1)
      const anchor = anchorQuote(report.text, item.quote)!
      expect(report.text.slice(anchor.start, anchor.end)).toBe(item.quote)
      // The quote lies inside one paragraph of the report.
      expect(report.blocks.some((b) => b.start <= anchor.start && anchor.end <= b.end && b.kind === 'paragraph')).toBe(true)
    }
    expect(anchorQuote(report.text, 'không có trong báo cáo')).toBeNull()
  })

  it('uses known sectors, grouped in taxonomy order, owned by the lead body or the district', () => {
    const order = checklist.items.map((i) => codes.indexOf(i.sector))
    expect(order.every((o) => o >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    for (const item of checklist.items) {
      const lead = sectors.find((s) => s.code === item.sector)!.leadBodyVi
      expect([lead, 'UBND huyện Kỳ Sơn']).toContain(item.owner)
      expect(item.detail.length).toBeGreaterThan(item.title.length / 2)
      for (const text of [item.title, item.detail, item.owner, item.quote]) expect(isNfc(text)).toBe(true)
    }
  })

  it('contains the school, fuel-trade and land-use proposals in their sectors', () => {
    const find = (title: string) => checklist.items.find((i) => i.title === title)
    expect(find('Rà soát hệ thống trường lớp, gom các điểm trường để đầu tư cơ sở vật chất')).toMatchObject({
      sector: 'education',
      owner: 'Sở Giáo dục và Đào tạo',
      quote: 'rà soát lại hệ thống trường lớp theo hướng gom các điểm trường lại, để đầu tư cơ sở vật chất',
    })
    expect(find('Tăng cường quản lý kinh doanh xăng dầu')).toMatchObject({
      sector: 'industry_trade',
      owner: 'Sở Công Thương',
      quote: 'tăng cường quản lý việc kinh doanh xăng dầu',
    })
    expect(find('Hoàn thiện quy hoạch sử dụng đất')).toMatchObject({
      sector: 'natural_resources',
      owner: 'Sở Tài nguyên và Môi trường',
      quote: 'hoàn thiện quy hoạch sử dụng đất',
    })
  })

  it('covers the chair’s conclusions too', () => {
    const quotes = checklist.items.map((i) => i.quote).join('\n')
    for (const passage of [
      'rà soát các khu vực có nguy cơ sạt lở',
      '3 chương trình mục tiêu quốc gia',
      'giảm nghèo',
      'cải cách hành chính',
      'an ninh tôn giáo',
      'nước bạn Lào',
      'dược liệu dưới tán rừng',
      'quy hoạch thị trấn Mường Xén',
    ]) {
      expect(quotes).toContain(passage)
    }
  })

  it('refuses a malformed item', () => {
    const item = checklist.items[0]!
    expect(StarterChecklist.safeParse({ items: [{ ...item, priority: 'urgent' }] }).success).toBe(false)
    expect(StarterChecklist.safeParse({ items: [{ ...item, status: 'open' }] }).success).toBe(false)
    expect(StarterChecklist.safeParse({ items: [{ ...item, quote: ` ${item.quote}` }] }).success).toBe(false)
    expect(StarterChecklist.safeParse({ items: [{ ...item, sector: 'Giáo dục' }] }).success).toBe(false)
    const nfd = StarterChecklist.parse({ items: [{ ...item, quote: item.quote.normalize('NFD') }] })
    expect(nfd.items[0]!.quote).toBe(item.quote)
  })
})
