// The suggestions store against a fake back end (the API boundary, not our storage): accepting
// creates a proposal quoting the passage, dismissing hides until undone, stale answers are dropped.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Args, WorkbenchApi } from '../../src/core/contract'
import type { Proposal } from '../../src/core/domain'
import { WorkbenchError } from '../../src/core/errors'
import { useWorkbenchApi } from '../../src/renderer/api'
import { useNotificationsStore } from '../../src/renderer/stores/notifications'
import { useProposalsStore } from '../../src/renderer/stores/proposals'
import { useSuggestionsStore, type Suggestion } from '../../src/renderer/stores/suggestions'

const suggestion = (start: number, end: number, title: string): Suggestion => ({
  key: `${start}-${end}`,
  title,
  sector: 'agriculture',
  quote: title.toLowerCase(),
  start,
  end,
  confidence: 0.8,
  owner: null,
  partners: null,
  dueDate: null,
  section: null,
})

class FakeBackEnd {
  suggestions = new Map<number, Suggestion[]>([
    [1, [suggestion(0, 20, 'Phát triển cây ăn quả'), suggestion(30, 60, 'Xây dựng chiến lược đào tạo nghề')]],
    [2, [suggestion(5, 15, 'Nâng cao thu nhập')]],
  ])
  created: Args<'proposals.create'>[] = []
  delays = new Map<number, number>()
  failCreate = false

  api(): WorkbenchApi {
    const proposals = {
      list: async () => [],
      suggest: async ({ reportId }: { reportId: number }) => {
        await new Promise((r) => setTimeout(r, this.delays.get(reportId) ?? 1))
        return this.suggestions.get(reportId) ?? []
      },
      create: async (a: Args<'proposals.create'>): Promise<Proposal> => {
        if (this.failCreate) throw new WorkbenchError('bad_request', 'refused')
        this.created.push(a)
        return {
          id: this.created.length, reportId: a.reportId, sector: a.sector, title: a.title ?? '', detail: '',
          status: 'proposed', owner: '', dueDate: null, priority: 'normal', notes: '', sortOrder: 0,
          source: a.source ?? null, createdAt: '', updatedAt: '', version: 1,
        }
      },
    }
    return { proposals } as unknown as WorkbenchApi
  }
}

describe('useSuggestionsStore', () => {
  let backEnd: FakeBackEnd
  let store: ReturnType<typeof useSuggestionsStore>

  beforeEach(async () => {
    setActivePinia(createPinia())
    backEnd = new FakeBackEnd()
    useWorkbenchApi(backEnd.api())
    await useProposalsStore().load(1)
    store = useSuggestionsStore()
    await store.load(1)
  })

  it('accepts a suggestion as a proposal quoting its passage, and drops it from the list', async () => {
    const [first] = store.visible
    const created = await store.accept(first!)
    expect(backEnd.created).toEqual([
      { reportId: 1, title: 'Phát triển cây ăn quả', sector: 'agriculture', source: { start: 0, end: 20, exact: 'phát triển cây ăn quả' } },
    ])
    expect(created?.source).toEqual({ start: 0, end: 20, exact: 'phát triển cây ăn quả' })
    expect(useProposalsStore().items.map((p) => p.title)).toEqual(['Phát triển cây ăn quả'])
    expect(store.visible.map((s) => s.key)).toEqual(['30-60'])
  })

  it('fills the responsible body, deadline and partners of the proposal from the suggestion', async () => {
    const s = { ...store.visible[1]!, owner: 'Sở Lao động - Thương binh và Xã hội', partners: 'UBND các huyện', dueDate: '2022-09-30' }
    await store.accept(s)
    expect(backEnd.created.at(-1)).toMatchObject({
      title: 'Xây dựng chiến lược đào tạo nghề',
      owner: 'Sở Lao động - Thương binh và Xã hội',
      dueDate: '2022-09-30',
      detail: 'Phối hợp: UBND các huyện',
    })
  })

  it('keeps a suggestion whose proposal was refused', async () => {
    backEnd.failCreate = true
    expect(await store.accept(store.visible[0]!)).toBeNull()
    expect(store.visible).toHaveLength(2)
    expect(useNotificationsStore().notices.at(-1)).toMatchObject({ tone: 'error', message: { key: 'failures.create' } })
  })

  it('hides a dismissed suggestion for this report only, until undone', async () => {
    store.dismiss(store.visible[0]!)
    expect(store.visible.map((s) => s.key)).toEqual(['30-60'])
    await store.load(1)
    expect(store.visible.map((s) => s.key)).toEqual(['30-60'])
    const notice = useNotificationsStore().notices.at(-1)!
    expect(notice.action?.label.key).toBe('proposal.undo')
    notice.action!.run()
    expect(store.visible.map((s) => s.key)).toEqual(['0-20', '30-60'])
  })

  it('keeps only the answer for the report asked for last', async () => {
    backEnd.delays.set(1, 40)
    const slow = store.load(1)
    const fast = store.load(2)
    await Promise.all([slow, fast])
    expect(store.reportId).toBe(2)
    expect(store.visible.map((s) => s.title)).toEqual(['Nâng cao thu nhập'])
  })
})
