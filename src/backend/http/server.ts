// The browser shell's HTTP server: loopback only; every request is checked for a loopback
// peer, our own Host and (when sent) our Origin before it reaches RPC or the static files.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../core/contract'
import { EVENTS_PATH, handleEvents, type SubscribeChanges } from './events-route'
import { sendError } from './replies'
import { handleRpc, RPC_PREFIX } from './rpc-route'
import { isAllowedHost, isAllowedOrigin, isLoopbackAddress } from './security'
import { handleStatic } from './static-route'

export interface ServerOptions {
  handlers: Handlers
  /** Folder of the built renderer (out/renderer). */
  staticDir: string
  /** Per-launch secret the renderer must send as `Authorization: Bearer`. */
  token: string
  host?: '127.0.0.1'
  /** 0 picks a free port. */
  port: number
  /** Where committed changes come from, for `GET /events`; without it that path is not served. */
  subscribeChanges?: SubscribeChanges
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

export function createServer(options: ServerOptions): Promise<RunningServer> {
  if (options.token.length < 16) throw new Error('The access token is too short')
  const host = options.host ?? '127.0.0.1'
  let port = 0
  const server = createHttpServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error('[http] request failed:', err)
      if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error')
      else res.destroy()
    })
  })
  const eventStreams = new Set<ServerResponse>()
  server.requestTimeout = 120_000
  server.headersTimeout = 30_000

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      sendError(res, 403, 'forbidden', 'Only this computer may connect')
      return
    }
    if (!isAllowedHost(req.headers.host, port)) {
      sendError(res, 403, 'forbidden', 'Unexpected Host header')
      return
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendError(res, 403, 'forbidden', 'Requests from other sites are refused')
      return
    }
    const pathname = pathOf(req.url)
    if (pathname === null) {
      sendError(res, 400, 'bad_request', 'Malformed request target')
      return
    }
    if (pathname === '/rpc' || pathname.startsWith(RPC_PREFIX)) {
      await handleRpc(req, res, pathname, { handlers: options.handlers, token: options.token, port })
      return
    }
    if (pathname === EVENTS_PATH && options.subscribeChanges) {
      handleEvents(req, res, { token: options.token, subscribe: options.subscribeChanges, open: eventStreams })
      return
    }
    await handleStatic(req, res, pathname, options.staticDir)
  }

  return new Promise((ready, fail) => {
    server.once('error', fail)
    server.listen({ host, port: options.port, exclusive: true }, () => {
      server.off('error', fail)
      port = (server.address() as AddressInfo).port
      ready({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed())
            server.closeAllConnections()
          }),
      })
    })
  })
}

/** The path of an origin-form request target, still percent-encoded; null for anything else. */
function pathOf(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null
  const end = target.search(/[?#]/)
  return end === -1 ? target : target.slice(0, end)
}
