// Managing reports: rename and re-date, move to the trash (the app then opens another report, or
// shows the empty state), restore from the trash and empty it for good. A rename names the
// version it was made on: one made while another window renamed the report goes to the
// conflicts panel with both values.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ReportSummary } from '../../core/domain'
import type { TrashedReport } from '../../core/methods/report-admin'
import { conflictRecord, workbench } from '../api'
import { shownValue, useConflictsStore } from './conflicts'
import { useAnnotationsStore } from './annotations'
import { useReportStore } from './report'

export const useReportAdminStore = defineStore('reportAdmin', () => {
  const trash = ref<TrashedReport[]>([])
  const report = useReportStore()
  const annotations = useAnnotationsStore()
  const conflicts = useConflictsStore()

  async function loadTrash(): Promise<void> {
    trash.value = await workbench().reports.trash({})
  }

  /**
   * Renames; `baseVersion` is the version the dialog showed. Answers null when another window
   * changed the report meanwhile: the conflict is in the panel, to re-apply or let go.
   */
  async function rename(id: number, patch: { title?: string; date?: string }, baseVersion?: number): Promise<ReportSummary | null> {
    try {
      const summary = await workbench().reports.update({ id, patch, ...(baseVersion !== undefined ? { expectedVersion: baseVersion } : {}) })
      report.replaceSummary(summary)
      return summary
    } catch (err) {
      const now = conflictRecord<ReportSummary>(err)
      if (!now) throw err
      report.replaceSummary(now)
      const keys = (Object.keys(patch) as ('title' | 'date')[]).filter((k) => patch[k] !== now[k])
      conflicts.report({
        key: `reports:${id}`,
        domain: 'reports',
        subject: now.title,
        fields: keys.map((key) => ({ label: key === 'title' ? 'manage.title' : 'manage.date', mine: shownValue(patch[key]), theirs: shownValue(now[key]) })),
        reapply: () => rename(id, patch, now.version),
      })
      return null
    }
  }

  /** The report shown after `id` leaves the list: the next one down, else the one above, else none. */
  function neighbourOf(id: number): number | null {
    const list = report.summaries
    const at = list.findIndex((r) => r.id === id)
    return (list[at + 1] ?? list[at - 1])?.id ?? null
  }

  async function remove(id: number): Promise<void> {
    const next = neighbourOf(id)
    await workbench().reports.delete({ id })
    report.summaries = report.summaries.filter((r) => r.id !== id)
    if (report.current?.id === id) {
      if (next !== null) {
        await report.open(next)
        void annotations.load(next)
      } else report.close()
    }
    await loadTrash()
  }

  async function restore(id: number): Promise<ReportSummary> {
    const summary = await workbench().reports.restore({ id })
    await report.hydrate()
    trash.value = trash.value.filter((r) => r.id !== id)
    if (!report.current) {
      await report.open(id)
      void annotations.load(id)
    }
    return summary
  }

  async function emptyTrash(): Promise<number> {
    const { deleted } = await workbench().reports.emptyTrash({})
    await loadTrash()
    return deleted
  }

  return { trash, loadTrash, rename, remove, restore, emptyTrash }
})
