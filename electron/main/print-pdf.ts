// The Electron shell's PDF printer for the minutes: a hidden, sandboxed window loads the
// self-contained minutes HTML and prints it with webContents.printToPDF, honouring the
// document's CSS page size, margins and page-number margin boxes.
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { BrowserWindow } from 'electron'

/** Chromium refuses data: URLs past 2 MB; a larger document goes through a temporary file. */
const DATA_URL_LIMIT = 1_900_000

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      // No middle-click: it could open a link in a new window (auxclick).
      disableBlinkFeatures: 'Auxclick',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  let tempFile: string | null = null
  try {
    const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
    if (dataUrl.length <= DATA_URL_LIMIT) {
      await window.loadURL(dataUrl)
    } else {
      tempFile = join(tmpdir(), `minutes-${randomBytes(6).toString('hex')}.html`)
      writeFileSync(tempFile, html, { mode: 0o600 })
      await window.loadFile(tempFile)
    }
    await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)')
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      generateTaggedPDF: true,
    })
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  } finally {
    window.destroy()
    if (tempFile) rmSync(tempFile, { force: true })
  }
}
