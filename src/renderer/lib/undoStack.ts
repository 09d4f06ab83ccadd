// Undo and redo for edits that are saved at once: each step knows how to take itself back
// and how to do itself again; a new step forgets what was undone.
export interface UndoStep {
  undo: () => Promise<unknown>
  redo: () => Promise<unknown>
}

export class UndoStack {
  private done: UndoStep[] = []
  private undone: UndoStep[] = []

  constructor(private readonly limit = 100) {}

  push(step: UndoStep): void {
    this.done.push(step)
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  /** The step that undo would take back, to tell whether it is a given one. */
  peek(): UndoStep | undefined {
    return this.done[this.done.length - 1]
  }

  async undo(): Promise<boolean> {
    const step = this.done.pop()
    if (!step) return false
    this.undone.push(step)
    await step.undo()
    return true
  }

  async redo(): Promise<boolean> {
    const step = this.undone.pop()
    if (!step) return false
    this.done.push(step)
    await step.redo()
    return true
  }

  /** Removes a step wherever it is, as if it had never been pushed. */
  drop(step: UndoStep): void {
    this.done = this.done.filter((s) => s !== step)
    this.undone = this.undone.filter((s) => s !== step)
  }

  clear(): void {
    this.done = []
    this.undone = []
  }
}
