// The Electron shell's file dialog for importing a report: the main process shows it, checks the
// size and reads the chosen file itself, so the renderer never names a path to read.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'
import { WorkbenchError } from '../../src/core/errors'
import { MAX_IMPORT_FILE_BYTES } from '../../src/core/methods/imports'
import type { Locale } from '../../src/core/domain'

const FILTER_NAMES: Record<Locale, string> = { vi: 'Báo cáo (Word, PDF, HTML, Markdown, văn bản)', en: 'Reports (Word, PDF, HTML, Markdown, text)' }

export function importFileChooser(window: () => BrowserWindow | null, locale: () => Locale) {
  return async (): Promise<{ fileName: string; bytes: Uint8Array } | null> => {
    const owner = window()
    const options = {
      properties: ['openFile' as const],
      filters: [{ name: FILTER_NAMES[locale()], extensions: ['docx', 'pdf', 'html', 'htm', 'md', 'txt'] }],
    }
    const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    const path = chosen.canceled ? undefined : chosen.filePaths[0]
    if (!path) return null
    const info = await stat(path)
    if (!info.isFile()) throw new WorkbenchError('bad_request', 'import.unsupported')
    if (info.size > MAX_IMPORT_FILE_BYTES) throw new WorkbenchError('bad_request', 'import.tooLarge')
    const bytes = await readFile(path)
    return { fileName: basename(path), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
  }
}
