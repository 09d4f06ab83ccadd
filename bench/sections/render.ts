// The report pane at scale, in the browser shell in Chromium: a generated report of 1,000
// paragraphs (~600,000 characters) with 5,000 annotations. Measures the time from navigation
// to the report painted with its highlights, and from the annotate click to the new
// highlight stored and painted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench } from '../../src/backend/workbench'
import { CHROMIUM_ARGS, chromiumExecutable } from '../../src/backend/pdf/chromium-pdf'
import { startBrowserShell } from '../../tests/e2e/support/browser-shell'
import { generateAnnotations, generateReport } from '../corpus'
import { median, type BenchRow } from '../table'

export const name = 'report-render'

const PARAGRAPHS = 1_000
const ANNOTATIONS = 5_000
const RUNS = 9
const CREATES = 15

async function call<T>(handlers: Parameters<typeof dispatch>[0], method: string, args: unknown): Promise<T> {
  const reply = await dispatch(handlers, method, args)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as T
}

/** A data directory holding the generated report, opened as the current one, with its annotations. */
async function prepare(dataDir: string): Promise<{ chars: number }> {
  const wb = openWorkbench({ dataDir, bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
  try {
    const generated = generateReport(PARAGRAPHS, 20_220_526)
    const report = await call<{ id: number; text: string; blocks: { start: number; end: number }[] }>(
      wb.handlers, 'reports.import', { text: generated.text, title: 'Báo cáo tổng hợp (sinh tự động)' })
    // Annotations are drawn on the text as stored (the parser may have normalised spacing).
    const stored = { text: report.text, paragraphs: report.blocks.map((b) => ({ start: b.start, end: b.end })) }
    for (const a of generateAnnotations(stored, ANNOTATIONS, 7)) {
      await call(wb.handlers, 'annotations.create', { reportId: report.id, start: a.start, end: a.end })
    }
    await call(wb.handlers, 'settings.update', { currentReportId: report.id })
    return { chars: report.text.length }
  } finally {
    await wb.close()
  }
}

/** ms from navigation start until the report and at least one highlight are in the DOM and a frame was painted. */
async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const check = () => {
          if (document.querySelector('[data-testid="annotation-highlight"]')) {
            requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0))
          } else requestAnimationFrame(check)
        }
        check()
      }),
  )
}

/** ms from the annotate click until the new highlight (stored by the back end first) is painted. */
async function createOne(page: Page, blockIndex: number): Promise<number> {
  // Scrolled to first and given two frames, as a reader's selection comes after the text is on screen
  // (blocks draw their highlights as they come near the viewport).
  await page.evaluate(
    (index) =>
      new Promise<void>((done) => {
        document.querySelectorAll<HTMLElement>('p[data-testid="report-block"]')[index]!.scrollIntoView({ block: 'center' })
        requestAnimationFrame(() => requestAnimationFrame(() => done()))
      }),
    blockIndex,
  )
  await page.evaluate((index) => {
    const block = document.querySelectorAll<HTMLElement>('p[data-testid="report-block"]')[index]!
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    let node = walker.nextNode()
    while (node && node.textContent!.trim().length < 12) node = walker.nextNode()
    const range = document.createRange()
    range.setStart(node!, 0)
    range.setEnd(node!, Math.min(node!.textContent!.length, 24))
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  }, blockIndex)
  const button = page.getByTestId('annotate')
  await button.waitFor()
  return button.evaluate(
    (el) =>
      new Promise<number>((done) => {
        const before = new Set([...document.querySelectorAll('[data-annotation-id]')].map((m) => m.getAttribute('data-annotation-id')))
        const started = performance.now()
        const observer = new MutationObserver(() => {
          const added = [...document.querySelectorAll('[data-annotation-id]')].some((m) => !before.has(m.getAttribute('data-annotation-id')))
          if (!added) return
          observer.disconnect()
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0))
        })
        observer.observe(document.body, { childList: true, subtree: true })
        ;(el as HTMLElement).click()
      }),
  )
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-render-'))
  const dataDir = join(dir, 'data')
  const { chars } = await prepare(dataDir)
  const shell = await startBrowserShell(dataDir)
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    // tsx compiles this file with esbuild's keepNames, whose __name helper the functions sent to
    // page.evaluate then reference; give the page a no-op one.
    await context.addInitScript('globalThis.__name = (f) => f')
    const page = await context.newPage()
    await firstRender(page, shell.url) // warm-up: token into sessionStorage, caches
    // Each run starts from a quiet server (the last page's idle-time requests done). A reload keeps
    // the page's renderer process; a navigation from a blank page starts a new one, as at app start.
    const reloads: number[] = []
    const colds: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.waitForTimeout(2_000)
      reloads.push(await firstRender(page, shell.url))
      await page.waitForTimeout(2_000)
      await page.goto('about:blank')
      colds.push(await firstRender(page, shell.url))
    }
    const highlights = await page.locator('[data-testid="annotation-highlight"]').count()

    const creates: number[] = []
    for (let i = 0; i < CREATES; i++) {
      creates.push(await createOne(page, 3 + i * 7))
      await page.keyboard.press('Escape')
    }
    await context.close()
    return [
      { figure: 'report', median: `${chars.toLocaleString('en')} chars`, target: '—', note: `${PARAGRAPHS} paragraphs, ${ANNOTATIONS} annotations; ${highlights} highlight marks in the DOM` },
      { figure: 'first render with highlights, reload (navigation → painted)', median: `${median(reloads).toFixed(0)} ms`, target: '< 500 ms', note: `median of ${RUNS}; all: ${reloads.map((r) => r.toFixed(0)).join(', ')}` },
      { figure: 'first render with highlights, new renderer process', median: `${median(colds).toFixed(0)} ms`, target: '< 500 ms', note: `median of ${RUNS}; all: ${colds.map((r) => r.toFixed(0)).join(', ')}` },
      { figure: 'create one annotation (click → stored and painted)', median: `${median(creates).toFixed(1)} ms`, target: '< 50 ms', note: `median of ${CREATES}; max ${Math.max(...creates).toFixed(1)} ms` },
    ]
  } finally {
    await browser.close()
    await shell.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
