// Picks the transport for this window: the Electron preload's bridge when present,
// else HTTP to the browser shell with the launch token; and the matching source of change events.
import { buildBridge, unwrapBridge } from '../../core/bridge'
import type { WorkbenchApi } from '../../core/contract'
import { electronChanges, streamedChanges, type ChangeSource } from './changes'
import { takeLaunchToken } from './launchToken'
import { createHttpCall } from './transport'

export function connectWorkbench(): { api: WorkbenchApi; changes: ChangeSource | null } {
  if (window.workbench) {
    return { api: unwrapBridge(window.workbench), changes: window.workbenchChanges ? electronChanges(window.workbenchChanges) : null }
  }
  const token = takeLaunchToken(window.location.href, window.sessionStorage, (url) =>
    window.history.replaceState(window.history.state, '', url),
  )
  return {
    api: unwrapBridge(buildBridge(createHttpCall((input, init) => window.fetch(input, init), token))),
    changes: streamedChanges(token),
  }
}
