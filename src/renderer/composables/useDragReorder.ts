// Native drag and drop for the checklist: which item is dragged and where it would land,
// shared by all items of the list through provide/inject.
import { ref, type InjectionKey, type Ref } from 'vue'
import type { DropPosition } from '../lib/checklist'

export interface DragReorder {
  draggingId: Ref<number | null>
  target: Ref<{ id: number; where: DropPosition } | null>
  start(id: number, e: DragEvent): void
  over(id: number, e: DragEvent): void
  drop(e: DragEvent): void
  end(): void
}

export const DRAG_REORDER: InjectionKey<DragReorder> = Symbol('dragReorder')

const MIME = 'application/x-workbench-proposal'

export function createDragReorder(onDrop: (id: number, targetId: number, where: DropPosition) => void): DragReorder {
  const draggingId = ref<number | null>(null)
  const target = ref<{ id: number; where: DropPosition } | null>(null)

  function start(id: number, e: DragEvent): void {
    draggingId.value = id
    if (!e.dataTransfer) return
    e.dataTransfer.effectAllowed = 'move'
    e.dataTransfer.setData(MIME, String(id))
    e.dataTransfer.setData('text/plain', String(id))
  }

  function over(id: number, e: DragEvent): void {
    if (draggingId.value === null) return // files or text from elsewhere: not ours
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move'
    if (id === draggingId.value) {
      target.value = null
      return
    }
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect()
    const where: DropPosition = e.clientY < box.top + box.height / 2 ? 'before' : 'after'
    if (target.value?.id !== id || target.value.where !== where) target.value = { id, where }
  }

  function drop(e: DragEvent): void {
    if (draggingId.value === null) return
    e.preventDefault()
    const from = draggingId.value
    const to = target.value
    end()
    if (to) onDrop(from, to.id, to.where)
  }

  function end(): void {
    draggingId.value = null
    target.value = null
  }

  return { draggingId, target, start, over, drop, end }
}
