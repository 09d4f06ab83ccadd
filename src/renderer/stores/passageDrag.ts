// Linking by drag and drop: a passage of the report (the selected text, or an annotation taken
// from the list or its editor) dropped on a proposal is linked to it. A selection that is not
// yet an annotation becomes a highlight linked to the proposal. The payload stays here during
// the drag, since a dragover cannot read the dragged data.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TextRange } from '../lib/sourceMark'
import { useAnnotationsStore } from './annotations'
import { useNotificationsStore } from './notifications'

export const PASSAGE_MIME = 'application/x-workbench-passage'

type Payload = { annotationId: string } | { range: TextRange }

export const usePassageDragStore = defineStore('passageDrag', () => {
  const annotations = useAnnotationsStore()
  const notifications = useNotificationsStore()
  const payload = ref<Payload | null>(null)
  /** The proposal the passage is over, to show where it would land. */
  const overId = ref<number | null>(null)

  function start(next: Payload, e: DragEvent, text: string): void {
    payload.value = next
    overId.value = null
    if (!e.dataTransfer) return
    e.dataTransfer.effectAllowed = 'copyLink'
    e.dataTransfer.setData(PASSAGE_MIME, JSON.stringify(next))
    e.dataTransfer.setData('text/plain', text)
  }

  const startSelection = (range: TextRange, e: DragEvent, text: string) => start({ range }, e, text)
  const startAnnotation = (annotationId: string, e: DragEvent, text: string) => start({ annotationId }, e, text)

  /** True when a passage is being dragged: the caller's dragover is then ours. */
  function over(proposalId: number, e: DragEvent): boolean {
    if (!payload.value) return false
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'link'
    overId.value = proposalId
    return true
  }

  function leave(proposalId: number): void {
    if (overId.value === proposalId) overId.value = null
  }

  async function drop(proposalId: number, e: DragEvent): Promise<boolean> {
    const dropped = payload.value
    if (!dropped) return false
    e.preventDefault()
    end()
    if ('annotationId' in dropped) {
      const a = annotations.items.find((x) => x.id === dropped.annotationId)
      if (a && !a.proposalIds.includes(proposalId)) await annotations.setLink(a.id, proposalId, true)
    } else {
      const { start: from, end: to } = dropped.range
      const same = annotations.items.find((x) => x.start === from && x.end === to)
      if (same) {
        if (!same.proposalIds.includes(proposalId)) await annotations.setLink(same.id, proposalId, true)
      } else if (!(await annotations.create(dropped.range, { proposalIds: [proposalId] }, { edit: false }))) return false
      window.getSelection()?.removeAllRanges()
    }
    notifications.push({ tone: 'info', message: { key: 'annotations.linkedByDrop' } })
    return true
  }

  function end(): void {
    payload.value = null
    overId.value = null
  }

  return { payload, overId, startSelection, startAnnotation, over, leave, drop, end }
})
