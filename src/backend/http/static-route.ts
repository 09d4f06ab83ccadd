// GET/HEAD of the built renderer, with the content type and caching each file needs.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from './replies'
import { SECURITY_HEADERS } from './security'
import { cacheControlFor, contentTypeFor, resolveStaticFile } from './static-files'

export async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string, staticDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'bad_request', 'Only GET and HEAD are allowed here', { Allow: 'GET, HEAD' })
    return
  }
  const file = await resolveStaticFile(staticDir, pathname)
  if (!file) {
    sendError(res, 404, 'not_found', 'Not found')
    return
  }
  const { size } = await stat(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(size),
    'Cache-Control': cacheControlFor(file),
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
