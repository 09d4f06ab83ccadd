// Session- and app-wide rules that keep the window on our own page: no permissions, no
// pop-ups, no navigation away, no network requests, no <webview>.
import { app, session, shell, type WebContents } from 'electron'
import { isAppUrl } from './app-protocol'

/** Links the user may open in the system browser; any other scheme is dropped. */
function openExternally(url: string): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return
  }
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.href)
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
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
}
