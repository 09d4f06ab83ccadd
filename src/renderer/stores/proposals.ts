// The checklist of the open report. Every change shows at once and is saved right away;
// writes to one proposal go out in order, and a refused write is rolled back with a toast.
// Creating, editing, moving and deleting are steps of the shared undo history.
// Edits name the version they were made on; one refused because another window changed the
// proposal meanwhile goes to the conflicts panel. Changes from other windows come in by sync().
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ErrorInfo } from '../../core/errors'
import type { Proposal, ProposalPatch, ProposalStatus, SourceAnchor } from '../../core/domain'
import { conflictRecord, toErrorInfo, workbench } from '../api'
import {
  countByStatus,
  decidedCount,
  groupProposals,
  moveId,
  neighbourInGroup,
  sortProposals,
  type DropPosition,
} from '../lib/checklist'
import type { UndoStep } from '../lib/undoStack'
import { VersionedWrites } from '../lib/versionedWrites'
import { shownValue, useConflictsStore } from './conflicts'
import { useHistoryStore } from './history'
import { useNotificationsStore } from './notifications'
import { useSectorsStore } from './sectors'
import { useStorageStore } from './storage'

interface DeletedEntry {
  proposal: Proposal
  noticeId: number
}

function shorten(title: string, max = 60): string {
  const t = title.trim() || '…'
  return t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t
}

export const useProposalsStore = defineStore('proposals', () => {
  const items = ref<Proposal[]>([])
  const reportId = ref<number | null>(null)
  const loading = ref(false)
  const loadError = ref<ErrorInfo | null>(null)
  const sectorFilter = ref<string | null>(null)
  const statusFilter = ref<ProposalStatus[]>([])
  const deleted = ref<DeletedEntry[]>([])
  const sectors = useSectorsStore()
  const notifications = useNotificationsStore()
  const storage = useStorageStore()
  storage.onRetry('proposal', async (d) => {
    if (typeof d.id === 'number') await update(d.id, d.patch as ProposalPatch, { record: false })
  })
  const history = useHistoryStore()
  const conflicts = useConflictsStore()
  /** The undo step of each proposal created here, forgotten if the new proposal is discarded. */
  const createdSteps = new Map<number, UndoStep>()

  /** Last state the back end confirmed, per proposal: what a failed write returns to. */
  const confirmed = new Map<number, Proposal>()
  const writes = new VersionedWrites<number>()
  /** The version of each proposal this window deleted, so its undo steps survive a restore. */
  const deletedVersions = new Map<number, number>()
  const latestWrite = new Map<number, number>()
  let writeSeq = 0
  let orderQueue: Promise<unknown> = Promise.resolve()
  let loadSeq = 0

  const ordered = computed(() => sortProposals(items.value))
  const groups = computed(() =>
    groupProposals(ordered.value, sectors.sectors, { sector: sectorFilter.value, statuses: statusFilter.value }),
  )
  const statusCounts = computed(() => countByStatus(items.value))
  const decided = computed(() => decidedCount(items.value))
  const filtersActive = computed(() => sectorFilter.value !== null || statusFilter.value.length > 0)

  const find = (id: number) => items.value.find((p) => p.id === id)
  const remember = (p: Proposal) => confirmed.set(p.id, { ...p })

  function put(p: Proposal): void {
    const i = items.value.findIndex((x) => x.id === p.id)
    if (i === -1) items.value.push(p)
    else items.value[i] = p
  }

  function applyOrder(ids: readonly number[]): void {
    const rank = new Map(ids.map((id, i) => [id, i]))
    for (const p of items.value) p.sortOrder = rank.get(p.id) ?? ids.length + p.sortOrder
  }

  function applyServerOrder(list: readonly Proposal[]): void {
    for (const fresh of list) {
      const live = find(fresh.id)
      if (live) live.sortOrder = fresh.sortOrder
      const base = confirmed.get(fresh.id)
      if (base) base.sortOrder = fresh.sortOrder
    }
  }

  /** Re-reads the order from the back end after it placed something itself. */
  async function refreshOrder(): Promise<void> {
    const rid = reportId.value
    if (rid === null) return
    try {
      const list = await workbench().proposals.list({ reportId: rid })
      if (rid === reportId.value) applyServerOrder(list)
    } catch {
      // The local order stays; the next successful reorder or load brings both in line.
    }
  }

  async function load(id: number): Promise<void> {
    const seq = ++loadSeq
    reportId.value = id
    loading.value = true
    loadError.value = null
    items.value = []
    deleted.value = []
    confirmed.clear()
    writes.reset()
    try {
      const list = await workbench().proposals.list({ reportId: id })
      if (seq !== loadSeq) return
      list.forEach(remember)
      // Edits the disk refused earlier (even before a restart) show again, still marked unsaved.
      items.value = list.map((p) => storage.overlay('proposal', p.id, p))
    } catch (err) {
      if (seq !== loadSeq) return
      loadError.value = toErrorInfo(err)
      notifications.fail('failures.load', err)
    } finally {
      if (seq === loadSeq) loading.value = false
    }
  }

  async function create(opts: {
    sector: string
    afterId?: number
    title?: string
    source?: SourceAnchor
    owner?: string
    dueDate?: string
    detail?: string
  }): Promise<Proposal | null> {
    const rid = reportId.value
    if (rid === null) return null
    try {
      const created = await workbench().proposals.create({
        reportId: rid,
        title: opts.title ?? '',
        sector: opts.sector,
        ...(opts.afterId !== undefined ? { afterId: opts.afterId } : {}),
        ...(opts.source ? { source: opts.source } : {}),
        ...(opts.owner ? { owner: opts.owner } : {}),
        ...(opts.dueDate ? { dueDate: opts.dueDate } : {}),
        ...(opts.detail ? { detail: opts.detail } : {}),
      })
      if (rid !== reportId.value) return null
      remember(created)
      put(created)
      if (opts.afterId !== undefined && find(opts.afterId)) {
        const ids = ordered.value.map((p) => p.id)
        applyOrder(moveId(ids, created.id, opts.afterId, 'after'))
        void refreshOrder()
      }
      const step: UndoStep = {
        undo: () => remove(created.id, { silent: true, record: false }),
        redo: () => restore(created.id),
      }
      createdSteps.set(created.id, step)
      history.push(step)
      // Keep the new item visible whatever the filters were.
      if (statusFilter.value.length > 0 && !statusFilter.value.includes(created.status)) statusFilter.value = []
      if (sectorFilter.value !== null && sectorFilter.value !== created.sector) sectorFilter.value = null
      return created
    } catch (err) {
      notifications.fail('failures.create', err)
      return null
    }
  }

  /**
   * Saves a change at once. `baseVersion` is the version the edit was made on (a text field
   * passes the one its typing started from); by default the version shown now.
   */
  async function update(
    id: number,
    patch: ProposalPatch,
    opts: { record?: boolean; baseVersion?: number } = {},
  ): Promise<Proposal | null> {
    const item = find(id)
    if (!item) return null
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, item[k as keyof ProposalPatch]])) as ProposalPatch
    const base = opts.baseVersion ?? item.version
    const seq = ++writeSeq
    latestWrite.set(id, seq)
    Object.assign(item, patch)
    try {
      const saved = await writes.edit(id, base, (expectedVersion) => workbench().proposals.update({ id, patch, expectedVersion }))
      remember(saved)
      if (opts.record ?? true) {
        let version = saved.version
        const step = async (change: ProposalPatch) => {
          version = (await update(id, change, { record: false, baseVersion: version }))?.version ?? version
        }
        history.push({ undo: () => step(before), redo: () => step(patch) })
      }
      const live = find(id)
      if (live && latestWrite.get(id) === seq) Object.assign(live, { ...saved, sortOrder: live.sortOrder })
      storage.clearFields('proposal', id, Object.keys(patch))
      return saved
    } catch (err) {
      const current = conflictRecord<Proposal>(err)
      const live = find(id)
      if (current && live) {
        remember(current)
        if (latestWrite.get(id) === seq) Object.assign(live, { ...current, sortOrder: live.sortOrder })
        reportConflict(current, patch)
        return null
      }
      const info = toErrorInfo(err)
      const confirmedBase = confirmed.get(id)
      // The disk refused it, the words are not wrong: keep them in the field and on this computer.
      const kept = storage.keepRefused(info, 'proposal', id, patch)
      if (!kept && confirmedBase && live && latestWrite.get(id) === seq) {
        for (const key of Object.keys(patch) as (keyof ProposalPatch)[]) Object.assign(live, { [key]: confirmedBase[key] })
      }
      notifications.fail('failures.save', err)
      return null
    }
  }

  function reportConflict(current: Proposal, patch: ProposalPatch): void {
    const keys = Object.keys(patch) as (keyof ProposalPatch)[]
    conflicts.report({
      key: `proposals:${current.id}:${keys.sort().join(',')}`,
      domain: 'proposals',
      subject: current.title,
      fields: keys.map((key) => ({
        label: `proposal.${key}`,
        mine: shownValue(patch[key]),
        theirs: shownValue(current[key]),
        ...(key === 'status' || key === 'priority' ? { valueKey: key } : {}),
      })),
      reapply: () => update(current.id, patch, { baseVersion: current.version }),
    })
  }

  /**
   * Brings the checklist in line with the back end after another window changed it: new and
   * changed proposals show, deleted ones go; proposals with a write under way wait for its answer.
   */
  async function sync(): Promise<void> {
    const rid = reportId.value
    if (rid === null) return
    let list: Proposal[]
    try {
      list = await workbench().proposals.list({ reportId: rid })
    } catch {
      return // the next change or reload tries again
    }
    if (rid !== reportId.value) return
    const fresh = new Map(list.map((p) => [p.id, p]))
    for (const p of list) {
      if (writes.busy(p.id)) continue
      const live = find(p.id)
      if (!live) put(p)
      else if (p.version >= live.version) Object.assign(live, p)
      else live.sortOrder = p.sortOrder
      remember(find(p.id)!)
    }
    items.value = items.value.filter((p) => fresh.has(p.id) || writes.busy(p.id))
  }

  /** True when every change listed is already shown (this window's own writes coming back). */
  function knows(records: readonly { id: number | string; version: number | null }[]): boolean {
    return records.every((r) => {
      const live = typeof r.id === 'number' ? find(r.id) : undefined
      return live !== undefined && r.version !== null && live.version >= r.version
    })
  }

  /**
   * Deletes at once, with a toast to bring it back. `silent` (a new proposal discarded, or a
   * create undone) shows no toast; a discarded new proposal also leaves the history.
   */
  async function remove(id: number, opts: { silent?: boolean; record?: boolean } = {}): Promise<void> {
    const item = find(id)
    if (!item) return
    items.value = items.value.filter((p) => p.id !== id)
    let entry: DeletedEntry | null = null
    let step: UndoStep | null = null
    const record = opts.record ?? true
    if (!opts.silent) {
      step = { undo: () => restore(id), redo: () => remove(id, { record: false }) }
      const noticeId = notifications.push({
        tone: 'info',
        message: { key: 'proposal.deleted', params: { title: shorten(item.title) } },
        action: { label: { key: 'proposal.undo' }, run: () => void (step && history.peek() === step ? history.undo() : restore(id)) },
      })
      entry = { proposal: item, noticeId }
      deleted.value.push(entry)
      if (record) history.push(step)
    } else if (record) {
      const created = createdSteps.get(id)
      if (created) history.drop(created)
    }
    try {
      await writes.run(id, () => {
        deletedVersions.set(id, writes.latest(id, item.version))
        return workbench().proposals.delete({ id })
      })
    } catch (err) {
      if (step) history.drop(step)
      if (entry) {
        const noticeId = entry.noticeId
        notifications.dismiss(noticeId)
        deleted.value = deleted.value.filter((e) => e.noticeId !== noticeId)
      }
      if (!find(id)) put(item)
      notifications.fail('failures.delete', err)
    }
  }

  /** Brings back a deleted proposal (from its toast, or an undo / redo step). */
  async function restore(id: number): Promise<void> {
    const entry = deleted.value.find((e) => e.proposal.id === id)
    if (!entry && find(id)) return // already back
    if (entry) {
      deleted.value = deleted.value.filter((e) => e.noticeId !== entry.noticeId)
      notifications.dismiss(entry.noticeId)
      put(entry.proposal)
    }
    try {
      const back = await writes.run(id, () => workbench().proposals.restore({ id }))
      const from = deletedVersions.get(id)
      if (from !== undefined) writes.restoredOwn(id, from, back.version)
      deletedVersions.delete(id)
      remember(back)
      const live = find(id)
      if (live) Object.assign(live, back)
      else put(back)
      await refreshOrder()
    } catch (err) {
      items.value = items.value.filter((p) => p.id !== id)
      notifications.fail('failures.restore', err)
    }
  }

  /** Sends the full live order; the local order changes at once. */
  function reorder(orderedIds: number[]): Promise<void> {
    const rid = reportId.value
    if (rid === null || orderedIds.length === 0) return Promise.resolve()
    applyOrder(orderedIds)
    const run = orderQueue.then(async () => {
      await writes.idle()
      try {
        const list = await workbench().proposals.reorder({ reportId: rid, orderedIds })
        if (rid === reportId.value) list.forEach(remember)
      } catch (err) {
        notifications.fail('failures.reorder', err)
        await refreshOrder()
      }
    })
    orderQueue = run
    return run
  }

  /** Moves a proposal next to another; dropped into another sector, it joins that sector. */
  function move(id: number, targetId: number, where: DropPosition, opts = { record: true }): void {
    const item = find(id)
    const target = find(targetId)
    if (!item || !target || id === targetId) return
    const before = ordered.value.map((p) => p.id)
    const sector = item.sector
    if (target.sector !== sector) void update(id, { sector: target.sector }, { record: false })
    void reorder(moveId(before, id, targetId, where))
    if (!opts.record) return
    history.push({
      undo: async () => {
        if (find(id)?.sector !== sector) await update(id, { sector }, { record: false })
        await reorder(before.filter((x) => find(x)))
      },
      redo: async () => move(id, targetId, where, { record: false }),
    })
  }

  /** Alt+↑/↓: one place up or down among the visible items of its sector. */
  function moveBy(id: number, delta: -1 | 1): boolean {
    const next = neighbourInGroup(groups.value, id, delta)
    if (!next) return false
    move(id, next.targetId, next.where)
    return true
  }

  function toggleStatusFilter(status: ProposalStatus): void {
    statusFilter.value = statusFilter.value.includes(status)
      ? statusFilter.value.filter((s) => s !== status)
      : [...statusFilter.value, status]
  }

  function clearFilters(): void {
    sectorFilter.value = null
    statusFilter.value = []
  }

  /** A proposal to bring into view and open (a search result was chosen); its item takes it and answers `revealed`. */
  const revealing = ref<{ id: number; seq: number } | null>(null)
  let revealSeq = 0

  /** Asks the checklist to show and open a proposal, clearing filters that hide it; false when it is not in the list. */
  function reveal(id: number): boolean {
    if (!find(id)) return false
    if (!groups.value.some((g) => g.items.some((p) => p.id === id))) clearFilters()
    revealing.value = { id, seq: ++revealSeq }
    return true
  }

  function revealed(seq: number): void {
    if (revealing.value?.seq === seq) revealing.value = null
  }

  // prettier-ignore
  return {
    items, reportId, loading, loadError, sectorFilter, statusFilter,
    ordered, groups, statusCounts, decided, filtersActive,
    find, load, create, update, remove, restore, sync, knows,
    reorder, move, moveBy, toggleStatusFilter, clearFilters, revealing, reveal, revealed,
  }
})
