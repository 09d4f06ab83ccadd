// One undo history for the open report: annotation edits and checklist edits alike, undone
// and redone in the order they were made (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y). Steps run one after
// another, so quick repeated keys undo in order.
import { defineStore } from 'pinia'
import { UndoStack, type UndoStep } from '../lib/undoStack'

export const useHistoryStore = defineStore('history', () => {
  const stack = new UndoStack()
  let queue: Promise<unknown> = Promise.resolve()
  const inTurn = (run: () => Promise<boolean>) => (queue = queue.then(run, run))

  return {
    push: (step: UndoStep) => stack.push(step),
    /** Forgets a step (a new, still empty proposal that was discarded). */
    drop: (step: UndoStep) => stack.drop(step),
    peek: () => stack.peek(),
    clear: () => stack.clear(),
    canUndo: () => stack.canUndo,
    canRedo: () => stack.canRedo,
    undo: () => inTurn(() => stack.undo()),
    redo: () => inTurn(() => stack.redo()),
  }
})
