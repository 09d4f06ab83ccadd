// Revisions that ask first: a revised text (from a file or pasted) or an earlier revision is
// previewed with the re-anchoring engine's dry run, applied only on confirmation, and then is one
// step of the undo history (Ctrl+Z takes it back, Ctrl+Shift+Z applies it again).
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { RevisionPreview } from '../../core/methods/revisions'
import { workbench } from '../api'
import { useAnnotationsStore } from './annotations'
import { useHistoryStore } from './history'
import { useNotificationsStore } from './notifications'
import { useProposalsStore } from './proposals'
import { useReportStore } from './report'

/** What would become the report's text: a loaded or pasted text, or an earlier revision. */
/** `headings`: the paragraphs a loaded document styles as headings (none for a pasted text). */
export type RevisionSource = { kind: 'text'; text: string; fileName?: string; headings?: string[] } | { kind: 'revision'; revision: number }

export interface PendingRevision {
  reportId: number
  source: RevisionSource
}

export const useRevisionsStore = defineStore('revisions', () => {
  const pending = shallowRef<PendingRevision | null>(null)
  const preview = shallowRef<RevisionPreview | null>(null)
  const busy = ref(false)
  /** Bumped after every change of text, so an open history panel reloads. */
  const changes = ref(0)
  const report = useReportStore()
  const annotations = useAnnotationsStore()
  const proposals = useProposalsStore()
  const history = useHistoryStore()
  const notifications = useNotificationsStore()
  let previewSeq = 0

  /** Opens the preview for a source; false when there is no report or the preview failed. */
  async function ask(source: RevisionSource): Promise<boolean> {
    const reportId = report.current?.id
    if (reportId === undefined) return false
    const seq = ++previewSeq
    pending.value = { reportId, source }
    preview.value = null
    try {
      const args = source.kind === 'text' ? { reportId, text: source.text, ...(source.fileName ? { fileName: source.fileName } : {}) } : { reportId, revision: source.revision }
      const answer = await workbench().reports.previewRevision(args)
      if (seq === previewSeq) preview.value = answer
      return true
    } catch (err) {
      if (seq === previewSeq) cancel()
      notifications.fail('revisions.failed.preview', err)
      return false
    }
  }

  function cancel(): void {
    previewSeq++
    pending.value = null
    preview.value = null
  }

  async function apply(reportId: number, source: RevisionSource) {
    return source.kind === 'text'
      ? workbench().reports.revise({
          reportId,
          text: source.text,
          ...(source.fileName ? { fileName: source.fileName } : {}),
          ...(source.headings ? { headings: source.headings } : {}),
        })
      : workbench().reports.restoreRevision({ reportId, revision: source.revision })
  }

  /** Everything that follows the text, read again; the undo history is kept (this is a step of it). */
  async function reload(reportId: number): Promise<void> {
    changes.value++
    if (report.current?.id !== reportId) return
    await Promise.all([report.open(reportId), annotations.load(reportId, { keepHistory: true }), proposals.load(reportId)])
  }

  /** Applies what the preview showed; the step goes on the undo history. */
  async function confirm(): Promise<boolean> {
    const job = pending.value
    if (!job || busy.value) return false
    busy.value = true
    try {
      const result = await apply(job.reportId, job.source)
      let revision = result.revision
      cancel()
      await reload(job.reportId)
      const step = {
        undo: async () => {
          await workbench().reports.undoRevision({ reportId: job.reportId, revision })
          await reload(job.reportId)
          notifications.push({ tone: 'info', message: { key: 'revisions.undone', params: { revision } } })
        },
        redo: async () => {
          revision = (await apply(job.reportId, job.source)).revision
          await reload(job.reportId)
        },
      }
      history.push(step)
      const params = { revision: result.revision, placed: result.placed, unplaced: result.unplaced }
      notifications.push({
        tone: 'info',
        message:
          job.source.kind === 'revision'
            ? { key: 'revisions.restoredAs', params: { ...params, from: job.source.revision } }
            : result.review
              ? { key: 'annotationReview.revisionDone', params: { ...params, review: result.review, unplaced: result.unplaced - result.review } }
              : { key: 'revisions.applied', params },
        action: { label: { key: 'revisions.undo' }, run: () => void (history.peek() === step && history.undo()) },
      })
      return true
    } catch (err) {
      notifications.fail('revisions.failed.apply', err)
      return false
    } finally {
      busy.value = false
    }
  }

  return { pending, preview, busy, changes, ask, cancel, confirm }
})
