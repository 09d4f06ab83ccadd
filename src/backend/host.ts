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
  /**
   * Electron: shows the system's open dialog for the supported document types and reads the chosen
   * file in the main process (size-checked); null when the user cancels. The browser shell has none:
   * its page uploads the file the user picked.
   */
  chooseImportFile?: () => Promise<{ fileName: string; bytes: Uint8Array } | null>
}
