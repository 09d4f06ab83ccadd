// Importing large documents: a generated 300-page text PDF (printed by Chromium with a running
// header and page numbers) and a generated 100-page Word file. Where the seconds go: the read in
// this thread, the reader thread's start, the read in the warm thread, the job through the
// contract (upload, read, commit into the database and search index), and in the browser shell
// in Chromium from choosing the PDF to the report painted (upload, read, commit and fetch,
// paint), with the longest main-thread task of the page meanwhile.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { readDocumentFile } from '../../src/backend/import/index'
import { createReaderThread } from '../../src/backend/import/reader-thread'
import { readerThread, workerScript } from '../../src/backend/import/run-read'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench } from '../../src/backend/workbench'
import { CHROMIUM_ARGS, chromiumExecutable } from '../../src/backend/pdf/chromium-pdf'
import { startBrowserShell } from '../../tests/e2e/support/browser-shell'
import { closePrinter, makeDocx, pdfHtml, printPdf } from '../../tests/unit/helpers/import-fixtures'
import { generateReport } from '../corpus'
import { median, type BenchRow } from '../table'

export const name = 'import'

const PDF_PARAGRAPHS = 1_720
const DOCX_PARAGRAPHS = 500
const RUNS = 3
const TITLE = 'Báo cáo tổng hợp dài (sinh tự động)'
/** How long after the report is painted the page is still watched (the rest of the text is filled in meanwhile). */
const SETTLE_MS = 3_000

async function call<T>(handlers: Parameters<typeof dispatch>[0], method: string, args: unknown): Promise<T> {
  const reply = await dispatch(handlers, method, args)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as T
}

interface JobView {
  jobId: string
  state: string
}

interface JobTimes {
  upload: number
  read: number
  commit: number
  total: number
}

/** Through the contract, as the browser shell calls it (512 KiB chunks), reading in the process's warm thread. */
async function asJob(dataDir: string, fileName: string, bytes: Uint8Array): Promise<JobTimes> {
  const wb = openWorkbench({ dataDir, bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
  try {
    const started = performance.now()
    const chunk = 512 * 1024
    let job = await call<JobView>(wb.handlers, 'imports.begin', { fileName, size: bytes.length })
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      job = await call<JobView>(wb.handlers, 'imports.chunk', {
        jobId: job.jobId,
        offset,
        data: Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64'),
      })
    }
    const uploaded = performance.now()
    while (job.state === 'reading' || job.state === 'uploading') {
      await new Promise((r) => setTimeout(r, 20))
      job = await call<JobView>(wb.handlers, 'imports.status', { jobId: job.jobId })
    }
    if (job.state !== 'ready') throw new Error(`job ${job.state}`)
    const read = performance.now()
    await call(wb.handlers, 'imports.commit', { jobId: job.jobId })
    const done = performance.now()
    return { upload: uploaded - started, read: read - uploaded, commit: done - read, total: done - started }
  } finally {
    await wb.close()
  }
}

interface ShellRun {
  /** File chosen → last chunk answered. */
  upload: number
  /** File chosen → ready to confirm. */
  ready: number
  /** Confirm → the commit's answer received (commit in the back end, transfer, JSON). */
  commit: number
  /** Confirm → report painted. */
  paint: number
  longest: number
}

/** In the browser shell: file chosen → ready for review, and confirm → report painted; longest task. */
async function inBrowser(dataDir: string, pdfPath: string): Promise<ShellRun[]> {
  const shell = await startBrowserShell(dataDir)
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })
    await context.addInitScript(`globalThis.__name = (f) => f;
      globalThis.__longest = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longest = Math.max(globalThis.__longest, e.duration) })
        .observe({ type: 'longtask', buffered: false });`)
    const page = await context.newPage()
    await page.goto(shell.url)
    await page.getByTestId('report-pane').waitFor({ timeout: 60_000 })
    // A user looks at the window for a few seconds before importing: the back end starts its reader meanwhile.
    await page.waitForTimeout(5_000)
    const results: ShellRun[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.getByTestId('import-dialog').waitFor({ state: 'hidden' })
      await page.waitForTimeout(1_000)
      await page.evaluate('globalThis.__longest = 0; performance.clearResourceTimings()')
      const t0 = (await page.evaluate('performance.now()')) as number
      await page.getByTestId('import-report').setInputFiles(pdfPath)
      await page.getByTestId('import-confirm').waitFor({ timeout: 300_000 })
      const readyAt = (await page.evaluate('performance.now()')) as number
      const upload =
        Math.max(...((await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/imports.chunk')).map((e) => e.responseEnd)`)) as number[])) - t0
      // Painted: the new report's title and its first block (new elements: the blocks are keyed by report) on screen.
      const paint = await page.getByTestId('import-confirm').evaluate(
        (button, title) =>
          new Promise<number>((done, fail) => {
            const before = document.querySelector('[data-testid="report-block"]')
            const started = performance.now()
            ;(button as HTMLButtonElement).click()
            const check = () => {
              const h1 = document.querySelector('[data-testid="report-pane"] h1')
              const first = document.querySelector('[data-testid="report-block"]')
              if (h1 && h1.textContent === title && first && first !== before) {
                requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0))
              } else if (performance.now() - started > 120_000) fail(new Error('the report was not painted in 2 minutes'))
              else requestAnimationFrame(check)
            }
            check()
          }),
        TITLE,
      )
      const commit = (await page.evaluate(
        `(() => { const e = performance.getEntriesByType('resource').find((e) => e.name.includes('/rpc/imports.commit')); return e ? e.responseEnd - e.startTime : NaN })()`,
      )) as number
      await page.waitForTimeout(SETTLE_MS)
      const longest = Number(await page.evaluate('globalThis.__longest'))
      results.push({ upload, ready: readyAt - t0, commit, paint, longest })
      console.error(
        `import: browser shell, uploaded ${upload.toFixed(0)} ms, ready ${(readyAt - t0).toFixed(0)} ms, committed +${commit.toFixed(0)} ms, painted +${paint.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`,
      )
    }
    await context.close()
    return results
  } finally {
    await browser.close()
    await shell.stop()
  }
}

const s = (ms: number, digits = 1) => `${(ms / 1000).toFixed(digits)} s`
const all = (xs: number[], digits = 1) => xs.map((x) => (x / 1000).toFixed(digits)).join(', ')

export async function run(): Promise<BenchRow[]> {
  // The browser shell and the reader thread use the build when it is current (as `npm run serve` does).
  const built = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: ['ignore', 2, 2] }).status === 0
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-import-'))
  try {
    const generated = generateReport(PDF_PARAGRAPHS, 20_220_526).text.split('\n').filter((l) => l.trim())
    const pdf = await printPdf(pdfHtml({ title: TITLE, paragraphs: generated, fontSize: 12 }))
    await closePrinter()
    const pdfPath = join(dir, 'bao-cao-dai.pdf')
    writeFileSync(pdfPath, pdf)
    const docxParagraphs = generateReport(DOCX_PARAGRAPHS, 7).text.split('\n').filter((l) => l.trim())
    const docx = await makeDocx({ title: TITLE, paragraphs: docxParagraphs })

    const pdfInline: number[] = []
    const docxInline: number[] = []
    let pages = 0
    let chars = 0
    let docxChars = 0
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now()
      const doc = await readDocumentFile(pdf, 'bao-cao-dai.pdf', { onProgress: (_, total) => (pages = total) })
      pdfInline.push(performance.now() - t)
      chars = doc.text.length
      t = performance.now()
      docxChars = (await readDocumentFile(docx, 'bao-cao-dai.docx')).text.length
      docxInline.push(performance.now() - t)
      console.error(`import: in this thread, PDF ${s(pdfInline.at(-1)!)}, Word ${s(docxInline.at(-1)!, 2)}`)
    }

    // A new thread each time: its start (tsx or the build, pdfjs, mammoth), then reads in it.
    const script = workerScript()
    if (!script) throw new Error('the reader thread script was not found')
    const threadStart: number[] = []
    const pdfThread: number[] = []
    const docxThread: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const thread = createReaderThread(script)
      try {
        let t = performance.now()
        await thread.warm()
        threadStart.push(performance.now() - t)
        t = performance.now()
        await thread.read(pdf, 'bao-cao-dai.pdf', () => undefined).result
        pdfThread.push(performance.now() - t)
        t = performance.now()
        await thread.read(docx, 'bao-cao-dai.docx', () => undefined).result
        docxThread.push(performance.now() - t)
      } finally {
        await thread.close()
      }
      console.error(`import: reader thread started in ${s(threadStart.at(-1)!)}, then PDF ${s(pdfThread.at(-1)!)}, Word ${s(docxThread.at(-1)!, 2)}`)
    }

    // As the shells run it: the process's reader thread, started ahead (as the shells do after their start).
    await readerThread()?.warm()
    const pdfJob: JobTimes[] = []
    const docxJob: JobTimes[] = []
    for (let i = 0; i < RUNS; i++) {
      pdfJob.push(await asJob(join(dir, `job-pdf-${i}`), 'bao-cao-dai.pdf', pdf))
      docxJob.push(await asJob(join(dir, `job-docx-${i}`), 'bao-cao-dai.docx', docx))
      console.error(`import: as jobs, PDF ${s(pdfJob.at(-1)!.total)}, Word ${s(docxJob.at(-1)!.total, 2)}`)
    }
    await readerThread()?.close()

    // The browser shell may be slow to start on a busy machine: one more try before giving up.
    const shellRuns = await inBrowser(join(dir, 'shell'), pdfPath).catch((err: unknown) => {
      console.error('import: the browser shell run failed, once more:', err)
      return inBrowser(join(dir, 'shell-2'), pdfPath)
    })
    const docxPages = Math.round(docxChars / 3_000)
    const med = (runs: JobTimes[], key: keyof JobTimes) => median(runs.map((r) => r[key]))
    const shell = (key: keyof ShellRun) => median(shellRuns.map((r) => r[key]))
    const firstPaint = shellRuns.map((r) => r.ready + r.paint)
    const via = script.viaTsx ? 'from the sources through tsx' : 'the build (out/main/import-worker.js)'
    return [
      { figure: 'PDF', median: `${pages} pages`, target: '300 pages', note: `${(pdf.length / 1e6).toFixed(1)} MB, ${chars.toLocaleString('en')} characters read` },
      { figure: 'PDF read in the back end (this thread)', median: s(median(pdfInline)), target: '—', note: `median of ${RUNS}; all: ${all(pdfInline)} s` },
      {
        figure: 'reader thread start (once per back end, in the background)',
        median: s(median(threadStart)),
        target: '—',
        note: `${via}${built ? '' : ' (the build failed)'}; all: ${all(threadStart)} s`,
      },
      { figure: 'PDF read in the warm reader thread', median: s(median(pdfThread)), target: '—', note: `all: ${all(pdfThread)} s` },
      {
        figure: 'PDF as a job: upload → read → report stored',
        median: s(med(pdfJob, 'total')),
        target: '—',
        note: `upload ${med(pdfJob, 'upload').toFixed(0)} ms, read ${s(med(pdfJob, 'read'))}, commit (parse, insert, search index) ${med(pdfJob, 'commit').toFixed(0)} ms; all: ${all(pdfJob.map((r) => r.total))} s`,
      },
      {
        figure: 'PDF in the browser shell: file chosen → report painted (minus the confirm click)',
        median: s(median(firstPaint)),
        target: '< 10 s',
        note: `medians: uploaded ${shell('upload').toFixed(0)} ms, ready to confirm ${s(shell('ready'))}; confirm → commit answered ${shell('commit').toFixed(0)} ms → painted ${shell('paint').toFixed(0)} ms; all: ${all(firstPaint)} s`,
      },
      {
        figure: `PDF in the browser shell: longest main-thread task, file chosen → ${SETTLE_MS / 1000} s after the paint`,
        median: `${shell('longest').toFixed(0)} ms`,
        target: '≤ 200 ms',
        note: `median of ${RUNS}; all: ${shellRuns.map((r) => r.longest.toFixed(0)).join(', ')} ms (PerformanceObserver longtask)`,
      },
      { figure: 'Word file', median: `~${docxPages} pages`, target: '100 pages', note: `${docxParagraphs.length} paragraphs, ${docxChars.toLocaleString('en')} characters (~3,000 a page)` },
      { figure: 'Word read in the back end (this thread)', median: s(median(docxInline), 2), target: '—', note: `all: ${all(docxInline, 2)} s; in the warm reader thread ${s(median(docxThread), 2)}` },
      {
        figure: 'Word as a job: upload → read → report stored',
        median: s(med(docxJob, 'total'), 2),
        target: '< 3 s',
        note: `upload ${med(docxJob, 'upload').toFixed(0)} ms, read ${med(docxJob, 'read').toFixed(0)} ms, commit ${med(docxJob, 'commit').toFixed(0)} ms; all: ${all(docxJob.map((r) => r.total), 2)} s`,
      },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
