// PDF export for real, through headless Chromium, checked with poppler: exact Vietnamese text,
// embedded fonts, A4, page numbers centred at the top from page 2 only, and no text outside the
// decree margins.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLongMeeting } from '../../bench/meeting-fixture'
import type { Workbench } from '../../src/backend/workbench'
import { MARGINS, PAGE } from '../../src/core/minutes/page'
import type { Args } from '../../src/core/contract'
import { callOk, openTestWorkbench } from './helpers/workbench'

/** Exports through the contract and saves the returned bytes, as the shells do. */
async function exportTo(wb: Workbench, args: Args<'minutes.export'>, file: string) {
  const result = await callOk(wb, 'minutes.export', args)
  writeFileSync(file, Buffer.from(result.base64!, 'base64'))
  return result
}

const PT_PER_MM = 72 / 25.4
/** Chromium lays the page out in CSS pixels; positions may round by a fraction of a millimetre. */
const TOLERANCE_MM = 1

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

interface Word {
  page: number
  xMin: number
  yMin: number
  xMax: number
  yMax: number
  text: string
}

function words(file: string): Word[] {
  const xml = poppler('pdftotext', '-bbox', file, '-')
  const result: Word[] = []
  let page = 0
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page += 1
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line)
    if (m) result.push({ page, xMin: +m[1]! / PT_PER_MM, yMin: +m[2]! / PT_PER_MM, xMax: +m[3]! / PT_PER_MM, yMax: +m[4]! / PT_PER_MM, text: m[5]! })
  }
  return result
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1])
}

function pageText(file: string, page: number): string {
  return poppler('pdftotext', '-layout', '-f', String(page), '-l', String(page), file, '-')
}

/** The whole text with line breaks and justification spaces folded to single spaces. */
const flatText = (file: string) => poppler('pdftotext', file, '-').replace(/\s+/g, ' ')

function checkPdf(file: string, minPages: number): void {
  const info = poppler('pdfinfo', file)
  expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/)
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!
  expect(Math.abs(Number(w) / PT_PER_MM - PAGE.width)).toBeLessThan(1)
  expect(Math.abs(Number(h) / PT_PER_MM - PAGE.height)).toBeLessThan(1)

  // Every font embedded (and only our Tinos).
  const fonts = poppler('pdffonts', file).split('\n').slice(2).filter((l) => l.trim() !== '')
  expect(fonts.length).toBeGreaterThan(0)
  for (const line of fonts) {
    expect(line, line).toMatch(/Tinos/)
    expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes')
  }

  // Page numbers: none on page 1; the page's number alone, centred at the top, from page 2 on.
  const pages = pageCount(file)
  expect(pages).toBeGreaterThanOrEqual(minPages)
  const all = words(file)
  const topOf = (page: number) => all.filter((w) => w.page === page && w.yMax < MARGINS.top)
  expect(topOf(1)).toEqual([])
  expect(pageText(file, 1).trimStart().startsWith('UBND') || pageText(file, 1).trimStart().startsWith('CỘNG')).toBe(true)
  for (let page = 2; page <= pages; page++) {
    const top = topOf(page)
    expect(top.map((w) => w.text), `page ${page}`).toEqual([String(page)])
    const centre = (top[0]!.xMin + top[0]!.xMax) / 2
    expect(Math.abs(centre - (MARGINS.left + (PAGE.width - MARGINS.left - MARGINS.right) / 2)), `page ${page} number centred`).toBeLessThan(2)
    expect(pageText(file, page).trim().split('\n')[0]!.trim()).toBe(String(page))
  }

  // Everything else inside the margins.
  for (const word of all) {
    if (word.yMax < MARGINS.top) continue
    const where = `"${word.text}" on page ${word.page}`
    expect(word.xMin, where).toBeGreaterThanOrEqual(MARGINS.left - TOLERANCE_MM)
    expect(word.xMax, where).toBeLessThanOrEqual(PAGE.width - MARGINS.right + TOLERANCE_MM)
    expect(word.yMax, where).toBeLessThanOrEqual(PAGE.height - MARGINS.bottom + TOLERANCE_MM)
  }
}

describe('PDF minutes through Chromium', () => {
  let wb: Workbench
  let dir: string
  // One workbench (and one Chromium) for the whole file, in a folder kept until the end.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-pdf-'))
    wb = openTestWorkbench(join(dir, 'data'))
  })
  afterAll(async () => {
    await wb.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('biên bản of the sample meeting: exact Vietnamese text, fonts embedded, A4, numbers from page 2, inside the margins', async () => {
    const file = join(dir, 'bien-ban.pdf')
    const result = await exportTo(wb, { meetingId: 1, kind: 'bienban', format: 'pdf' }, file)
    expect(result).toMatchObject({ fileName: 'bien-ban-05-BB-VPUB-2022-05-26.pdf', path: null })
    checkPdf(file, 2)
    const text = flatText(file)
    expect(text).toBe(text.normalize('NFC'))
    for (const phrase of [
      'UBND TỈNH NGHỆ AN', 'VĂN PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 05/BB-VPUB', 'BIÊN BẢN',
      'Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn', 'Thời gian bắt đầu: 8 giờ 00, ngày 26 tháng 5 năm 2022.',
      'Chủ trì (chủ tọa): Nguyễn Đức Trung - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.',
      'Nguyễn Hữu Minh - Chủ tịch UBND huyện Kỳ Sơn', 'giữ vững “3 yên”: yên biên giới, yên địa bàn, yên dân',
      'Cuộc họp kết thúc vào 11 giờ 30, ngày 26 tháng 5 năm 2022./.', 'THƯ KÝ', 'CHỦ TỌA', 'Nơi nhận:', '- Lưu: VT, Hồ sơ.',
    ]) {
      expect(text, phrase).toContain(phrase)
    }
  }, 60_000)

  it('thông báo of the sample meeting: the same checks, with the place/date line and signer block', async () => {
    const file = join(dir, 'thong-bao.pdf')
    await exportTo(wb, { meetingId: 1, kind: 'thongbao', format: 'pdf' }, file)
    checkPdf(file, 2)
    const text = flatText(file)
    for (const phrase of [
      'Nghệ An, ngày 26 tháng 5 năm 2022', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kỳ Sơn',
      'Giao UBND huyện Kỳ Sơn chủ trì thực hiện.', 'biết, thực hiện./.', 'TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG',
    ]) {
      expect(text, phrase).toContain(phrase)
    }
  }, 60_000)

  it('a long generated meeting numbers every page after the first and keeps dated actions', async () => {
    const meeting = await createLongMeeting(wb, { reportId: 1, items: 40, entries: 200 })
    const file = join(dir, 'dai.pdf')
    await exportTo(wb, { meetingId: meeting.id, kind: 'bienban', format: 'pdf' }, file)
    checkPdf(file, 8)
    expect(flatText(file)).toMatch(/thời hạn hoàn thành: ngày \d{1,2} tháng \d{1,2} năm 2022/)
  }, 120_000)

  it('returns the PDF as base64 and refuses any path argument, writing nothing', async () => {
    const result = await callOk(wb, 'minutes.export', { meetingId: 1, kind: 'thongbao', format: 'pdf' })
    expect(result.path).toBeNull()
    expect(Buffer.from(result.base64!, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const { dispatch } = await import('../../src/backend/rpc')
    for (const path of ['relative.pdf', join(dir, 'x.pdf')]) {
      const reply = await dispatch(wb.handlers, 'minutes.export', { meetingId: 1, kind: 'thongbao', format: 'pdf', path })
      expect(reply.ok || reply.error.code).toBe('bad_request')
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false)
    }
  }, 60_000)
})
