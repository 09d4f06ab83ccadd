// Renderer stores over a real workbench on a temp dir, through the same dispatcher the shells
// use. The back end belongs to the node project, so it is loaded by path at run time: a test
// importing this sees only the contract types.
import { buildBridge, unwrapBridge, type Args, type Method, type Result } from '../../../src/core/contract'
import type { RpcReply } from '../../../src/core/errors'
import { useWorkbenchApi } from '../../../src/renderer/api'

export interface RealBackEnd {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>
  close(): Promise<void>
}

interface NodeSide {
  dispatch(handlers: unknown, method: string, args: unknown): Promise<RpcReply<unknown>>
  openTestWorkbench(dataDir: string): { handlers: unknown; close(): Promise<void> }
  makeTempDir(): string
  removeDir(dir: string): void
}

const load = (path: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path)

/** Opens a real workbench and points the renderer's api module at it. */
export async function useRealBackEnd(): Promise<RealBackEnd> {
  const node = (await load(new URL('./renderer-backend-node.ts', import.meta.url).href)) as unknown as NodeSide
  const dir = node.makeTempDir()
  const wb = node.openTestWorkbench(dir)
  const reply = (method: Method, args: unknown) => node.dispatch(wb.handlers, method, args)
  useWorkbenchApi(unwrapBridge(buildBridge((method, args) => reply(method, args))))
  return {
    async call(method, args) {
      const r = await reply(method, args)
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`)
      return r.value as never
    },
    async close() {
      await wb.close()
      node.removeDir(dir)
    },
  }
}
