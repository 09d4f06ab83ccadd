// A text field bound to a stored value: typing is saved after a short pause, leaving the
// field saves at once, Enter commits and Escape returns to the value the edit began from.
import { onBeforeUnmount, ref, watch } from 'vue'
import { debounce } from '../lib/debounce'

export const SAVE_PAUSE_MS = 400

export function useDraftField(source: () => string, save: (value: string) => void, opts: { trim?: boolean } = {}) {
  const draft = ref(source())
  const editing = ref(false)
  let committed = draft.value
  let saved = draft.value

  const push = (value: string) => {
    if (value === saved) return
    saved = value
    save(value)
  }
  const pushSoon = debounce(push, SAVE_PAUSE_MS)
  const finish = () => {
    pushSoon.cancel()
    if (opts.trim) draft.value = draft.value.trim()
    push(draft.value)
  }

  // Outside changes (server answers, other views) show only while the user is not typing.
  watch(source, (value) => {
    if (editing.value) return
    draft.value = value
    saved = value
    committed = value
  })

  function onInput(value: string): void {
    draft.value = value
    pushSoon(value)
  }
  function onFocus(): void {
    editing.value = true
    committed = draft.value
  }
  function onBlur(): void {
    finish()
    editing.value = false
  }
  function commit(): void {
    finish()
    committed = draft.value
  }
  function revert(): void {
    pushSoon.cancel()
    draft.value = committed
    push(committed)
  }

  onBeforeUnmount(() => {
    if (pushSoon.pending()) pushSoon.flush()
  })

  return { draft, editing, onInput, onFocus, onBlur, commit, revert }
}
