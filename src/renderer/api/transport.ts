// The browser shell's transport: one authenticated POST per call. Every failure becomes
// an RpcReply, so callers handle network and server errors the same way.
import type { Method } from '../../core/contract'
import type { RpcReply } from '../../core/errors'

type FetchLike = (input: string, init: RequestInit) => Promise<Response>

function isReply(body: unknown): body is RpcReply<unknown> {
  if (!body || typeof body !== 'object') return false
  const b = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (b.ok === true) return 'value' in b
  return b.ok === false && typeof b.error?.code === 'string' && typeof b.error.message === 'string'
}

export function createHttpCall(fetchImpl: FetchLike, token: string | null) {
  return async (method: Method, args: unknown): Promise<RpcReply<unknown>> => {
    let response: Response
    try {
      response = await fetchImpl('/rpc/' + method, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + (token ?? '') },
        body: JSON.stringify(args ?? {}),
      })
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'internal', message: `${method}: the server cannot be reached (${detail})` } }
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return { ok: false, error: { code: 'internal', message: `${method}: the server sent no valid answer (HTTP ${response.status})` } }
    }
    if (isReply(body)) return body
    return { ok: false, error: { code: 'internal', message: `${method}: unexpected answer (HTTP ${response.status})` } }
  }
}
