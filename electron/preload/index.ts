// The only bridge between the sandboxed page and the main process: `window.workbench`,
// built from the contract's method names, one IPC channel per method; and
// `window.workbenchChanges.onChange(cb)`, the one subscription to committed changes.
//
// Each call resolves to the RpcReply object itself ({ok:true,value} or {ok:false,error:{code,
// message}}), never a thrown error: contextBridge copies plain objects intact but strips an
// Error down to its message, so a thrown error's `code` would not reach the page. The
// renderer turns replies into values or WorkbenchErrors with `unwrapBridge` from the contract.
// Sandboxed preloads may require only 'electron'; the bridge (plain method names, no zod) is
// bundled into this file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildBridge } from '../../src/core/bridge'
import { isChangeEvent, type ChangeEvent } from '../../src/core/changes'
import type { RpcReply } from '../../src/core/errors'

const RPC_CHANNEL_PREFIX = 'rpc:' // same as electron/main/ipc.ts, which cannot be imported here
const CHANGE_CHANNEL = 'workbench:change' // same as electron/main/changes.ts

contextBridge.exposeInMainWorld(
  'workbench',
  buildBridge((method, args) => ipcRenderer.invoke(RPC_CHANNEL_PREFIX + method, args) as Promise<RpcReply<unknown>>),
)

contextBridge.exposeInMainWorld('workbenchChanges', {
  /** Calls `listener` with each change event; returns the unsubscribe. The IPC event itself never reaches the page. */
  onChange(listener: (event: ChangeEvent) => void): () => void {
    const forward = (_event: IpcRendererEvent, change: unknown) => {
      if (isChangeEvent(change)) listener(change)
    }
    ipcRenderer.on(CHANGE_CHANNEL, forward)
    return () => ipcRenderer.removeListener(CHANGE_CHANNEL, forward)
  },
})
