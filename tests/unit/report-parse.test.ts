// Parsing of raw report text into the canonical text, blocks and metadata the workbench stores.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, it, expect } from 'vitest'
import { isHeadingLine, parseReport, segmentBlocks, type ParsedReport } from '../../src/core/report-parse'
import { WorkbenchError } from '../../src/core/errors'

const SEED = path.resolve(import.meta.dirname, '../../data/samples/ky-son-2022-05-26/report.txt')
const SAMPLES_DIR = 'tests/fixtures/samples'
const seedRaw = readFileSync(SEED, 'utf8')

function expectRoundTrip(r: ParsedReport) {
  expect(r.blocks.length).toBeGreaterThan(0)
  for (const [i, b] of r.blocks.entries()) {
    expect(b.index).toBe(i)
    expect(r.text.slice(b.start, b.end)).toBe(b.text)
    expect(b.text).toBe(b.text.trim())
    expect(b.text).not.toMatch(/[ \t]{2,}/)
  }
  expect(r.blocks.map((b) => b.text).join('\n\n')).toBe(r.text)
}

describe('parseReport on the Kỳ Sơn sample', () => {
  const r = parseReport(seedRaw)

  it('treats the leading "date 2022-05" fragment as metadata, not body text', () => {
    expect(r.text.startsWith('Sáng 26/5, trong chương trình công tác tại huyện Kỳ Sơn')).toBe(true)
    for (const b of r.blocks) expect(b.text).not.toContain('date 2022-05')
    expect(r.text).not.toMatch(/\bdate\b/)
  })

  it('completes the month to the day named in the first sentence', () => {
    expect(r.date).toBe('2022-05-26')
  })

  it('finds exactly the two all-capital headings', () => {
    const headings = r.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
    expect(headings).toEqual([
      'GIỮ YÊN BIÊN GIỚI, YÊN ĐỊA BÀN, YÊN DÂN',
      'BIẾN CÁC KHÓ KHĂN, BẤT LỢI THÀNH LỢI THẾ PHÁT TRIỂN',
    ])
    expect(r.blocks).toHaveLength(22)
  })

  it('keeps exact offsets and the canonical form', () => {
    expectRoundTrip(r)
    expect(r.text.endsWith('với các huyện biên giới với nước bạn Lào./.')).toBe(true)
  })

  it('derives a title from the first sentence, cut near 90 characters', () => {
    expect(r.title.endsWith('…')).toBe(true)
    expect(r.title.length).toBeLessThanOrEqual(91)
    expect(r.title.startsWith('Sáng 26/5, trong chương trình công tác')).toBe(true)
    expect(r.source).toBe('')
  })

  it('ignores a hash-like file name for the title but keeps it as the source', () => {
    const named = parseReport(seedRaw, { fileName: '000_73636101f31d6bb9.txt' })
    expect(named.title).toBe(r.title)
    expect(named.source).toBe('000_73636101f31d6bb9.txt')
    expect(parseReport(seedRaw, { fileName: '20220526.txt' }).title).toBe(r.title)
  })

  it('takes a file name written with Vietnamese diacritics as the title, cleaned', () => {
    expect(parseReport(seedRaw, { fileName: 'C:\\tai-lieu\\Báo cáo Kỳ Sơn.txt' }).title).toBe('Báo cáo Kỳ Sơn')
    expect(parseReport(seedRaw, { fileName: '02_biên-bản_đoàn-công-tác.txt' }).title).toBe('Biên bản đoàn công tác')
    expect(parseReport(seedRaw, { fileName: 'Báo cáo Kỳ Sơn.txt'.normalize('NFD') }).title).toBe('Báo cáo Kỳ Sơn')
  })

  it('takes an ASCII file name only when it is spaced, capitalised words', () => {
    expect(parseReport(seedRaw, { fileName: '03 Ky Son working session.txt' }).title).toBe('Ky Son working session')
    for (const slug of ['01-lai-chau-muong-te.txt', 'C:\\tai-lieu\\bao_cao-ky-son.txt', 'bao cao ky son.txt', 'Report.txt', 'KySon_2022.txt']) {
      const named = parseReport(seedRaw, { fileName: slug })
      expect(named.title, slug).toBe(r.title)
      expect(named.source, slug).toBe(slug)
    }
  })

  it('lets hints override what is derived', () => {
    const h = parseReport(seedRaw, { title: 'Tiêu đề', source: 'Nguồn', date: '2022-06-01', fileName: 'x.txt' })
    expect(h).toMatchObject({ title: 'Tiêu đề', source: 'Nguồn', date: '2022-06-01' })
    expect(h.text).toBe(r.text)
  })

  it('gives NFC output for NFD input', () => {
    const nfd = seedRaw.normalize('NFD')
    expect(nfd).not.toBe(seedRaw)
    const fromNfd = parseReport(nfd, { title: 'Kỳ Sơn'.normalize('NFD') })
    expect(fromNfd.text).toBe(r.text)
    expect(fromNfd.text.normalize('NFC')).toBe(fromNfd.text)
    expect(fromNfd.title).toBe('Kỳ Sơn'.normalize('NFC'))
    expect(fromNfd.blocks).toEqual(r.blocks)
    expect(fromNfd.date).toBe('2022-05-26')
  })

  it('gives the same result for CRLF input with a byte-order mark', () => {
    const crlf = parseReport('\uFEFF' + seedRaw.replace(/\n/g, '\r\n'))
    expect(crlf.text).toBe(r.text)
    expect(crlf.blocks).toEqual(r.blocks)
    expect(crlf.date).toBe(r.date)
  })
})

describe('parseReport rules', () => {
  it('collapses blank runs and trims lines', () => {
    const r = parseReport('  Dòng   một\t\tcó  khoảng trắng  \n\n\n\t\nDÒNG HAI LÀ TIÊU ĐỀ\r\nDòng ba.')
    expect(r.text).toBe('Dòng một có khoảng trắng\n\nDÒNG HAI LÀ TIÊU ĐỀ\n\nDòng ba.')
    expect(r.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph'])
    expectRoundTrip(r)
  })

  it('reads the date fragment case-insensitively, with or without a day', () => {
    expect(parseReport('DATE 2022-05-07 Hội nghị sơ kết.').date).toBe('2022-05-07')
    expect(parseReport('Date: 2021-11 Ngày 3/11, tỉnh họp.').date).toBe('2021-11-03')
    // The day/month in the first sentence belongs to another month: keep only the month.
    expect(parseReport('date 2022-06 Sáng 26/5, huyện họp.').date).toBe('2022-06')
    expect(parseReport('date 2022-05\nSáng 26/5, huyện họp.').text).toBe('Sáng 26/5, huyện họp.')
  })

  it('does not take "date" inside the body for metadata', () => {
    const r = parseReport('Báo cáo update 2022-05 của huyện.')
    expect(r.text).toBe('Báo cáo update 2022-05 của huyện.')
    expect(r.date).toBe('')
  })

  it('finds a dateline when there is no date metadata', () => {
    expect(parseReport('Tin tức\nThứ 6, 25.03.2022 | 20:43:53\nNội dung.').date).toBe('2022-03-25')
    expect(parseReport('Ngày 26 tháng 5 năm 2022, huyện họp.').date).toBe('2022-05-26')
    expect(parseReport('Không có ngày tháng nào.').date).toBe('')
  })

  it('refuses empty text with a bad_request error', () => {
    for (const empty of ['', '   \n\t\r\n', '\uFEFF', ' date 2022-05 ', 'date 2022-05-26\n\n']) {
      expect(() => parseReport(empty)).toThrow(WorkbenchError)
      try {
        parseReport(empty)
      } catch (err) {
        expect((err as WorkbenchError).code).toBe('bad_request')
      }
    }
  })

  it('keeps a short first sentence whole as the title, without its full stop', () => {
    expect(parseReport('Huyện họp bàn kế hoạch. Câu thứ hai.').title).toBe('Huyện họp bàn kế hoạch')
  })
})

describe('isHeadingLine', () => {
  it('accepts Vietnamese capitals with diacritics', () => {
    expect(isHeadingLine('GIỮ YÊN BIÊN GIỚI, YÊN ĐỊA BÀN, YÊN DÂN')).toBe(true)
    expect(isHeadingLine('I. MỤC TIÊU VÀ NHIỆM VỤ')).toBe(true)
    expect(isHeadingLine('ĐẨY MẠNH CHUYỂN ĐỔI SỐ NĂM 2022')).toBe(true)
  })

  it('rejects sentences, mixed case, numbers and bylines', () => {
    expect(isHeadingLine('Giữ yên biên giới, yên địa bàn, yên dân')).toBe(false)
    expect(isHeadingLine('GIỮ YÊN BIÊN GIỚi')).toBe(false)
    expect(isHeadingLine('HUYỆN ĐÃ HOÀN THÀNH KẾ HOẠCH.')).toBe(false)
    expect(isHeadingLine('2021 - 2025')).toBe(false)
    expect(isHeadingLine('HYTV')).toBe(false)
    expect(isHeadingLine('')).toBe(false)
    expect(isHeadingLine(`${'KẾ HOẠCH '.repeat(30)}`)).toBe(false)
  })
})

describe('segmentBlocks', () => {
  it('gives exact offsets for any text, blank lines and indentation included', () => {
    const text = '\n  Đoạn một.  \n\n\nTIÊU ĐỀ MỚI\n\t Đoạn hai\n'
    const blocks = segmentBlocks(text)
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Đoạn một.'],
      ['heading', 'TIÊU ĐỀ MỚI'],
      ['paragraph', 'Đoạn hai'],
    ])
    for (const b of blocks) expect(text.slice(b.start, b.end)).toBe(b.text)
  })
})

describe('parseReport on single-newline sample reports', () => {
  const files = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt'))

  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4)
  })

  for (const file of files) {
    it(`makes one block per line of ${file}`, () => {
      const raw = readFileSync(path.join(SAMPLES_DIR, file), 'utf8')
      const r = parseReport(raw, { fileName: file })
      const lines = raw.split('\n').filter((l) => l.trim().length > 0)
      expect(r.blocks.map((b) => b.text)).toEqual(lines.map((l) => l.trim().replace(/\s+/g, ' ')))
      expectRoundTrip(r)
      expect(r.source).toBe(file)
      // The slug file names read badly: the title is the report's own first sentence, cut at a word.
      const opening = r.blocks.find((b) => b.kind === 'paragraph')!.text
      expect(r.title).toBe(parseReport(raw).title)
      expect(r.title.length).toBeGreaterThan(20)
      expect(r.title.length).toBeLessThanOrEqual(91)
      expect(opening.startsWith(r.title.replace(/…$/u, ''))).toBe(true)
      if (r.title.endsWith('…')) expect(opening.charAt(r.title.length - 1)).toMatch(/[\s,;:]/u)
    })
  }

  it('titles the Nghệ An sample with its first line, not its file name', () => {
    const file = '04-nghe-an-con-cuong.txt'
    const r = parseReport(readFileSync(path.join(SAMPLES_DIR, file), 'utf8'), { fileName: file })
    expect(r.title).toBe('Đ/c Nguyễn Xuân Đường - Phó Bí thư Tỉnh uỷ, Chủ tịch UBND tỉnh làm việc với lãnh đạo huyện…')
  })

  it('reads the dateline of the Hưng Yên sample and keeps its byline a paragraph', () => {
    const r = parseReport(readFileSync(path.join(SAMPLES_DIR, '10-hung-yen-khoai-chau.txt'), 'utf8'))
    expect(r.date).toBe('2022-03-25')
    expect(r.title).toBe('Chủ tịch UBND tỉnh Hưng Yên làm việc với Ban Thường vụ Huyện ủy Khoái Châu')
    expect(r.blocks.every((b) => b.kind === 'paragraph')).toBe(true)
  })
})

describe('numbered headings in ordinary case', () => {
  const text = [
    'Báo cáo tình hình sáu tháng đầu năm của huyện Mường Lát',
    'I. Tình hình chung',
    'Trong sáu tháng đầu năm, huyện tập trung chỉ đạo sản xuất vụ xuân và phòng chống thiên tai.',
    '1. Về giáo dục',
    'Ngành giáo dục đã sắp xếp lại mạng lưới trường lớp, bảo đảm đủ giáo viên cho năm học mới.',
    '1.1. Giáo dục mầm non',
    'Các điểm trường lẻ được sáp nhập, tỷ lệ trẻ đến lớp tăng so với cùng kỳ.',
    'Phần thứ hai: Nhiệm vụ sáu tháng cuối năm',
    'Chủ tịch yêu cầu các xã:',
    '1. Tăng cường công tác tuyên truyền',
    '2. Đẩy mạnh cải cách hành chính',
    'II. Kiến nghị',
    '1. Đề nghị tỉnh hỗ trợ kinh phí sửa chữa đường giao thông liên xã bị sạt lở sau mưa lũ.',
    '3. Tăng cường quản lý nhà nước đối',
    'với các khu công nghiệp trên địa bàn',
  ].join('\n\n')

  it('makes numbered and roman-numbered lines headings, and leaves list items and sentences paragraphs', () => {
    const blocks = segmentBlocks(text)
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
    expect(headings).toEqual(['I. Tình hình chung', '1. Về giáo dục', '1.1. Giáo dục mầm non', 'Phần thứ hai: Nhiệm vụ sáu tháng cuối năm', 'II. Kiến nghị'])
    // Offsets and block order do not depend on the kinds.
    for (const b of blocks) expect(text.slice(b.start, b.end)).toBe(b.text)
    expect(blocks).toHaveLength(15)
  })

  it('still refuses what was never a heading', () => {
    expect(segmentBlocks('2021 - 2025\n\n1. các xã thực hiện\n\nIV. Huyện đã hoàn thành kế hoạch.').every((b) => b.kind === 'paragraph')).toBe(true)
  })
})
