// Toasts shared by every store: confirmations with an optional action (undo) and errors
// carrying their code, put into words at render time so a language switch applies.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ErrorInfo } from '../../core/errors'
import { toErrorInfo } from '../api'
import { useStorageStore } from './storage'

export interface MessageRef {
  key: string
  params?: Record<string, string | number>
}

export interface Notice {
  id: number
  tone: 'info' | 'error'
  message: MessageRef
  error?: ErrorInfo
  action?: { label: MessageRef; run: () => void }
}

const INFO_MS = 7000
const ERROR_MS = 12000

export const useNotificationsStore = defineStore('notifications', () => {
  const notices = ref<Notice[]>([])
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  let nextId = 1

  function push(notice: Omit<Notice, 'id'>, timeoutMs = notice.tone === 'error' ? ERROR_MS : INFO_MS): number {
    const id = nextId++
    // The same message again replaces the earlier one, and at most three show, so toasts never pile up.
    const same = (n: Notice) => n.message.key === notice.message.key && JSON.stringify(n.message.params) === JSON.stringify(notice.message.params)
    for (const old of notices.value.filter(same)) clearTimeout(timers.get(old.id))
    notices.value = [...notices.value.filter((n) => !same(n)).slice(-2), { ...notice, id }]
    timers.set(id, setTimeout(() => dismiss(id), timeoutMs))
    return id
  }

  function dismiss(id: number): void {
    clearTimeout(timers.get(id))
    timers.delete(id)
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  /** Reports a failed action: what failed (`failureKey`) and why (the error's code and message). */
  function fail(failureKey: string, err: unknown): number {
    const error = toErrorInfo(err)
    // The toast puts a refusal in words; the validation detail goes to the console only.
    if (error.code === 'bad_request') console.warn(`[${failureKey}] ${error.message}`)
    useStorageStore().noteError(error)
    return push({ tone: 'error', message: { key: failureKey }, error })
  }

  return { notices, push, dismiss, fail }
})
