// A text field bound to a stored value: typing is saved after a short pause, leaving the
// field saves at once, Enter commits and Escape returns to the value the edit began from.
// With `version`, each save also names the version of the record the typing started from:
// a change made elsewhere to this field meanwhile is not shown under the cursor, so the
// back end must be told the edit is based on the older version (and refuse it as a conflict).
// A version is a number (a record's) or whatever else names the state an edit builds on (a
// section of the minutes names the edit it showed).
import { onBeforeUnmount, ref, watch } from 'vue'
import { debounce } from '../lib/debounce'

export const SAVE_PAUSE_MS = 400

export function useDraftField<V = number>(
  source: () => string,
  save: (value: string, baseVersion?: V) => void,
  opts: { trim?: boolean; version?: () => V } = {},
) {
  const draft = ref(source())
  const editing = ref(false)
  let committed = draft.value
  let saved = draft.value
  let baseVersion = opts.version?.()

  const push = (value: string) => {
    if (value === saved) return
    saved = value
    save(value, baseVersion)
  }
  const pushSoon = debounce(push, SAVE_PAUSE_MS)
  const finish = () => {
    pushSoon.cancel()
    if (opts.trim) draft.value = draft.value.trim()
    push(draft.value)
  }

  // Outside changes (server answers, other views and windows) show only while the user is not typing.
  watch(source, (value) => {
    if (editing.value) return
    draft.value = value
    saved = value
    committed = value
  })
  // A new version whose value of this field is what this field last saved (its own answer, or
  // another field of the record changed elsewhere) is a safe base; otherwise keep the old one.
  if (opts.version) {
    watch(opts.version, (version) => {
      if (!editing.value || source() === saved) baseVersion = version
    })
  }

  function onInput(value: string): void {
    draft.value = value
    pushSoon(value)
  }
  function onFocus(): void {
    editing.value = true
    committed = draft.value
    if (opts.version && source() === draft.value) baseVersion = opts.version()
  }
  function onBlur(): void {
    finish()
    editing.value = false
    // A change from elsewhere that arrived while typing (a conflict keeps the typed text
    // for re-applying) shows once the field is left.
    const value = source()
    if (value !== draft.value && !pushSoon.pending()) {
      draft.value = value
      saved = value
      committed = value
    }
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
