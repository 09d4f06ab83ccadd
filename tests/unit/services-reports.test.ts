// Importing and reading reports through the dispatcher: NFC storage, revision 1,
// blocks derived from the text, and clean refusals that write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { withBlockTexts } from '../../src/core/domain'
import { countRows, queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let wb: Workbench

beforeEach(() => {
  wb = openTestWorkbench(tempDir())
})
afterEach(() => wb.close())

const BODY = [
  'UBND HUYỆN KỲ SƠN',
  '',
  'BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM',
  '',
  'Trong 6 tháng đầu năm, huyện đã tập trung chỉ đạo phát triển nông nghiệp, giữ vững quốc phòng an ninh.',
  '',
  'Đề nghị tỉnh hỗ trợ kinh phí xây dựng đường giao thông liên xã.',
].join('\n')

describe('reports.import', () => {
  it('stores the text, its revision 1 and returns the report with blocks', async () => {
    const report = await callOk(wb, 'reports.import', { text: BODY, title: 'Báo cáo 6 tháng', source: 'UBND huyện' })
    expect(report.title).toBe('Báo cáo 6 tháng')
    expect(report.source).toBe('UBND huyện')
    expect(report.text).toContain('Đề nghị tỉnh hỗ trợ kinh phí')
    expect(report.blocks.length).toBeGreaterThanOrEqual(2)
    for (const block of report.blocks) expect(block).not.toHaveProperty('text')
    expect(withBlockTexts(report).blocks.map((b) => b.text)).toEqual(report.blocks.map((b) => report.text.slice(b.start, b.end)))

    const [stored] = queryFile<{ text: string; raw_text: string }>(wb.dbPath, 'SELECT text, raw_text FROM reports WHERE id = ?', report.id)
    expect(stored!.text).toBe(report.text)
    expect(stored!.raw_text).toBe(BODY)
    const revisions = queryFile<{ revision: number; text: string }>(
      wb.dbPath,
      'SELECT revision, text FROM report_revisions WHERE report_id = ?',
      report.id,
    )
    expect(revisions).toEqual([{ revision: 1, text: report.text }])

    expect(await callOk(wb, 'reports.get', { id: report.id })).toEqual(report)
  })

  it('lists the newest report first', async () => {
    const imported = await callOk(wb, 'reports.import', { text: BODY, title: 'Mới nhất' })
    const list = await callOk(wb, 'reports.list', {})
    expect(list).toHaveLength(2)
    expect(list[0]!.id).toBe(imported.id)
  })

  it('stores an NFD title and text in NFC', async () => {
    const nfdTitle = 'Báo cáo huyện Kỳ Sơn'.normalize('NFD')
    const nfdText = BODY.normalize('NFD')
    expect(nfdTitle).not.toBe(nfdTitle.normalize('NFC'))
    const report = await callOk(wb, 'reports.import', { text: nfdText, title: nfdTitle })
    const [row] = queryFile<{ title: string; text: string }>(wb.dbPath, 'SELECT title, text FROM reports WHERE id = ?', report.id)
    expect(row!.title).toBe('Báo cáo huyện Kỳ Sơn'.normalize('NFC'))
    expect(row!.text).toBe(row!.text.normalize('NFC'))
    expect(row!.text).toContain('Đề nghị tỉnh hỗ trợ')
  })

  it('takes a title from the text when none is given', async () => {
    const report = await callOk(wb, 'reports.import', { text: BODY, fileName: 'bao-cao.txt' })
    expect(report.title.trim().length).toBeGreaterThan(0)
  })

  it('refuses an empty text or wrong arguments, writing nothing', async () => {
    const before = countRows(wb.dbPath, 'reports')
    expect((await callError(wb, 'reports.import', { text: '   \n  ' })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.import', { text: 42 })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.import', {})).code).toBe('bad_request')
    expect(countRows(wb.dbPath, 'reports')).toBe(before)
    expect(countRows(wb.dbPath, 'report_revisions')).toBe(before)
  })
})

describe('reports.get', () => {
  it('answers not_found for a missing id and bad_request for a malformed one', async () => {
    expect((await callError(wb, 'reports.get', { id: 999 })).code).toBe('not_found')
    expect((await callError(wb, 'reports.get', { id: -1 })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.get', { id: 'one' })).code).toBe('bad_request')
  })
})
