// The one main window: sandboxed, isolated, no Node in the page, shown only once painted.
import { BrowserWindow } from 'electron'
import { APP_URL } from './app-protocol'

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Planning Review Workbench',
    webPreferences: {
      // No middle-click: it could open a link in a new window (auxclick).
      disableBlinkFeatures: 'Auxclick',
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_URL)
  return window
}
