// Sends every committed change to each window showing our own page, as one IPC event on one
// fixed channel; the preload turns it into the narrow `workbenchChanges.onChange` subscription.
import { BrowserWindow } from 'electron'
import type { ChangeEvent } from '../../src/core/changes'
import { APP_URL } from './app-protocol'

export const CHANGE_CHANNEL = 'workbench:change'

export function broadcastChange(event: ChangeEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents
    if (contents.isDestroyed() || !contents.getURL().startsWith(APP_URL)) continue
    contents.send(CHANGE_CHANNEL, event)
  }
}
