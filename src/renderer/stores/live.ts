// Keeps this window in step with the others: each change event from the back end makes the
// store of its domain re-read what changed (a burst of events, one re-read), unless the change
// is already shown here once the burst is over (this window's own write coming back) or
// concerns another report.
// Fields being typed in are left alone by the stores and the draft fields.
import { defineStore } from 'pinia'
import type { ChangeDomain, ChangeEvent, ChangedRecord } from '../../core/changes'
import type { ChangeSource } from '../api/changes'
import { useAnnotationsStore } from './annotations'
import { useMeetingsStore } from './meetings'
import { useProposalsStore } from './proposals'
import { useReportStore } from './report'

/** Events this close together are answered by one re-read. */
const COALESCE_MS = 40

export const useLiveStore = defineStore('live', () => {
  const report = useReportStore()
  const proposals = useProposalsStore()
  const annotations = useAnnotationsStore()
  const meetings = useMeetingsStore()
  const waiting = new Map<ChangeDomain, ChangedRecord[]>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let stop: (() => void) | null = null

  function alreadyShown(domain: ChangeDomain, records: readonly ChangedRecord[]): boolean {
    switch (domain) {
      case 'proposals':
        return proposals.knows(records)
      case 'annotations':
        return annotations.knows(records)
      case 'meetings':
        return meetings.knows(records)
      case 'report':
        return false
    }
  }

  function receive(event: ChangeEvent): void {
    const open = report.current?.id ?? null
    if (event.domain !== 'report' && event.reportId !== null && event.reportId !== open) return
    waiting.set(event.domain, [...(waiting.get(event.domain) ?? []), ...event.records])
    timer ??= setTimeout(flush, COALESCE_MS)
  }

  /** Checked when the burst is over: by then this window's own saves have had their answers. */
  function flush(): void {
    timer = null
    const due = [...waiting]
    waiting.clear()
    for (const [domain, records] of due) {
      if (!alreadyShown(domain, records)) void syncDomain(domain, records)
    }
  }

  function syncDomain(domain: ChangeDomain, records: readonly ChangedRecord[]): Promise<void> {
    switch (domain) {
      case 'proposals':
        return proposals.sync()
      case 'annotations':
        return annotations.sync()
      case 'meetings':
        return meetings.sync(records)
      case 'report':
        return report.sync(records.map((r) => r.id))
    }
  }

  /** After a reconnection changes may have been missed: everything shown is re-read. */
  function resyncAll(): void {
    const open = report.current?.id
    void report.sync(open === undefined ? [] : [open])
    void proposals.sync()
    void annotations.sync()
    void meetings.sync(meetings.current ? [{ kind: 'meeting', id: meetings.current.id, version: null, meetingId: meetings.current.id }] : [])
  }

  function start(source: ChangeSource): void {
    stop?.()
    let connected = false
    stop = source({
      onChange: receive,
      onReady: () => {
        if (connected) resyncAll()
        connected = true
      },
    })
  }

  return { start, receive }
})
