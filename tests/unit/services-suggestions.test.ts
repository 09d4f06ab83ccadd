// proposals.suggest through the dispatcher: suggestions from an imported report, with offsets
// that quote the stored text, and gone once a live proposal quotes their passage.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { withBlockTexts } from '../../src/core/domain'
import { extractProposals } from '../../src/core/extract/extract'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const SAMPLE = '04-nghe-an-con-cuong.txt'
const sampleText = readFileSync(`tests/fixtures/samples/${SAMPLE}`, 'utf8')

const tempDir = useTempDirs()
let wb: Workbench
let reportId: number
let text: string

beforeEach(async () => {
  wb = openTestWorkbench(tempDir())
  const report = await callOk(wb, 'reports.import', { text: sampleText, fileName: SAMPLE })
  reportId = report.id
  text = report.text
})
afterEach(() => wb.close())

const suggest = () => callOk(wb, 'proposals.suggest', { reportId })

describe('proposals.suggest', () => {
  it('suggests proposals of an imported report with offsets that quote its text', async () => {
    const suggestions = await suggest()
    expect(suggestions.length).toBeGreaterThanOrEqual(3)
    const sectorCodes = new Set((await callOk(wb, 'sectors.list', {})).map((s) => s.code))
    let previousStart = -1
    for (const s of suggestions) {
      expect(s.end).toBeGreaterThan(s.start)
      expect(s.end).toBeLessThanOrEqual(text.length)
      expect(text.slice(s.start, s.end)).toBe(s.quote)
      expect(s.key).toBe(`${s.start}-${s.end}`)
      expect(s.title.trim().length).toBeGreaterThan(0)
      expect(sectorCodes.has(s.sector), s.sector).toBe(true)
      expect(s.confidence).toBeGreaterThan(0)
      expect(s.confidence).toBeLessThanOrEqual(1)
      expect(s.start).toBeGreaterThan(previousStart)
      previousStart = s.start
    }
    expect(new Set(suggestions.map((s) => s.key)).size).toBe(suggestions.length)
    expect(suggestions.some((s) => s.quote.includes('cầu cứng qua sông Lam'))).toBe(true)
  })

  it('gives the same suggestions on every call', async () => {
    expect(await suggest()).toEqual(await suggest())
  })

  it('leaves out an accepted suggestion, and brings it back when that proposal is deleted', async () => {
    const before = await suggest()
    const chosen = before[1]!
    const created = await callOk(wb, 'proposals.create', {
      reportId,
      title: chosen.title,
      sector: chosen.sector,
      source: { start: chosen.start, end: chosen.end, exact: chosen.quote },
    })
    const after = await suggest()
    expect(after.map((s) => s.key)).toEqual(before.filter((s) => s.key !== chosen.key).map((s) => s.key))

    await callOk(wb, 'proposals.delete', { id: created.id })
    expect(await suggest()).toEqual(before)
  })

  it('leaves out suggestions that only partly overlap a proposal source', async () => {
    const before = await suggest()
    const [a, b] = [before[1]!, before[2]!]
    // A source running from the middle of one suggestion into the next claims both.
    const start = a.start + 3
    const end = b.start + 3
    await callOk(wb, 'proposals.create', {
      reportId,
      title: 'Đề xuất tự nhập',
      sector: a.sector,
      source: { start, end, exact: text.slice(start, end) },
    })
    const keys = (await suggest()).map((s) => s.key)
    expect(keys).not.toContain(a.key)
    expect(keys).not.toContain(b.key)
    expect(keys).toEqual(before.filter((s) => s !== a && s !== b).map((s) => s.key))
  })

  it('keeps every suggestion when proposals have no source or belong to another report', async () => {
    const before = await suggest()
    await callOk(wb, 'proposals.create', { reportId, title: 'Không có nguồn', sector: before[0]!.sector })
    const other = (await callOk(wb, 'reports.list', {})).find((r) => r.id !== reportId)!
    const otherText = (await callOk(wb, 'reports.get', { id: other.id })).text
    const first = before[0]!
    expect(otherText.length).toBeGreaterThan(first.end)
    await callOk(wb, 'proposals.create', {
      reportId: other.id,
      title: 'Ở báo cáo khác',
      sector: first.sector,
      source: { start: first.start, end: first.end, exact: otherText.slice(first.start, first.end) },
    })
    expect(await suggest()).toEqual(before)
  })

  it('does not suggest again what the starter checklist of the sample report already quotes', async () => {
    const sample = (await callOk(wb, 'reports.list', {})).find((r) => r.id !== reportId)!
    const sources = (await callOk(wb, 'proposals.list', { reportId: sample.id })).flatMap((p) => (p.source ? [p.source] : []))
    const suggestions = await callOk(wb, 'proposals.suggest', { reportId: sample.id })
    const { text: sampleReportText, blocks } = withBlockTexts(await callOk(wb, 'reports.get', { id: sample.id }))
    const everything = extractProposals(sampleReportText, blocks, await callOk(wb, 'sectors.list', {}))
    expect(sources.length).toBeGreaterThan(0)
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.length).toBeLessThan(everything.length)
    for (const s of suggestions) {
      for (const src of sources) expect(s.start < src.end && src.start < s.end, `${s.key} overlaps ${src.start}-${src.end}`).toBe(false)
    }
  })

  it('refuses an unknown report and bad arguments', async () => {
    expect((await callError(wb, 'proposals.suggest', { reportId: 9_999 })).code).toBe('not_found')
    expect((await callError(wb, 'proposals.suggest', {})).code).toBe('bad_request')
    expect((await callError(wb, 'proposals.suggest', { reportId: 'one' })).code).toBe('bad_request')
  })
})

describe('proposals.suggest on a report that names bodies and deadlines', () => {
  it('returns the owner, partners and deadline with the report’s year, and accepting keeps them', async () => {
    const written = [
      'date 2023-05-20 Kết luận buổi làm việc, Chủ tịch UBND tỉnh giao UBND huyện Hòa An:',
      '- Rà soát, hoàn thiện quy hoạch sử dụng đất, trình UBND tỉnh trước 30/6.',
      '- Khẩn trương hoàn thành giải phóng mặt bằng dự án đường tỉnh 208 trong quý III.',
      'Sở Y tế chủ trì, phối hợp với UBND các huyện tăng cường kiểm tra an toàn thực phẩm.',
    ].join('\n')
    const report = await callOk(wb, 'reports.import', { text: written, title: 'Kết luận làm việc' })
    expect(report.date).toBe('2023-05-20')
    const found = await callOk(wb, 'proposals.suggest', { reportId: report.id })
    const land = found.find((s) => s.quote.startsWith('Rà soát'))!
    expect(land).toMatchObject({ owner: 'UBND huyện Hòa An', dueDate: '2023-06-30', section: null })
    expect(found.find((s) => s.quote.startsWith('Khẩn trương'))).toMatchObject({ owner: 'UBND huyện Hòa An', dueDate: '2023-09-30' })
    expect(found.find((s) => s.quote.startsWith('Sở Y tế'))).toMatchObject({ owner: 'Sở Y tế', partners: 'UBND các huyện', dueDate: null })
    const created = await callOk(wb, 'proposals.create', {
      reportId: report.id, title: land.title, sector: land.sector, owner: land.owner!, dueDate: land.dueDate,
      source: { start: land.start, end: land.end, exact: land.quote },
    })
    expect(created).toMatchObject({ owner: 'UBND huyện Hòa An', dueDate: '2023-06-30' })
  })
})
