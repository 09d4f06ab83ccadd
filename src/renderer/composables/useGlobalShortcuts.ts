// Window-wide keys: report zoom (Ctrl/Cmd + − 0), undo and redo of annotation and checklist
// edits (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y, outside text fields, which keep their own)
// and Escape to clear the source mark. Pending settings are saved when the window is hidden.
import { onBeforeUnmount, onMounted } from 'vue'
import { isTextEntry } from '../lib/keys'
import { nextZoom, zoomAction } from '../lib/zoom'
import { useHistoryStore } from '../stores/history'
import { useReportStore } from '../stores/report'
import { useSettingsStore } from '../stores/settings'

export function useGlobalShortcuts(): void {
  const settings = useSettingsStore()
  const history = useHistoryStore()
  const report = useReportStore()

  function onKeydown(e: KeyboardEvent): void {
    const zoom = zoomAction(e)
    if (zoom) {
      e.preventDefault()
      settings.updateSoon({ zoom: nextZoom(settings.settings.zoom, zoom) })
      return
    }
    const mod = e.ctrlKey || e.metaKey
    const key = e.key.toLowerCase()
    if (mod && !e.altKey && (key === 'z' || key === 'y') && !isTextEntry(e.target)) {
      const redo = key === 'y' || e.shiftKey
      if (redo ? history.canRedo() : history.canUndo()) {
        e.preventDefault()
        void (redo ? history.redo() : history.undo())
      }
      return
    }
    if (e.key === 'Escape' && !e.defaultPrevented && report.mark && !isTextEntry(e.target)) report.clearMark()
  }

  function onHidden(): void {
    if (document.visibilityState === 'hidden') settings.flush()
  }

  onMounted(() => {
    window.addEventListener('keydown', onKeydown)
    document.addEventListener('visibilitychange', onHidden)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown)
    document.removeEventListener('visibilitychange', onHidden)
  })
}
