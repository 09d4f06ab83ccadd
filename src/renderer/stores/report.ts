// The reports: the list, the one open, its outline, and the passage marked in it when a
// proposal's source is shown.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Args } from '../../core/contract'
import { withBlockTexts } from '../../core/blocks'
import type { Report, ReportSummary, ReportWithTexts, SourceAnchor } from '../../core/domain'
import { workbench } from '../api'
import { resolveAnchor, type TextRange } from '../lib/sourceMark'
import { useSettingsStore } from './settings'

/** What the marked passage is, for the banner that names it. */
export type MarkReason = 'proposal' | 'suggestion' | 'search'

export interface SourceMark extends TextRange {
  reason: MarkReason
  /** Bumped on every request, so showing the same passage again scrolls to it again. */
  seq: number
}

export const useReportStore = defineStore('report', () => {
  const summaries = ref<ReportSummary[]>([])
  // Shallow: a report is replaced whole, and its thousand blocks need no reactive proxies.
  const current = shallowRef<ReportWithTexts | null>(null)
  const opening = ref(false)
  const mark = ref<SourceMark | null>(null)
  const settings = useSettingsStore()
  let markSeq = 0
  let openSeq = 0

  const outline = computed(() => current.value?.blocks.filter((b) => b.kind === 'heading') ?? [])

  async function hydrate(): Promise<void> {
    summaries.value = await workbench().reports.list({})
  }

  /** Opens a report and remembers it as the one to show next time. */
  async function open(id: number): Promise<void> {
    const seq = ++openSeq
    opening.value = true
    try {
      const report = await workbench().reports.get({ id })
      if (seq !== openSeq) return
      current.value = withBlockTexts(report)
      mark.value = null
      if (settings.settings.currentReportId !== id) void settings.update({ currentReportId: id })
    } finally {
      if (seq === openSeq) opening.value = false
    }
  }

  /** The report to start with: the last one opened if it still exists, else the newest. */
  function initialReportId(): number | null {
    const last = settings.settings.currentReportId
    if (last !== null && summaries.value.some((r) => r.id === last)) return last
    return summaries.value[0]?.id ?? null
  }

  async function importText(args: Args<'reports.import'>): Promise<Report> {
    const report = await workbench().reports.import(args)
    summaries.value = [report, ...summaries.value.filter((r) => r.id !== report.id)]
    openSeq++
    current.value = withBlockTexts(report)
    mark.value = null
    void settings.update({ currentReportId: report.id })
    return report
  }

  /** Shows no report (the last one went to the trash): the empty state. */
  function close(): void {
    openSeq++
    current.value = null
    mark.value = null
    opening.value = false
    if (settings.settings.currentReportId !== null) void settings.update({ currentReportId: null })
  }

  /** Puts a changed summary (a rename) in the list and in the open report. */
  function replaceSummary(summary: ReportSummary): void {
    summaries.value = summaries.value.map((r) => (r.id === summary.id ? summary : r))
    if (current.value?.id === summary.id) current.value = { ...current.value, ...summary }
  }

  /** Takes in reports imported or revised in another window; the open one is re-read if it is among `ids`. */
  async function sync(ids: readonly (number | string)[]): Promise<void> {
    try {
      summaries.value = await workbench().reports.list({})
    } catch {
      return
    }
    const shown = current.value
    if (!shown || !ids.includes(shown.id)) return
    const seq = openSeq
    try {
      const fresh = await workbench().reports.get({ id: shown.id })
      if (seq !== openSeq || current.value !== shown) return
      if (fresh.text !== shown.text || fresh.title !== shown.title || fresh.date !== shown.date || fresh.source !== shown.source) {
        current.value = withBlockTexts(fresh)
      }
    } catch {
      // A report removed elsewhere stays on screen until another is opened.
    }
  }

  /** Marks a proposal's source passage; false when it cannot be found in this text. */
  function markSource(anchor: SourceAnchor, reason: MarkReason = 'proposal'): boolean {
    const range = current.value ? resolveAnchor(current.value.text, anchor) : null
    mark.value = range ? { ...range, reason, seq: ++markSeq } : null
    return range !== null
  }

  function clearMark(): void {
    mark.value = null
  }

  return { summaries, current, opening, mark, outline, hydrate, open, close, replaceSummary, sync, initialReportId, importText, markSource, clearMark }
})
