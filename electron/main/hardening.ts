// Session- and app-wide rules that keep the window on our own page: no permissions, no
// pop-ups, no navigation away, no network requests, no <webview>; a link leaves the app only
// as https, after the user agreed; a file is saved only where the user chose in a save dialog.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron'
import { APP_ORIGIN, isAppUrl } from './app-protocol'
import { externalLinkOf } from './external-links'

/** Opens an https link in the system browser after asking; every other scheme is dropped. */
function openExternally(url: string): void {
  const link = externalLinkOf(url)
  if (link === null) return
  const owner = BrowserWindow.getFocusedWindow()
  const options = {
    type: 'question' as const,
    buttons: ['Mở trong trình duyệt / Open in browser', 'Huỷ / Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Mở liên kết này trong trình duyệt? / Open this link in your browser?',
    detail: link,
  }
  const answer = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options)
  if (answer === 0) void shell.openExternal(link)
}

function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  // Every frame stays on our origin; embedded frames may also hold inline documents (previews).
  const stayHome = (event: { preventDefault(): void; url: string; isMainFrame: boolean }) => {
    if (isAppUrl(event.url)) return
    if (!event.isMainFrame && (event.url === 'about:blank' || event.url === 'about:srcdoc')) return
    event.preventDefault()
    openExternally(event.url)
  }
  contents.on('will-frame-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function hardenSessionAndContents(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  // The app is offline by design: nothing is fetched from the network, whatever a page asks.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  )
  // Exports reach the user as downloads of a blob: made by our own page. Electron then asks
  // where to save it (no save path is set): the only way a file leaves the app.
  ses.on('will-download', (event, item) => {
    if (!item.getURL().startsWith(`blob:${APP_ORIGIN}/`)) {
      event.preventDefault()
      return
    }
    item.setSaveDialogOptions({ title: 'Lưu tệp / Save file', defaultPath: join(app.getPath('documents'), item.getFilename()) })
  })
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
}
