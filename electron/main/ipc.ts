// Registers one IPC channel per contract method (no generic channel), each answering only
// our own window showing our own page; everything else gets a `forbidden` reply.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { METHODS, type Handlers } from '../../src/core/contract'
import type { RpcReply } from '../../src/core/errors'
import { dispatch } from '../../src/backend/rpc'
import { APP_URL } from './app-protocol'

export const RPC_CHANNEL_PREFIX = 'rpc:'

const FORBIDDEN: RpcReply<never> = { ok: false, error: { code: 'forbidden', message: 'This caller may not use the workbench API' } }

function isTrustedSender(event: IpcMainInvokeEvent, mainContents: WebContents | null): boolean {
  const frame = event.senderFrame
  if (!frame || !mainContents || mainContents.isDestroyed()) return false
  // Top frame only: an embedded frame (a preview, say) never needs the API.
  return event.sender === mainContents && frame.parent === null && frame.url.startsWith(APP_URL)
}

export function registerRpcChannels(handlers: Handlers, mainContents: () => WebContents | null): void {
  for (const method of METHODS) {
    ipcMain.handle(RPC_CHANNEL_PREFIX + method, async (event, args: unknown) => {
      if (!isTrustedSender(event, mainContents())) return FORBIDDEN
      return dispatch(handlers, method, args)
    })
  }
}

export function removeRpcChannels(): void {
  for (const method of METHODS) ipcMain.removeHandler(RPC_CHANNEL_PREFIX + method)
}
