// Import jobs through the contract, as both shells call them: chunked upload, reading in a
// worker thread with progress, confirmation with edited title and date, cancel and refusals
// that create nothing, and arguments checked at the boundary.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'
import { useTempDirs } from './helpers/temp-dirs'
import { closePrinter, makeDocx, PARAGRAPHS, pdfHtml, pngBytes, printPdf, TITLE, words } from './helpers/import-fixtures'
import type { Workbench } from '../../src/backend/workbench'
import type { ImportJob } from '../../src/core/methods/imports'

const tempDir = useTempDirs('import-jobs-')
const open: Workbench[] = []
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close()
})
afterAll(closePrinter)

function workbench(): Workbench {
  const wb = openTestWorkbench(tempDir())
  open.push(wb)
  return wb
}

async function upload(wb: Workbench, fileName: string, bytes: Uint8Array, chunk = 1000): Promise<ImportJob> {
  let job = await callOk(wb, 'imports.begin', { fileName, size: bytes.length })
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    job = await callOk(wb, 'imports.chunk', { jobId: job.jobId, offset, data: Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64') })
  }
  return job
}

async function settle(wb: Workbench, jobId: string, seen: ImportJob[] = []): Promise<ImportJob> {
  const deadline = Date.now() + 100_000
  while (Date.now() < deadline) {
    const job = await callOk(wb, 'imports.status', { jobId })
    seen.push(job)
    if (job.state !== 'reading' && job.state !== 'uploading') return job
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the job did not settle')
}

// Reading starts a worker thread; under tsx (no fresh build in out/) that takes seconds on a busy machine.
describe('import jobs', { timeout: 150_000 }, () => {
  it('uploads a Word file in chunks, reads it and creates the report with the edited title and date', async () => {
    const wb = workbench()
    const before = await callOk(wb, 'reports.list', {})
    const bytes = await makeDocx({ title: TITLE })
    const uploaded = await upload(wb, 'bao-cao.docx', bytes, 4096)
    expect(uploaded.received).toBe(bytes.length)
    const ready = await settle(wb, uploaded.jobId)
    expect(ready.state).toBe('ready')
    expect(ready.document).toMatchObject({ format: 'docx', title: TITLE, date: '2022-05-26', suggestedTitle: TITLE })
    expect(ready.document!.preview).toContain('I. Tình hình chung')
    // Nothing is created before the user confirms.
    expect(await callOk(wb, 'reports.list', {})).toEqual(before)

    const report = await callOk(wb, 'imports.commit', { jobId: uploaded.jobId, title: 'Báo cáo Mường Lát (sửa)', date: '2022-05-27' })
    expect(report).toMatchObject({ title: 'Báo cáo Mường Lát (sửa)', date: '2022-05-27', source: 'bao-cao.docx' })
    expect(words(report.text)).toEqual(words(['I. Tình hình chung', ...PARAGRAPHS].join(' ')))
    expect((await callOk(wb, 'reports.list', {}))[0]!.id).toBe(report.id)
    // The job is gone once used.
    expect((await callError(wb, 'imports.status', { jobId: uploaded.jobId })).code).toBe('not_found')
  })

  it('reads a PDF in a worker thread with page progress', async () => {
    const wb = workbench()
    const pdf = await printPdf(pdfHtml({ title: TITLE, paragraphs: Array.from({ length: 60 }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % 6]}`) }))
    const uploaded = await upload(wb, 'dai.pdf', pdf, 3 * 1024 * 1024)
    const seen: ImportJob[] = []
    const ready = await settle(wb, uploaded.jobId, seen)
    expect(ready.state).toBe('ready')
    expect(ready.total).toBeGreaterThanOrEqual(3)
    // Progress was seen on the way, not only at the end, whenever a poll fell between pages.
    expect(seen.every((j) => j.done <= j.total || j.total === 0)).toBe(true)
    expect(ready.done).toBe(ready.total)
    expect(ready.document!.notices).toContain(`pages:${ready.total}`)
    const report = await callOk(wb, 'imports.commit', { jobId: uploaded.jobId })
    expect(report.title).toBe(TITLE)
    expect(report.date).toBe('2022-05-26')
  })

  it('a cancelled job creates nothing, and a refused file says why', async () => {
    const wb = workbench()
    const before = await callOk(wb, 'reports.list', {})
    const pdf = await printPdf(pdfHtml({ paragraphs: Array.from({ length: 80 }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % 6]}`) }))
    const started = await upload(wb, 'huy.pdf', pdf, 3 * 1024 * 1024)
    const cancelled = await callOk(wb, 'imports.cancel', { jobId: started.jobId })
    expect(cancelled.state).toBe('cancelled')
    expect((await callError(wb, 'imports.commit', { jobId: started.jobId })).message).toBe('import.notReady')

    const png = await upload(wb, 'anh.txt', pngBytes())
    const failed = await settle(wb, png.jobId)
    expect(failed.state).toBe('failed')
    expect(failed.error).toEqual({ code: 'bad_request', message: 'import.binary' })
    expect(await callOk(wb, 'reports.list', {})).toEqual(before)
  })

  it('refuses at once what the name and size tell, and checks every argument', async () => {
    const wb = workbench()
    expect((await callError(wb, 'imports.begin', { fileName: 'rong.txt', size: 0 })).message).toBe('import.empty')
    expect((await callError(wb, 'imports.begin', { fileName: 'lon.pdf', size: 60 * 1024 * 1024 })).message).toBe('import.tooLarge')
    expect((await callError(wb, 'imports.begin', { fileName: 'bang.xlsx', size: 10 })).message).toBe('import.unsupported')
    const job = await callOk(wb, 'imports.begin', { fileName: 'a.txt', size: 4 })
    expect((await callError(wb, 'imports.chunk', { jobId: job.jobId, offset: 2, data: 'QUJD' })).message).toBe('import.badChunk')
    expect((await callError(wb, 'imports.chunk', { jobId: job.jobId, offset: 0, data: 'QUJDREVG' })).message).toBe('import.badChunk')
    expect((await callError(wb, 'imports.chunk', { jobId: job.jobId, offset: 0, data: 'không phải base64' })).code).toBe('bad_request')
    expect((await callError(wb, 'imports.status', { jobId: '../../etc/passwd' })).code).toBe('bad_request')
    expect((await callError(wb, 'imports.status', { jobId: 'A'.repeat(24) })).code).toBe('not_found')
    expect((await callError(wb, 'imports.commit', { jobId: job.jobId, date: '26/05/2022' })).code).toBe('bad_request')
    // The browser shell has no file dialog of its own.
    expect((await callError(wb, 'imports.open', {})).code).toBe('not_found')
  })

  it('keeps reports.import for plain text as it was', async () => {
    const wb = workbench()
    const report = await callOk(wb, 'reports.import', { text: PARAGRAPHS.join('\n'), fileName: 'ghi-chep.txt' })
    expect(report.text).toBe(PARAGRAPHS.join('\n\n'))
    expect(report.source).toBe('ghi-chep.txt')
  })
})
