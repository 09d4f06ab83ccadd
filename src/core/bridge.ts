// Builds `window.workbench` from a transport and unwraps its replies. Zod-free (types only from
// the contract), so the renderer can import it without bundling the contract's schemas.
import { WorkbenchError, type RpcReply } from './errors'
import type { BridgeApi, Method, WorkbenchApi } from './contract'
import { METHOD_NAMES } from './method-names'

/** Builds a BridgeApi from one transport function (ipcRenderer.invoke or fetch). */
export function buildBridge(call: (method: Method, args: unknown) => Promise<RpcReply<unknown>>): BridgeApi {
  const api: Record<string, Record<string, (a: unknown) => Promise<unknown>>> = {}
  for (const m of METHOD_NAMES) {
    const [domain, verb] = m.split('.') as [string, string]
    ;(api[domain] ??= {})[verb] = (args: unknown) => call(m, args ?? {})
  }
  return api as unknown as BridgeApi
}

/** Turns a BridgeApi into the API the renderer uses: values, or a thrown WorkbenchError. */
export function unwrapBridge(bridge: BridgeApi): WorkbenchApi {
  const api: Record<string, Record<string, (a: unknown) => Promise<unknown>>> = {}
  const raw = bridge as unknown as Record<string, Record<string, (a: unknown) => Promise<RpcReply<unknown>>>>
  for (const m of METHOD_NAMES) {
    const [domain, verb] = m.split('.') as [string, string]
    ;(api[domain] ??= {})[verb] = async (args: unknown) => {
      const reply = await raw[domain]![verb]!(args)
      if (reply.ok) return reply.value
      throw new WorkbenchError(reply.error.code, reply.error.message, reply.error.current)
    }
  }
  return api as unknown as WorkbenchApi
}
