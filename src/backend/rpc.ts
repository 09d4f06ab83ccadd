// The single dispatcher both shells use: look the method up in the contract, validate the
// arguments, call the handler, and turn every outcome into an RpcReply.
import { z } from 'zod'
import { contract, isMethod, type Handlers } from '../core/contract'
import { WorkbenchError, type RpcReply } from '../core/errors'

export async function dispatch(handlers: Handlers, method: string, rawArgs: unknown): Promise<RpcReply<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'not_found', message: `Unknown method: ${method}` } }
  let parsed
  try {
    parsed = contract[method].args.safeParse(rawArgs ?? {})
  } catch (err) {
    // A schema must never throw on odd input; if one does, the caller still only sent bad arguments.
    console.error(`[rpc] validating ${method} threw:`, err)
    return { ok: false, error: { code: 'bad_request', message: `Invalid arguments for ${method}` } }
  }
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad_request', message: `Invalid arguments for ${method}: ${z.prettifyError(parsed.error)}` } }
  }
  try {
    const handler = handlers[method] as (a: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (err) {
    if (err instanceof WorkbenchError) return { ok: false, error: err.toInfo() }
    const message = err instanceof Error ? err.message : String(err)
    console.error(`[rpc] ${method} failed:`, err)
    return { ok: false, error: { code: 'internal', message } }
  }
}

/** HTTP status for an error code, used by the browser shell. */
export function httpStatus(code: string): number {
  switch (code) {
    case 'bad_request':
      return 400
    case 'unauthorized':
      return 401
    case 'forbidden':
      return 403
    case 'not_found':
      return 404
    case 'conflict':
    case 'storage_refused':
    case 'storage_readonly':
      return 409
    case 'storage_moved':
      return 410
    case 'storage_full':
      return 507
    default:
      return 500
  }
}
