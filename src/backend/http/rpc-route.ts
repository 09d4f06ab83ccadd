// `POST /rpc/<method>`: after the server's address, Host and Origin checks, demands the
// launch token, reads a bounded JSON body and hands it to the shared dispatcher.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handlers } from '../../core/contract'
import { dispatch, httpStatus } from '../rpc'
import { MAX_BODY_BYTES, readBody } from './read-body'
import { sendError, sendJson } from './replies'
import { bearerMatches } from './security'

export const RPC_PREFIX = '/rpc/'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export interface RpcContext {
  handlers: Handlers
  token: string
  port: number
}

export async function handleRpc(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: RpcContext): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'bad_request', 'RPC calls use POST', { Allow: 'POST' })
    return
  }
  if (!bearerMatches(req.headers.authorization, ctx.token)) {
    sendError(res, 401, 'unauthorized', 'Missing or wrong access token; open the address printed at launch', {
      'WWW-Authenticate': 'Bearer',
    })
    return
  }
  let method: string
  try {
    method = decodeURIComponent(pathname.slice(RPC_PREFIX.length))
  } catch {
    sendError(res, 400, 'bad_request', 'Malformed method name')
    return
  }

  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  const result = await readBody(req)
  if (result.kind === 'aborted') return
  if (result.kind === 'too_large') {
    // The rest of the upload is not read; closing the connection discards it.
    sendError(res, 413, 'bad_request', `Request body larger than ${Math.floor(MAX_BODY_BYTES / (1024 * 1024))} MiB`, { Connection: 'close' })
    return
  }
  let args: unknown = {}
  if (result.body.length > 0) {
    if (contentType !== 'application/json') {
      sendError(res, 415, 'bad_request', 'RPC arguments must be sent as application/json')
      return
    }
    try {
      args = JSON.parse(strictUtf8.decode(result.body))
    } catch {
      sendError(res, 400, 'bad_request', 'The request body is not valid JSON')
      return
    }
  }

  const reply = await dispatch(ctx.handlers, method, args)
  sendJson(res, reply.ok ? 200 : httpStatus(reply.error.code), reply)
}
