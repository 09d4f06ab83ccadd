// Entry point of the Electron shell: one instance, one hardened window on app://workbench/,
// the workbench opened on the chosen data directory and exposed through ipc.ts.
import { app, BrowserWindow, dialog } from 'electron'
import { DamagedDatabaseError } from '../../src/backend/db/preflight'
import { latestGoodBackup, restoreBackupFile } from '../../src/backend/storage/backups'
import { localStamp } from '../../src/backend/storage/data-dir-lock'
import { openWorkbench, type Workbench } from '../../src/backend/workbench'
import { DEFAULT_SETTINGS } from '../../src/core/domain'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { broadcastChange } from './changes'
import { hardenSessionAndContents } from './hardening'
import { registerRpcChannels } from './ipc'
import { appLocations } from './locations'
import { installMenu } from './menu'
import { printHtmlToPdf } from './print-pdf'
import { importFileChooser } from './import-dialog'
import { createMainWindow } from './window'

let mainWindow: BrowserWindow | null = null
let workbench: Workbench | null = null
let locale: 'vi' | 'en' = DEFAULT_SETTINGS.locale

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message)
  app.quit()
}

async function startUp(): Promise<void> {
  let locations
  try {
    locations = appLocations()
    const open = () =>
      openWorkbench({
        dataDir: locations!.dataDir,
        bundledDataDir: locations!.bundledDataDir,
        host: {
          shell: 'electron',
          version: app.getVersion(),
          printPdf: printHtmlToPdf,
          chooseImportFile: importFileChooser(() => mainWindow, () => locale),
        },
        nativeBinding: locations!.nativeBinding,
        fontsDir: locations!.fontsDir,
        lockOwner: 'the workbench app',
      })
    try {
      workbench = open()
    } catch (err) {
      // A damaged database: offer the latest good backup; the damaged file is moved aside, never deleted.
      if (!(err instanceof DamagedDatabaseError) || !offerRestore(err, locations.dataDir, locations.nativeBinding)) throw err
      workbench = open()
    }
  } catch (err) {
    // storage_refused and friends carry a message written for the user; show only that.
    fatal('Planning Review Workbench', err instanceof Error ? err.message : String(err))
    return
  }

  hardenSessionAndContents()
  serveRenderer(locations.rendererDir)
  registerRpcChannels(workbench.handlers, () => mainWindow?.webContents ?? null)
  workbench.onChange(broadcastChange)
  const settings = await Promise.resolve(workbench.handlers['settings.get']({})).catch(() => DEFAULT_SETTINGS)
  locale = settings.locale
  installMenu(settings.locale)

  mainWindow = createMainWindow(locations.preload)
  mainWindow.on('closed', () => (mainWindow = null))
  // While the window loads its script, read what it will ask for first.
  setImmediate(() => workbench?.warmUp())
}

/** Asks whether to put the latest good backup in place of a damaged database; true when it was done. */
function offerRestore(err: DamagedDatabaseError, dataDir: string, nativeBinding?: string): boolean {
  const backup = latestGoodBackup(dataDir, nativeBinding)
  if (!backup) return false
  const answer = dialog.showMessageBoxSync({
    type: 'warning',
    buttons: ['Khôi phục bản sao lưu / Restore the backup', 'Thoát / Quit'],
    defaultId: 0,
    cancelId: 1,
    message: 'Cơ sở dữ liệu bị hỏng. / The database is damaged.',
    detail: `${err.message}\n\n${backup.name} (${localStamp(backup.createdAt)})`,
  })
  if (answer !== 0) return false
  restoreBackupFile(err.file, dataDir, backup.path, nativeBinding)
  return true
}

registerAppScheme() // before "ready", as Electron requires

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // One window holds the app: closing it quits, on macOS too (no window-less state to manage).
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    void workbench?.close()
    workbench = null
  })
  app
    .whenReady()
    .then(startUp)
    .catch((err: unknown) => fatal('Planning Review Workbench', err instanceof Error ? err.message : String(err)))
}
