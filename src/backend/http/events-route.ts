// `GET /events`: the browser shell's stream of change events (server-sent events), so every
// open page sees what another one saved. Same checks as /rpc (the server's address, Host and
// Origin checks, then the launch token in `Authorization: Bearer`: the page reads the stream
// with fetch, so the token never goes into a URL). A `ready` event opens each stream, so a
// page that reconnects knows to re-read what it may have missed.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChangeEvent } from '../../core/changes'
import { sendError } from './replies'
import { bearerMatches, SECURITY_HEADERS } from './security'

export const EVENTS_PATH = '/events'
/** More open pages than anyone uses; beyond it a runaway client cannot pile up streams. */
export const MAX_EVENT_STREAMS = 32
const HEARTBEAT_MS = 15_000

export type SubscribeChanges = (listener: (event: ChangeEvent) => void) => () => void

export interface EventsContext {
  token: string
  subscribe: SubscribeChanges
  open: Set<ServerResponse>
}

export function handleEvents(req: IncomingMessage, res: ServerResponse, ctx: EventsContext): void {
  if (req.method !== 'GET') {
    sendError(res, 405, 'bad_request', 'The event stream is read with GET', { Allow: 'GET' })
    return
  }
  if (!bearerMatches(req.headers.authorization, ctx.token)) {
    sendError(res, 401, 'unauthorized', 'Missing or wrong access token; open the address printed at launch', {
      'WWW-Authenticate': 'Bearer',
    })
    return
  }
  if (ctx.open.size >= MAX_EVENT_STREAMS) {
    sendError(res, 429, 'bad_request', 'Too many open event streams')
    return
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  ctx.open.add(res)
  const unsubscribe = ctx.subscribe((event) => {
    res.write(`id: ${event.seq}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`)
  })
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS)
  heartbeat.unref()
  res.write('retry: 1000\nevent: ready\ndata: {}\n\n')
  res.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
    ctx.open.delete(res)
  })
}
