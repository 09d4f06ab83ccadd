// Which part of the workbench fills the main area: the report with its checklist, or the
// meetings held over it. Kept per window session, not saved: a reload starts on the report.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type WorkspaceView = 'report' | 'meetings'

export const useWorkspaceStore = defineStore('workspace', () => {
  const view = ref<WorkspaceView>('report')
  return { view }
})
