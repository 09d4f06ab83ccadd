// Revised report texts: annotations and proposal sources follow moved text, text that is gone
// leaves its annotations unplaced (never on other words), and every revision stays listed.
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { fullAnnotations, rangeOf, useSampleWorkbench } from './helpers/annotations'
import { queryFile } from './helpers/raw-db'
import { callError, callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

const paragraphs = (t: string) => t.split('\n\n')
const NEW_OPENING = 'Đoạn mở đầu mới được bổ sung trong bản sửa đổi của báo cáo.'

describe('reports.revise', () => {
  it('moves annotations with their text when a paragraph is inserted before them', async () => {
    const range = rangeOf(text, 'kinh doanh xăng dầu')
    const note = await callOk(wb, 'annotations.create', { reportId, ...range, body: 'Theo dõi' })
    const revised = [NEW_OPENING, ...paragraphs(text)].join('\n\n')

    const outcome = await callOk(wb, 'reports.revise', { reportId, text: revised, fileName: 'bao-cao-v2.txt' })
    expect(outcome).toMatchObject({ revision: 2, placed: 1, unplaced: 0 })
    const newText = (await callOk(wb, 'reports.get', { id: reportId })).text
    expect(newText).toBe(revised)
    const [after] = await callOk(wb, 'annotations.list', { reportId })
    const shift = NEW_OPENING.length + 2
    expect(after).toMatchObject({ id: note.id, status: 'placed', start: range.start + shift, end: range.end + shift, exact: 'kinh doanh xăng dầu' })
    expect(newText.slice(after!.start!, after!.end!)).toBe('kinh doanh xăng dầu')
    expect(fullAnnotations(wb, reportId)[0]!.updatedAt).toBe(note.updatedAt)
  })

  it('leaves an annotation unplaced, keeping its quote, when its text is deleted', async () => {
    const fire = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'không để xảy ra cháy rừng') })
    const kept = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'kinh doanh xăng dầu') })
    const revised = paragraphs(text).filter((p) => !p.includes('cháy rừng')).join('\n\n')

    expect(await callOk(wb, 'reports.revise', { reportId, text: revised })).toMatchObject({ revision: 2, placed: 1, unplaced: 1 })
    const list = fullAnnotations(wb, reportId)
    expect((await callOk(wb, 'annotations.list', { reportId })).map((a) => a.id)).toEqual([kept.id, fire.id])
    expect(list[1]).toMatchObject({ status: 'unplaced', start: null, end: null, exact: 'không để xảy ra cháy rừng', prefix: fire.prefix })
    expect(list[0]!.status).toBe('placed')
  })

  it('never puts an annotation on another copy of a repeated passage when its own copy is deleted', async () => {
    const repeated = 'Đề nghị tỉnh hỗ trợ kinh phí sửa chữa đường giao thông nông thôn.'
    const report = await callOk(wb, 'reports.import', {
      title: 'Báo cáo lặp',
      text: ['Mở đầu báo cáo.', `Xã A: ${repeated}`, 'Đoạn giữa về giáo dục.', `Xã B: ${repeated}`, 'Kết luận.'].join('\n\n'),
    })
    const second = report.text.indexOf(repeated, report.text.indexOf('Xã B'))
    const onB = await callOk(wb, 'annotations.create', { reportId: report.id, start: second, end: second + repeated.length })
    const revised = ['Mở đầu báo cáo.', `Xã A: ${repeated}`, 'Đoạn giữa về giáo dục.', 'Kết luận.'].join('\n\n')

    expect(await callOk(wb, 'reports.revise', { reportId: report.id, text: revised })).toMatchObject({ placed: 0, unplaced: 1 })
    expect((await callOk(wb, 'annotations.list', { reportId: report.id }))[0]).toMatchObject({ id: onB.id, status: 'unplaced', start: null })
  })

  it('places an unplaced annotation again when a later revision brings its text back', async () => {
    const fire = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'không để xảy ra cháy rừng') })
    await callOk(wb, 'reports.revise', { reportId, text: paragraphs(text).filter((p) => !p.includes('cháy rừng')).join('\n\n') })
    const outcome = await callOk(wb, 'reports.revise', { reportId, text })
    expect(outcome).toMatchObject({ revision: 3, placed: 1, unplaced: 0 })
    expect((await callOk(wb, 'annotations.list', { reportId }))[0]).toMatchObject({ id: fire.id, status: 'placed', start: fire.start, end: fire.end })
  })

  it('re-anchors deleted annotations too, so a restore finds them in place', async () => {
    const range = rangeOf(text, 'điện lưới')
    const note = await callOk(wb, 'annotations.create', { reportId, ...range })
    await callOk(wb, 'annotations.delete', { id: note.id })
    await callOk(wb, 'reports.revise', { reportId, text: [NEW_OPENING, text].join('\n\n') })
    const restored = await callOk(wb, 'annotations.restore', { id: note.id })
    expect(restored).toMatchObject({ start: range.start + NEW_OPENING.length + 2, exact: 'điện lưới' })
  })

  it("re-anchors the proposals' source anchors, removing those whose text is gone", async () => {
    const before = (await callOk(wb, 'proposals.list', { reportId })).filter((p) => p.source)
    expect(before.length).toBeGreaterThan(5)
    const droppedParagraph = paragraphs(text).find((p) => p.includes(before[0]!.source!.exact))!
    const revised = [NEW_OPENING, ...paragraphs(text).filter((p) => p !== droppedParagraph)].join('\n\n')

    const outcome = await callOk(wb, 'reports.revise', { reportId, text: revised })
    const after = await callOk(wb, 'proposals.list', { reportId })
    const gone = after.filter((p) => before.some((b) => b.id === p.id) && p.source === null)
    expect(gone.map((p) => p.id)).toContain(before[0]!.id)
    expect(outcome.proposalSources).toEqual({ placed: before.length - gone.length, unplaced: gone.length })
    for (const p of after.filter((p) => p.source)) {
      const old = before.find((b) => b.id === p.id)!
      expect(p.source!.exact).toBe(old.source!.exact)
      expect(revised.slice(p.source!.start, p.source!.end)).toBe(p.source!.exact)
      expect(p.updatedAt).toBe(old.updatedAt)
    }
  })

  it('keeps every revision and lists them oldest first', async () => {
    await callOk(wb, 'reports.revise', { reportId, text: [NEW_OPENING, text].join('\n\n'), fileName: 'v2.txt' })
    const revisions = await callOk(wb, 'reports.revisions', { reportId })
    expect(revisions.map((r) => [r.revision, r.fileName, r.current])).toEqual([
      [1, '', false],
      [2, 'v2.txt', true],
    ])
    expect(revisions[0]!.characters).toBe(text.length)
    const stored = queryFile<{ revision: number; text: string }>(wb.dbPath, 'SELECT revision, text FROM report_revisions WHERE report_id = ? ORDER BY revision', reportId)
    expect(stored.map((r) => r.text)).toEqual([text, [NEW_OPENING, text].join('\n\n')])
  })

  it('changes nothing for an identical text', async () => {
    await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới') })
    expect(await callOk(wb, 'reports.revise', { reportId, text: `\n${text}\n` })).toMatchObject({ revision: 1, placed: 1, unplaced: 0 })
    expect((await callOk(wb, 'reports.revisions', { reportId })).length).toBe(1)
  })

  it('keeps the search index on the current text', async () => {
    const revised = paragraphs(text).filter((p) => !p.includes('cháy rừng')).concat('Kiểm tra phòng cháy tại chợ trung tâm.').join('\n\n')
    await callOk(wb, 'reports.revise', { reportId, text: revised })
    const hits = await callOk(wb, 'search.query', { reportId, q: 'chay' })
    const reportHits = hits.filter((h) => h.kind === 'report')
    expect(reportHits.length).toBe(1)
    expect(revised.slice(reportHits[0]!.start!, reportHits[0]!.end!)).toBe('cháy')
  })

  it('refuses an empty text or a missing report, writing nothing', async () => {
    await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới') })
    const before = {
      reports: queryFile(wb.dbPath, 'SELECT * FROM reports'),
      revisions: queryFile(wb.dbPath, 'SELECT * FROM report_revisions'),
      annotations: queryFile(wb.dbPath, 'SELECT * FROM annotations'),
    }
    expect((await callError(wb, 'reports.revise', { reportId, text: '   \n ' })).code).toBe('bad_request')
    expect((await callError(wb, 'reports.revise', { reportId: 999, text: 'Văn bản.' })).code).toBe('not_found')
    expect((await callError(wb, 'reports.revisions', { reportId: 999 })).code).toBe('not_found')
    expect({
      reports: queryFile(wb.dbPath, 'SELECT * FROM reports'),
      revisions: queryFile(wb.dbPath, 'SELECT * FROM report_revisions'),
      annotations: queryFile(wb.dbPath, 'SELECT * FROM annotations'),
    }).toEqual(before)
  })
})
