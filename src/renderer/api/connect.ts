// Picks the transport for this window: the Electron preload's bridge when present,
// else HTTP to the browser shell with the launch token.
import { buildBridge, unwrapBridge } from '../../core/bridge'
import type { WorkbenchApi } from '../../core/contract'
import { takeLaunchToken } from './launchToken'
import { createHttpCall } from './transport'

export function connectWorkbench(): WorkbenchApi {
  if (window.workbench) return unwrapBridge(window.workbench)
  const token = takeLaunchToken(window.location.href, window.sessionStorage, (url) =>
    window.history.replaceState(window.history.state, '', url),
  )
  return unwrapBridge(buildBridge(createHttpCall((input, init) => window.fetch(input, init), token)))
}
