// Report zoom: which key presses mean zoom, and the next zoom factor within bounds.
export type ZoomAction = 'in' | 'out' | 'reset'

export const ZOOM_STEP = 0.1
export const ZOOM_MIN = 0.6
export const ZOOM_MAX = 2

interface KeyLike {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

/** Ctrl/Cmd with + (or =), − and 0, on the main row or the keypad. */
export function zoomAction(e: KeyLike): ZoomAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') return 'in'
  if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return 'out'
  if (e.key === '0' || e.code === 'Numpad0') return 'reset'
  return null
}

export function nextZoom(current: number, action: ZoomAction): number {
  if (action === 'reset') return 1
  const raw = current + (action === 'in' ? ZOOM_STEP : -ZOOM_STEP)
  return Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, raw)) * 10) / 10
}
