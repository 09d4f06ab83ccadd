// Serves the built renderer at app://workbench/ instead of file://. A file:// page has an
// opaque origin shared with every other local file: 'self' in the CSP, the sender check on
// IPC and navigation guards could not tell our page from any file on disk, and ES modules,
// fetch and storage behave inconsistently there. A privileged standard scheme gives the
// page one real origin that only this handler can serve, with the same headers as the
// browser shell.
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../../src/backend/http/security'
import { cacheControlFor, contentTypeFor, resolveStaticFile } from '../../src/backend/http/static-files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'workbench'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ])
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(APP_URL)
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return refusal(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed')
    const file = await resolveStaticFile(rendererDir, url.pathname)
    if (!file) return refusal(404, 'Not found')
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': cacheControlFor(file) },
    })
  })
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}
