// Importing a document file: the job (upload, reading with progress, review of title and date,
// creation), one at a time, from the file chooser, Electron's dialog or a drop on the window.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ImportJob } from '../../core/methods/imports'
import { WorkbenchError } from '../../core/errors'
import { withBlockTexts } from '../../core/blocks'
import { workbench } from '../api'
import { uploadFile, waitForJob } from '../lib/importUpload'
import { useNotificationsStore } from './notifications'
import { useReportStore } from './report'
import { useSettingsStore } from './settings'
import { i18n } from '../i18n'

/** The types the file chooser offers. */
export const IMPORT_ACCEPT = '.docx,.pdf,.html,.htm,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/html,text/markdown,text/plain'
const REFUSALS = new Set(['empty', 'binary', 'damaged', 'encrypted', 'scanned', 'tooLarge', 'unsupported', 'cancelled'])

export const useDocImportStore = defineStore('docImport', () => {
  const job = shallowRef<ImportJob | null>(null)
  const fileName = ref('')
  const active = ref(false)
  const committing = ref(false)
  let cancelled = false
  const notifications = useNotificationsStore()

  const phase = computed(() => {
    if (!active.value) return 'idle'
    const state = job.value?.state ?? 'uploading'
    return state === 'ready' ? 'review' : state === 'uploading' || state === 'reading' ? state : 'idle'
  })

  function refuse(key: string): void {
    const known = REFUSALS.has(key) ? key : 'failed'
    notifications.push({ tone: 'error', message: { key: `docImport.refused.${known}`, params: { name: fileName.value } } })
  }

  function refusalKey(err: unknown): string {
    const message = err instanceof WorkbenchError ? err.message : ''
    return message.startsWith('import.') ? message.slice('import.'.length) : 'failed'
  }

  function finish(): void {
    active.value = false
    job.value = null
  }

  async function follow(started: ImportJob): Promise<void> {
    const hooks = { onJob: (j: ImportJob) => (job.value = j), isCancelled: () => cancelled }
    const done = await waitForJob(started.jobId, hooks)
    if (cancelled) return
    if (done.state === 'failed') {
      finish()
      refuse(done.error?.message.startsWith('import.') ? done.error.message.slice(7) : 'failed')
    } else if (done.state === 'cancelled') finish()
  }

  /** A file picked in the page (browser shell, or dropped on the window in either shell). */
  async function importFile(file: File): Promise<void> {
    if (active.value) return
    cancelled = false
    fileName.value = file.name
    job.value = null
    active.value = true
    try {
      const uploaded = await uploadFile(file, { onJob: (j) => (job.value = j), isCancelled: () => cancelled })
      if (cancelled) return
      await follow(uploaded)
    } catch (err) {
      if (cancelled) return
      finish()
      refuse(refusalKey(err))
    }
  }

  /** Electron: the main process shows the dialog and reads the file. */
  async function openWithDialog(): Promise<void> {
    if (active.value) return
    cancelled = false
    try {
      const started = await workbench().imports.open({})
      if (!started) return
      fileName.value = started.fileName
      job.value = started
      active.value = true
      await follow(started)
    } catch (err) {
      finish()
      refuse(refusalKey(err))
    }
  }

  async function cancel(): Promise<void> {
    cancelled = true
    const current = job.value
    const name = fileName.value
    finish()
    if (current) await workbench().imports.cancel({ jobId: current.jobId }).catch(() => undefined)
    notifications.push({ tone: 'info', message: { key: 'docImport.refused.cancelled', params: { name } } })
  }

  async function commit(edits: { title: string; date: string; source: string }): Promise<boolean> {
    const current = job.value
    if (!current || current.state !== 'ready' || !current.document) return false
    committing.value = true
    try {
      const report = await workbench().imports.commit({ jobId: current.jobId, ...edits })
      const reports = useReportStore()
      reports.summaries = [report, ...reports.summaries.filter((r) => r.id !== report.id)]
      reports.current = withBlockTexts(report)
      reports.mark = null
      void useSettingsStore().update({ currentReportId: report.id })
      const doc = current.document
      const pages = doc.notices.find((n) => n.startsWith('pages:'))?.slice(6) ?? '0'
      notifications.push({
        tone: 'info',
        message: { key: 'docImport.done', params: { title: report.title, how: describeRead(doc.format, doc.encoding, pages) } },
      })
      finish()
      return true
    } catch (err) {
      finish()
      refuse(refusalKey(err))
      return false
    } finally {
      committing.value = false
    }
  }

  return { job, fileName, active, committing, phase, importFile, openWithDialog, cancel, commit }
})

/** What was read (format, pages, encoding), in words, for the notices. */
export function describeRead(format: string, encoding: string | null, pages: string): string {
  const t = i18n.global.t
  const parts = [`${t(`docImport.format.${format}`, { pages })}.`]
  if (encoding && encoding !== 'UTF-8' && encoding !== 'ASCII') {
    const legacy = encoding === 'TCVN3' || encoding === 'VNI' || encoding === 'Windows-1258'
    parts.push(t(legacy ? 'docImport.encoding.converted' : 'docImport.encoding.read', { encoding }))
  }
  return parts.join(' ')
}
