// Prints HTML to PDF with a headless Chromium driven by playwright-core: the printer of the
// browser shell and the command line (Electron prints with its own webContents instead). One
// browser is launched on first use and shared by every export of the process.
import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { WorkbenchError } from '../../core/errors'

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>
  /** Closes the browser, if one was launched; printing again launches a new one. */
  close(): Promise<void>
}

/** Flags for a headless Chromium on machines without network or GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate',
]

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  const found = candidates.find((p) => existsSync(p))
  if (!found) {
    throw new WorkbenchError(
      'internal',
      `No Chromium found to print the PDF (looked at ${candidates.join(', ')}). Install chromium or set CHROMIUM_PATH.`,
    )
  }
  return found
}

export function createChromiumPrinter(executablePath?: string): PdfPrinter {
  let launching: Promise<Browser> | null = null
  let reusable: Page | null = null
  // Prints run one after another on one page: a new page costs more than the print itself.
  let queue: Promise<unknown> = Promise.resolve()

  const browser = (): Promise<Browser> => {
    if (!launching) {
      // Loaded on first use only: the Electron app never needs it, and does not ship it.
      const started = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: executablePath ?? chromiumExecutable(), args: CHROMIUM_ARGS }),
      )
      launching = started
      started.then(
        (b) =>
          b.on('disconnected', () => {
            if (launching === started) launching = null
            reusable = null
          }),
        () => {
          if (launching === started) launching = null
        },
      )
    }
    return launching
  }

  const page = async (): Promise<Page> => {
    if (reusable && !reusable.isClosed()) return reusable
    const created = await (await browser()).newPage()
    // No network: the document carries its fonts, and nothing may be fetched while printing.
    await created.route('**/*', (route) => route.abort())
    reusable = created
    return created
  }

  const printOnce = async (html: string): Promise<Uint8Array> => {
    const p = await page()
    try {
      await p.setContent(html, { waitUntil: 'load' })
      await p.evaluate('document.fonts.ready.then(() => true)')
      const pdf = await p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true })
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } catch (err) {
      // A page that failed once is not trusted again.
      reusable = null
      await p.close().catch(() => undefined)
      throw err
    }
  }

  return {
    print(html) {
      const result = queue.then(() => printOnce(html))
      queue = result.catch(() => undefined)
      return result
    },
    async close() {
      const pending = launching
      launching = null
      reusable = null
      if (!pending) return
      const b = await pending.catch(() => null)
      await b?.close().catch(() => undefined)
    },
  }
}
