// Change events from the back end, whichever shell runs the page: Electron's preload
// subscription, or the browser shell's event stream (`GET /events`, read with the launch token
// in the Authorization header, reconnecting by itself). `onReady` follows every (re)connection
// of the stream, when changes may have been missed.
import { EventSource } from 'eventsource'
import { isChangeEvent, type ChangeEvent } from '../../core/changes'

export interface ChangeHandlers {
  onChange: (event: ChangeEvent) => void
  onReady: () => void
}

/** Starts delivering changes; returns the function that stops it. */
export type ChangeSource = (handlers: ChangeHandlers) => () => void

export function electronChanges(bridge: NonNullable<Window['workbenchChanges']>): ChangeSource {
  return ({ onChange }) => bridge.onChange((event) => onChange(event))
}

export function streamedChanges(token: string | null, fetchImpl: typeof fetch = (input, init) => window.fetch(input, init)): ChangeSource {
  return ({ onChange, onReady }) => {
    const source = new EventSource('/events', {
      fetch: (input, init) => fetchImpl(input, { ...init, headers: { ...init.headers, Authorization: 'Bearer ' + (token ?? '') } }),
    })
    source.addEventListener('ready', () => onReady())
    source.addEventListener('change', (message) => {
      let event: unknown
      try {
        event = JSON.parse(message.data)
      } catch {
        return
      }
      if (isChangeEvent(event)) onChange(event)
    })
    return () => source.close()
  }
}
