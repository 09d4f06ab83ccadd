// Headings a document styles (Word's Heading and Title styles) but writes in ordinary case and
// without a number: kept from the import on as hints, shown as headings, carried across revisions,
// without moving any block; a mis-styled long paragraph stays a paragraph.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import { afterEach, describe, expect, it } from 'vitest'
import { segmentBlocks } from '../../src/core/blocks'
import { carryHeadingHints, isHintedHeadingLine, locateHeadings } from '../../src/core/heading-hints'
import type { Workbench } from '../../src/backend/workbench'
import type { ImportJob } from '../../src/core/methods/imports'
import { callOk, openTestWorkbench } from './helpers/workbench'
import { useTempDirs } from './helpers/temp-dirs'

const tempDir = useTempDirs('heading-hints-')
const open: Workbench[] = []
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close()
})

const ECONOMY = 'Tình hình kinh tế - xã hội'
const EDUCATION = 'Về giáo dục và đào tạo'
const HEALTH = 'Về y tế và chăm sóc sức khỏe nhân dân'
const P1 = 'Sản xuất nông nghiệp ổn định, tổng diện tích gieo trồng đạt 4.120 ha, bằng 101% kế hoạch.'
const P2 = 'Toàn huyện có 38 trường học, tỷ lệ trường đạt chuẩn quốc gia đạt 63%, tăng hai trường so với năm trước.'
const P3 = 'Trạm y tế các xã duy trì khám chữa bệnh thường xuyên, không để dịch bệnh lớn xảy ra trên địa bàn.'
/** A whole sentence someone styled Heading 2 by mistake: it stays a paragraph. */
const MISSTYLED = 'Huyện đã chỉ đạo các xã rà soát, bổ sung quy hoạch sử dụng đất và hoàn thành trước ngày 30/6.'

describe('the block parser with heading hints', () => {
  const text = [ECONOMY, P1, EDUCATION, P2, MISSTYLED].join('\n\n')

  it('makes a hinted short line a heading and changes no offsets', () => {
    const plain = segmentBlocks(text)
    expect(plain.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
    const hints = locateHeadings(text, [ECONOMY, EDUCATION, MISSTYLED])
    expect(hints).toEqual([0, text.indexOf(EDUCATION), text.indexOf(MISSTYLED)])
    const hinted = segmentBlocks(text, hints)
    expect(hinted.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph'])
    expect(hinted.map(({ start, end, text: t }) => ({ start, end, t }))).toEqual(plain.map(({ start, end, text: t }) => ({ start, end, t })))
  })

  it('honours a hint only at the start of a line, and only for a short plain line', () => {
    expect(segmentBlocks(text, [1, text.indexOf(EDUCATION) + 3]).every((b) => b.kind === 'paragraph')).toBe(true)
    expect(isHintedHeadingLine(EDUCATION)).toBe(true)
    expect(isHintedHeadingLine('Kết quả: tăng 5%. Đạt kế hoạch')).toBe(false)
    expect(isHintedHeadingLine('Về giáo dục,')).toBe(false)
    expect(isHintedHeadingLine('2021 - 2025')).toBe(false)
  })

  it('carries hints to a revised text when the heading line is unchanged, and drops changed ones', () => {
    const hints = locateHeadings(text, [ECONOMY, EDUCATION])
    const revised = ['Mở đầu báo cáo.', ECONOMY, P1 + ' Thêm một câu.', 'Về giáo dục', P2].join('\n\n')
    expect(carryHeadingHints(text, hints, revised)).toEqual([revised.indexOf(ECONOMY)])
  })
})

async function readJob(wb: Workbench, fileName: string, bytes: Uint8Array): Promise<ImportJob> {
  let job = await callOk(wb, 'imports.begin', { fileName, size: bytes.length })
  job = await callOk(wb, 'imports.chunk', { jobId: job.jobId, offset: 0, data: Buffer.from(bytes).toString('base64') })
  const deadline = Date.now() + 100_000
  while (job.state === 'uploading' || job.state === 'reading') {
    if (Date.now() > deadline) throw new Error('the job did not settle')
    await new Promise((r) => setTimeout(r, 50))
    job = await callOk(wb, 'imports.status', { jobId: job.jobId })
  }
  expect(job.state).toBe('ready')
  return job
}

/** A Word file: a Title, then each [heading, paragraph] pair with the heading styled at `level`. */
async function wordFile(sections: [string, string][], level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1, extra: Paragraph[] = []): Promise<Uint8Array> {
  const children = [new Paragraph({ text: 'Báo cáo tình hình sáu tháng đầu năm 2022', heading: HeadingLevel.TITLE })]
  for (const [heading, body] of sections) children.push(new Paragraph({ text: heading, heading: level }), new Paragraph(body))
  children.push(...extra)
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })))
}

const headingsOf = (report: { text: string; blocks: { kind: string; start: number; end: number }[] }) =>
  report.blocks.filter((b) => b.kind === 'heading').map((b) => report.text.slice(b.start, b.end))

describe('styled headings of a Word file', { timeout: 150_000 }, () => {
  it('are headings of the imported report, and stay so across revisions, undo and restore', async () => {
    const wb = openTestWorkbench(tempDir())
    open.push(wb)
    const bytes = await wordFile([[ECONOMY, P1], [EDUCATION, P2]], HeadingLevel.HEADING_2, [new Paragraph({ text: MISSTYLED, heading: HeadingLevel.HEADING_2 })])
    const job = await readJob(wb, 'bao-cao.docx', bytes)
    const created = await callOk(wb, 'imports.commit', { jobId: job.jobId })
    const report = await callOk(wb, 'reports.get', { id: created.id })
    expect(report.text.split('\n\n')).toEqual([ECONOMY, P1, EDUCATION, P2, MISSTYLED])
    expect(headingsOf(report)).toEqual([ECONOMY, EDUCATION])

    // The same text imported as plain text has no hints: no heading.
    const plain = await callOk(wb, 'reports.import', { text: report.text, fileName: 'ban-dau.txt' })
    expect(headingsOf(plain)).toEqual([])

    // A pasted revision keeps the heading it did not touch and loses the one it rewrote.
    const pasted = ['Mở đầu báo cáo.', ECONOMY, P1, 'Giáo dục', P2].join('\n\n')
    expect((await callOk(wb, 'reports.revise', { reportId: report.id, text: pasted })).revision).toBe(2)
    expect(headingsOf(await callOk(wb, 'reports.get', { id: report.id }))).toEqual([ECONOMY])

    // A revision from a Word file brings its own headings.
    const read = await callOk(wb, 'imports.text', { jobId: (await readJob(wb, 'ban-sua.docx', await wordFile([[ECONOMY, P1], [HEALTH, P3]]))).jobId })
    expect(read.headings).toEqual(['Báo cáo tình hình sáu tháng đầu năm 2022', ECONOMY, HEALTH])
    await callOk(wb, 'reports.revise', { reportId: report.id, text: read.text, fileName: read.fileName, headings: read.headings })
    const third = await callOk(wb, 'reports.get', { id: report.id })
    expect(headingsOf(third)).toEqual([ECONOMY, HEALTH])

    // Undo puts back the hints of revision 2; restoring revision 1 brings back the first ones.
    await callOk(wb, 'reports.undoRevision', { reportId: report.id, revision: 3 })
    expect(headingsOf(await callOk(wb, 'reports.get', { id: report.id }))).toEqual([ECONOMY])
    await callOk(wb, 'reports.restoreRevision', { reportId: report.id, revision: 1 })
    expect(headingsOf(await callOk(wb, 'reports.get', { id: report.id }))).toEqual([ECONOMY, EDUCATION])
  })
})
