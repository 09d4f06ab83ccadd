// What differs between the two shells, handed to the back end so that nothing under
// src/backend imports electron.
export interface Host {
  shell: 'electron' | 'browser'
  version: string
  /**
   * Prints one self-contained HTML document (A4, CSS page size and margins) to PDF. Electron
   * supplies webContents.printToPDF; without it the back end prints with a headless Chromium.
   */
  printPdf?: (html: string) => Promise<Uint8Array>
}
