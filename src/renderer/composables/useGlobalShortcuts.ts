// Window-wide keys: report zoom (Ctrl/Cmd + − 0), undo of the last delete (Ctrl/Cmd+Z
// outside text fields) and Escape to clear the source mark. Pending settings are saved
// when the window is hidden.
import { onBeforeUnmount, onMounted } from 'vue'
import { isTextEntry } from '../lib/keys'
import { nextZoom, zoomAction } from '../lib/zoom'
import { useProposalsStore } from '../stores/proposals'
import { useReportStore } from '../stores/report'
import { useSettingsStore } from '../stores/settings'

export function useGlobalShortcuts(): void {
  const settings = useSettingsStore()
  const proposals = useProposalsStore()
  const report = useReportStore()

  function onKeydown(e: KeyboardEvent): void {
    const zoom = zoomAction(e)
    if (zoom) {
      e.preventDefault()
      settings.updateSoon({ zoom: nextZoom(settings.settings.zoom, zoom) })
      return
    }
    const mod = e.ctrlKey || e.metaKey
    if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !isTextEntry(e.target)) {
      if (proposals.undoLastDelete()) e.preventDefault()
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
