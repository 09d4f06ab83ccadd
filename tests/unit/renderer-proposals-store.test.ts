// The checklist store against a fake back end (the API boundary, not our storage):
// changes show at once, are sent in order, and a refused change is rolled back.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { WorkbenchApi } from '../../src/core/contract'
import type { Proposal } from '../../src/core/domain'
import { WorkbenchError } from '../../src/core/errors'
import { useWorkbenchApi } from '../../src/renderer/api'
import { shownValue, useConflictsStore } from '../../src/renderer/stores/conflicts'
import { useHistoryStore } from '../../src/renderer/stores/history'
import { useNotificationsStore } from '../../src/renderer/stores/notifications'
import { useProposalsStore } from '../../src/renderer/stores/proposals'
import { useStorageStore } from '../../src/renderer/stores/storage'

class FakeBackEnd {
  rows: (Proposal & { deleted: boolean })[] = []
  calls: string[] = []
  failNext: string | null = null
  failCode: 'conflict' | 'storage_moved' | 'storage_readonly' | 'storage_full' = 'conflict'
  private nextId = 1

  constructor(titles: [string, string][]) {
    for (const [title, sector] of titles) this.add(title, sector)
  }

  private add(title: string, sector: string): Proposal & { deleted: boolean } {
    const row = {
      id: this.nextId++, reportId: 1, sector, title, detail: '', status: 'proposed' as const, owner: '',
      dueDate: null, priority: 'normal' as const, notes: '', sortOrder: this.rows.length, source: null,
      createdAt: '', updatedAt: '', version: 1, deleted: false,
    }
    this.rows.push(row)
    return row
  }
  private live() {
    return this.rows.filter((r) => !r.deleted).sort((a, b) => a.sortOrder - b.sortOrder)
  }
  private out(r: Proposal & { deleted: boolean }): Proposal {
    const { deleted: _deleted, ...p } = r
    return { ...p }
  }
  private async step(name: string) {
    this.calls.push(name)
    await new Promise((r) => setTimeout(r, 1))
    if (this.failNext === name) {
      this.failNext = null
      throw new WorkbenchError(this.failCode, `${name} refused`)
    }
  }

  api(): WorkbenchApi {
    const proposals = {
      list: async () => (await this.step('list'), this.live().map((r) => this.out(r))),
      create: async (a: { title: string; sector: string; afterId?: number }) => {
        await this.step('create')
        const row = this.add(a.title, a.sector)
        if (a.afterId !== undefined) {
          const ids = this.live().map((r) => r.id).filter((id) => id !== row.id)
          ids.splice(ids.indexOf(a.afterId) + 1, 0, row.id)
          ids.forEach((id, i) => (this.rows.find((r) => r.id === id)!.sortOrder = i))
        }
        return this.out(row)
      },
      update: async (a: { id: number; patch: Partial<Proposal>; expectedVersion?: number }) => {
        await this.step('update')
        const row = this.rows.find((r) => r.id === a.id)!
        if (a.expectedVersion !== undefined && a.expectedVersion !== row.version) {
          throw new WorkbenchError('conflict', 'changed elsewhere', this.out(row))
        }
        Object.assign(row, a.patch, { version: row.version + 1 })
        return this.out(row)
      },
      delete: async (a: { id: number }) => {
        await this.step('delete')
        const row = this.rows.find((r) => r.id === a.id)!
        if (!row.deleted) Object.assign(row, { deleted: true, version: row.version + 1 })
        return { id: a.id }
      },
      restore: async (a: { id: number }) => {
        await this.step('restore')
        const row = this.rows.find((r) => r.id === a.id)!
        if (row.deleted) Object.assign(row, { deleted: false, version: row.version + 1 })
        return this.out(row)
      },
      reorder: async (a: { orderedIds: number[] }) => {
        await this.step('reorder')
        if (a.orderedIds.length !== this.live().length) throw new WorkbenchError('bad_request', 'not every live id')
        a.orderedIds.forEach((id, i) => (this.rows.find((r) => r.id === id)!.sortOrder = i))
        return this.live().map((r) => this.out(r))
      },
    }
    return { proposals } as unknown as WorkbenchApi
  }
  titles() {
    return this.live().map((r) => r.title)
  }
}

const settle = () => new Promise((r) => setTimeout(r, 30))
const history = () => useHistoryStore()

describe('useProposalsStore', () => {
  let backEnd: FakeBackEnd
  let store: ReturnType<typeof useProposalsStore>

  beforeEach(async () => {
    setActivePinia(createPinia())
    backEnd = new FakeBackEnd([
      ['gom điểm trường', 'edu'],
      ['xây trường nội trú', 'edu'],
      ['quản lý xăng dầu', 'trade'],
    ])
    useWorkbenchApi(backEnd.api())
    store = useProposalsStore()
    await store.load(1)
  })

  it('shows an edit at once and keeps the saved value', async () => {
    const pending = store.update(1, { title: 'gom các điểm trường lẻ' })
    expect(store.find(1)!.title).toBe('gom các điểm trường lẻ')
    await pending
    expect(backEnd.titles()[0]).toBe('gom các điểm trường lẻ')
  })

  it('rolls a refused edit back and says why', async () => {
    backEnd.failNext = 'update'
    await store.update(1, { status: 'accepted' })
    expect(store.find(1)!.status).toBe('proposed')
    const notice = useNotificationsStore().notices.at(-1)!
    expect(notice).toMatchObject({ tone: 'error', message: { key: 'failures.save' }, error: { code: 'conflict' } })
  })

  it('keeps an edit the disk refused in the field and as a local draft, and saves it again on request', async () => {
    backEnd.failNext = 'update'
    backEnd.failCode = 'storage_full'
    await store.update(1, { title: 'gom các điểm trường lẻ về trung tâm' })
    expect(store.find(1)!.title).toBe('gom các điểm trường lẻ về trung tâm')
    expect(backEnd.titles()[0]).toBe('gom điểm trường')
    const storage = useStorageStore()
    expect(storage.problem).toBe('storage_full')
    expect(storage.drafts).toMatchObject([{ kind: 'proposal', id: 1, field: 'title', value: 'gom các điểm trường lẻ về trung tâm' }])
    // A fresh load (a reload of the window) shows the kept draft over the stored value.
    await store.load(1)
    expect(store.find(1)!.title).toBe('gom các điểm trường lẻ về trung tâm')
    await storage.retryAll()
    expect(backEnd.titles()[0]).toBe('gom các điểm trường lẻ về trung tâm')
    expect(storage.drafts).toEqual([])
    expect(storage.problem).toBeNull()
  })

  it('sends edits of one proposal in the order they were made', async () => {
    await Promise.all([store.update(2, { title: 'a' }), store.update(2, { title: 'ab' }), store.update(2, { title: 'abc' })])
    expect(backEnd.rows[1]!.title).toBe('abc')
    expect(store.find(2)!.title).toBe('abc')
  })

  it('deletes at once, offers undo, and restores in place', async () => {
    await store.remove(1)
    expect(store.items.map((p) => p.id)).toEqual([2, 3])
    expect(backEnd.titles()).toEqual(['xây trường nội trú', 'quản lý xăng dầu'])
    const notice = useNotificationsStore().notices.at(-1)!
    expect(notice.action?.label.key).toBe('proposal.undo')
    expect(history().canUndo()).toBe(true)
    await history().undo()
    await settle()
    expect(store.ordered.map((p) => p.id)).toEqual([1, 2, 3])
    expect(backEnd.titles()[0]).toBe('gom điểm trường')
    expect(history().canUndo()).toBe(false)
    await history().redo()
    await settle()
    expect(backEnd.titles()).toEqual(['xây trường nội trú', 'quản lý xăng dầu'])
  })

  it('undoes and redoes an edit, a move and a new proposal, in the order they were made', async () => {
    await store.update(2, { title: 'trường bán trú', status: 'accepted' })
    store.move(3, 1, 'before')
    await settle()
    const created = await store.create({ sector: 'edu', title: 'mới' })
    expect(backEnd.titles()).toContain('mới')

    await history().undo() // the new proposal
    await settle()
    expect(backEnd.titles()).not.toContain('mới')
    await history().undo() // the move
    await settle()
    expect(store.ordered.map((p) => p.id)).toEqual([1, 2, 3])
    expect(store.find(3)!.sector).toBe(backEnd.rows[2]!.sector)
    await history().undo() // the edit
    await settle()
    expect(store.find(2)).toMatchObject({ title: 'xây trường nội trú', status: 'proposed' })
    expect(backEnd.rows[1]).toMatchObject({ title: 'xây trường nội trú', status: 'proposed' })

    await history().redo()
    await history().redo()
    await history().redo()
    await settle()
    expect(backEnd.rows[1]).toMatchObject({ title: 'trường bán trú', status: 'accepted' })
    expect(store.find(created!.id)).toBeDefined()
    expect(backEnd.titles()).toContain('mới')
  })

  it('forgets a new proposal discarded before it got a title', async () => {
    const created = await store.create({ sector: 'edu' })
    await store.remove(created!.id, { silent: true })
    expect(history().canUndo()).toBe(false)
  })

  it('puts a refused delete back', async () => {
    backEnd.failNext = 'delete'
    await store.remove(3)
    expect(store.find(3)).toBeDefined()
    expect(history().canUndo()).toBe(false)
  })

  it('reorders with the full live order, by keyboard within a sector', async () => {
    expect(store.moveBy(1, 1)).toBe(true)
    expect(store.ordered.map((p) => p.id)).toEqual([2, 1, 3])
    expect(store.moveBy(1, 1)).toBe(false) // last of its sector: stays
    await settle()
    expect(backEnd.titles()).toEqual(['xây trường nội trú', 'gom điểm trường', 'quản lý xăng dầu'])
  })

  it('moves a dragged proposal into the target sector', async () => {
    store.move(3, 1, 'before')
    await settle()
    expect(backEnd.titles()).toEqual(['quản lý xăng dầu', 'gom điểm trường', 'xây trường nội trú'])
    expect(backEnd.rows[2]!.sector).toBe('edu')
  })

  it('creates after a given proposal and keeps it visible through the filters', async () => {
    store.statusFilter = ['accepted']
    store.sectorFilter = 'trade'
    const created = await store.create({ sector: 'edu', afterId: 1, title: 'mới' })
    expect(created).not.toBeNull()
    expect(store.ordered.map((p) => p.title)).toEqual(['gom điểm trường', 'mới', 'xây trường nội trú', 'quản lý xăng dầu'])
    expect(store.filtersActive).toBe(false)
    await settle()
    expect(backEnd.titles()[1]).toBe('mới')
  })
})

describe('proposals store with another window', () => {
  let backEnd: FakeBackEnd
  let store: ReturnType<typeof useProposalsStore>

  beforeEach(async () => {
    setActivePinia(createPinia())
    backEnd = new FakeBackEnd([['gom điểm trường', 'edu'], ['xây trường nội trú', 'edu']])
    useWorkbenchApi(backEnd.api())
    store = useProposalsStore()
    await store.load(1)
  })

  /** What another window does: a write straight to the back end. */
  const elsewhere = (id: number, patch: Partial<Proposal>) => {
    const row = backEnd.rows.find((r) => r.id === id)!
    Object.assign(row, patch, { version: row.version + 1 })
  }

  it('names the version each edit was made on, chaining its own saves', async () => {
    await Promise.all([store.update(1, { title: 'g' }), store.update(1, { title: 'go' }), store.update(1, { title: 'gom' })])
    expect(backEnd.rows[0]).toMatchObject({ title: 'gom', version: 4 })
    expect(useConflictsStore().items).toEqual([])
  })

  it('shows a conflicting edit with both values and re-applies it on request', async () => {
    elsewhere(1, { title: 'bản của cửa sổ kia' })
    await store.update(1, { title: 'bản của tôi' })
    expect(store.find(1)).toMatchObject({ title: 'bản của cửa sổ kia', version: 2 })
    const [conflict] = useConflictsStore().items
    expect(conflict).toMatchObject({ domain: 'proposals', fields: [{ label: 'proposal.title', mine: 'bản của tôi', theirs: 'bản của cửa sổ kia' }] })
    expect(useNotificationsStore().notices).toEqual([])
    await useConflictsStore().reapply(conflict!.key)
    expect(backEnd.rows[0]).toMatchObject({ title: 'bản của tôi', version: 3 })
    expect(store.find(1)!.title).toBe('bản của tôi')
    expect(useConflictsStore().items).toEqual([])
  })

  it('takes in changes from elsewhere on sync, but not over a write under way', async () => {
    elsewhere(1, { status: 'accepted' })
    elsewhere(2, { title: 'đổi ở cửa sổ kia' })
    const pending = store.update(2, { notes: 'ghi chú' })
    await store.sync()
    expect(store.find(1)).toMatchObject({ status: 'accepted', version: 2 })
    expect(store.find(2)!.title).toBe('xây trường nội trú')
    await pending
    expect(useConflictsStore().items).toHaveLength(1)
    expect(store.find(2)).toMatchObject({ title: 'đổi ở cửa sổ kia', notes: '' })
    expect(store.knows([{ id: 1, version: 2 }])).toBe(true)
    expect(store.knows([{ id: 1, version: 3 }])).toBe(false)
  })

  it('undoes an edit after undoing its own delete: the delete and restore were this window’s', async () => {
    await store.update(1, { title: 'của tôi' })
    await store.remove(1)
    await useHistoryStore().undo() // the delete
    await settle()
    await useHistoryStore().undo() // the edit
    await settle()
    expect(backEnd.rows[0]).toMatchObject({ title: 'gom điểm trường', deleted: false, version: 5 })
    expect(useConflictsStore().items).toEqual([])
  })

  it('does not undo over a change made elsewhere since', async () => {
    await store.update(1, { title: 'của tôi' })
    elsewhere(1, { title: 'của cửa sổ kia' })
    await store.sync()
    await useHistoryStore().undo()
    expect(backEnd.rows[0]!.title).toBe('của cửa sổ kia')
    expect(useConflictsStore().items[0]!.fields[0]).toMatchObject({ mine: 'gom điểm trường', theirs: 'của cửa sổ kia' })
  })
})

describe('conflict values', () => {
  it('are shown as the app shows them: dates dd/mm/yyyy, times 24-hour, tags joined', () => {
    expect(shownValue('2026-05-01')).toBe('01/05/2026')
    expect(shownValue('2022-05-26T14:30')).toBe('26/05/2022 14:30')
    expect(shownValue(['đất đai', 'rừng'])).toBe('đất đai, rừng')
    expect(shownValue({ name: 'Nguyễn Văn A', post: 'Chủ tịch' })).toBe('Nguyễn Văn A, Chủ tịch')
    expect(shownValue(null)).toBe('')
    expect(shownValue(true)).toBe('true')
  })
})
