// A revised version loaded from a document file, as Tải bản sửa đổi… does in both shells: the file
// is read by an import job, its text is handed back without creating a report, previewed and
// applied as a revision; a refused file leaves the report and its revisions as they were.
import { afterEach, describe, expect, it } from 'vitest'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'
import { useTempDirs } from './helpers/temp-dirs'
import { makeDocx, PARAGRAPHS, pngBytes, TITLE, words } from './helpers/import-fixtures'
import type { Workbench } from '../../src/backend/workbench'
import type { ImportJob } from '../../src/core/methods/imports'

const tempDir = useTempDirs('revision-document-')
const open: Workbench[] = []
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close()
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
  return job
}

const EDITED = PARAGRAPHS[1]!.replace('tăng 8,5%', 'tăng 9,1%')
const ADDED = 'Huyện sẽ tổ chức tổng kết công tác phòng chống thiên tai vào cuối quý ba, báo cáo kết quả về tỉnh.'
/** The revised report: the second paragraph edited, the fourth removed, one added at the end. */
const REVISED = [PARAGRAPHS[0]!, EDITED, PARAGRAPHS[2]!, PARAGRAPHS[4]!, PARAGRAPHS[5]!, ADDED]

// Reading starts a worker thread; under tsx (no fresh build in out/) that takes seconds on a busy machine.
describe('a revision from a document file', { timeout: 150_000 }, () => {
  it('reads a Word file without creating a report, previews it and applies it as a revision', async () => {
    const wb = openTestWorkbench(tempDir())
    open.push(wb)
    const report = await callOk(wb, 'reports.import', { text: ['I. Tình hình chung', ...PARAGRAPHS].join('\n\n'), fileName: 'ban-dau.txt' })
    const before = await callOk(wb, 'reports.list', {})

    const job = await readJob(wb, 'ban-sua-doi.docx', await makeDocx({ title: TITLE, paragraphs: REVISED }))
    expect(job.state).toBe('ready')
    const read = await callOk(wb, 'imports.text', { jobId: job.jobId })
    expect(read).toMatchObject({ fileName: 'ban-sua-doi.docx', format: 'docx' })
    expect(words(read.text)).toEqual(words(['I. Tình hình chung', ...REVISED].join(' ')))
    // Reading the text created no report, and the job is gone once its text was taken.
    expect(await callOk(wb, 'reports.list', {})).toEqual(before)
    expect((await callError(wb, 'imports.text', { jobId: job.jobId })).code).toBe('not_found')

    const preview = await callOk(wb, 'reports.previewRevision', { reportId: report.id, text: read.text, fileName: read.fileName })
    expect(preview.identical).toBe(false)
    expect(preview.paragraphs.stats).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 5 })
    // Previewing changed nothing.
    expect((await callOk(wb, 'reports.get', { id: report.id })).text).toBe(report.text)

    const outcome = await callOk(wb, 'reports.revise', { reportId: report.id, text: read.text, fileName: read.fileName })
    expect(outcome.revision).toBe(2)
    const revised = await callOk(wb, 'reports.get', { id: report.id })
    expect(words(revised.text)).toEqual(words(['I. Tình hình chung', ...REVISED].join(' ')))
    const history = await callOk(wb, 'reports.revisions', { reportId: report.id })
    expect(history.find((r) => r.current)).toMatchObject({ revision: 2, fileName: 'ban-sua-doi.docx', change: { added: 1, removed: 1, changed: 1 } })
  })

  it('a refused file gives no text and creates no revision', async () => {
    const wb = openTestWorkbench(tempDir())
    open.push(wb)
    const report = await callOk(wb, 'reports.import', { text: PARAGRAPHS.join('\n\n'), fileName: 'ban-dau.txt' })
    const job = await readJob(wb, 'ban-sua-doi.txt', pngBytes())
    expect(job.state).toBe('failed')
    expect(job.error).toEqual({ code: 'bad_request', message: 'import.binary' })
    expect((await callError(wb, 'imports.text', { jobId: job.jobId })).message).toBe('import.notReady')
    expect(await callOk(wb, 'reports.revisions', { reportId: report.id })).toHaveLength(1)
    expect((await callOk(wb, 'reports.get', { id: report.id })).text).toBe(report.text)
  })

  it('checks the job id at the boundary', async () => {
    const wb = openTestWorkbench(tempDir())
    open.push(wb)
    expect((await callError(wb, 'imports.text', { jobId: '../x' })).code).toBe('bad_request')
    expect((await callError(wb, 'imports.text', { jobId: 'A'.repeat(24) })).code).toBe('not_found')
  })
})
