// The meetings store over a real workbench on a temp dir (through the same dispatcher the
// shells use): what it shows follows what was stored, a decision's status reaches the
// checklist store, and a refused write changes nothing and says why.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildBridge, unwrapBridge, type Args, type Method, type Result } from '../../src/core/contract'
import { useWorkbenchApi } from '../../src/renderer/api'
import { useHistoryStore } from '../../src/renderer/stores/history'
import { useMeetingsStore } from '../../src/renderer/stores/meetings'
import { useNotificationsStore } from '../../src/renderer/stores/notifications'
import { useProposalsStore } from '../../src/renderer/stores/proposals'
import type { RpcReply } from '../../src/core/errors'

// A real workbench (temp dir, real SQLite). The back end belongs to the node project, so it is
// loaded by path at run time: this file's typecheck sees only the contract types.
interface RealBackEnd {
  reply(method: Method, args: unknown): Promise<RpcReply<unknown>>
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>
  close(): Promise<void>
}

interface NodeSide {
  dispatch(handlers: unknown, method: string, args: unknown): Promise<RpcReply<unknown>>
  openTestWorkbench(dataDir: string): { handlers: unknown; close(): Promise<void> }
  makeTempDir(): string
  removeDir(dir: string): void
}

const load = (path: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path)

async function openRealBackEnd(): Promise<RealBackEnd> {
  const node = (await load(new URL('./helpers/renderer-backend-node.ts', import.meta.url).href)) as unknown as NodeSide
  const dir = node.makeTempDir()
  const wb = node.openTestWorkbench(dir)
  const reply = (method: Method, args: unknown) => node.dispatch(wb.handlers, method, args)
  return {
    reply,
    async call(method, args) {
      const r = await reply(method, args)
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`)
      return r.value as never
    },
    async close() {
      await wb.close()
      node.removeDir(dir)
    },
  }
}

let wb: RealBackEnd

beforeEach(async () => {
  wb = await openRealBackEnd()
  useWorkbenchApi(unwrapBridge(buildBridge((method, args) => wb.reply(method, args))))
  setActivePinia(createPinia())
})
afterEach(async () => {
  await wb.close()
})

describe('meetings store', () => {
  it('lists the sample meeting and creates, fills and deletes a meeting', async () => {
    const meetings = useMeetingsStore()
    await meetings.load(1)
    expect(meetings.summaries.map((m) => m.title).join()).toMatch(/Kỳ Sơn/)
    const before = meetings.summaries.length

    await meetings.create('Họp rà soát tháng 6')
    const id = meetings.current!.id
    await meetings.update({ place: 'Trụ sở UBND huyện', startedAt: '2022-06-15T08:30' })
    expect(await meetings.addAttendee({ name: 'Lê Thị Hồng Nhung', post: 'Giám đốc', organisation: 'Sở Công Thương' })).toBe(true)
    const stored = await wb.call('meetings.get', { id })
    expect(stored.place).toBe('Trụ sở UBND huyện')
    expect(stored.startedAt).toBe('2022-06-15T08:30')
    expect(stored.attendees.map((a) => a.name)).toEqual(['Lê Thị Hồng Nhung'])
    expect(meetings.summaries.find((m) => m.id === id)?.place).toBe('Trụ sở UBND huyện')

    await meetings.remove(id)
    expect(meetings.current).toBeNull()
    expect(meetings.summaries).toHaveLength(before)
    expect((await wb.call('meetings.list', { reportId: 1 })).map((m) => m.id)).not.toContain(id)
  })

  it('runs an agenda item and shows a decision’s status in the checklist', async () => {
    const proposals = useProposalsStore()
    await proposals.load(1)
    const meetings = useMeetingsStore()
    await meetings.load(1)
    await meetings.create('Họp chuyên đề')
    const [first, second] = proposals.ordered
    await meetings.setAgenda([second!.id, first!.id])
    expect(meetings.agendaProposals.map((a) => a.proposal?.id)).toEqual([second!.id, first!.id])

    const item = meetings.current!.agenda[0]!
    await meetings.startItem(item.id)
    expect(meetings.current!.agenda[0]!.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(await meetings.addEntry({ agendaItemId: item.id, kind: 'decision', text: 'Thống nhất chủ trương', proposalStatus: 'accepted' })).toBe(true)
    expect(proposals.find(second!.id)?.status).toBe('accepted')
    expect((await wb.call('proposals.list', { reportId: 1 })).find((p) => p.id === second!.id)?.status).toBe('accepted')
    await meetings.endItem(item.id)
    expect(meetings.current!.agenda[0]!.endedAt).not.toBeNull()
  })

  it('keeps the stored state and raises a toast when a write is refused', async () => {
    const meetings = useMeetingsStore()
    const notifications = useNotificationsStore()
    await meetings.load(1)
    await meetings.create('Họp kiểm tra')
    const ok = await meetings.addAttendee({ name: ' ', post: '', organisation: '' })
    expect(ok).toBe(false)
    expect(meetings.current!.attendees).toEqual([])
    expect(notifications.notices.at(-1)).toMatchObject({ tone: 'error', message: { key: 'meetingFailures.save' }, error: { code: 'bad_request' } })
    expect((await wb.call('meetings.get', { id: meetings.current!.id })).attendees).toEqual([])
  })

  it('times an item when something is recorded under it, not when meeting mode passes it', async () => {
    const proposals = useProposalsStore()
    await proposals.load(1)
    const meetings = useMeetingsStore()
    await meetings.load(1)
    await meetings.create('Họp trực tiếp')
    await meetings.setAgenda(proposals.ordered.slice(0, 3).map((p) => p.id))
    await meetings.begin()
    expect(meetings.panel).toBe('run')
    expect(meetings.current!.startedAt).not.toBeNull()
    const [a, b, c] = meetings.current!.agenda
    meetings.setCurrentItem(a!.id)
    meetings.setCurrentItem(b!.id)
    meetings.setCurrentItem(c!.id)
    expect(await meetings.addEntry({ agendaItemId: c!.id, kind: 'discussion', text: 'Ý kiến về mục ba' })).toBe(true)
    expect(meetings.current!.agenda.map((i) => i.startedAt !== null)).toEqual([false, false, true])
    expect(await meetings.finish()).toBe(true)
    const stored = await wb.call('meetings.get', { id: meetings.current!.id })
    expect(stored.currentItemId).toBe(c!.id)
    expect(stored.endedAt).not.toBeNull()
    expect(stored.agenda[2]!.endedAt).not.toBeNull()
  })

  it('undoes the removal of an entry and of an attendee, from the toast or the history', async () => {
    const meetings = useMeetingsStore()
    const notifications = useNotificationsStore()
    const history = useHistoryStore()
    await meetings.load(1)
    await meetings.create('Họp có hoàn tác')
    await meetings.addEntry({ agendaItemId: null, kind: 'discussion', text: 'Ý kiến chung' })
    const entryId = meetings.current!.entries[0]!.id
    await meetings.removeEntry(entryId)
    expect(meetings.current!.entries).toEqual([])
    const toast = notifications.notices.at(-1)!
    expect(toast.message.key).toBe('entryEdit.removed')
    toast.action!.run()
    await expect.poll(() => meetings.current!.entries.map((e) => e.id)).toEqual([entryId])
    expect((await wb.call('meetings.get', { id: meetings.current!.id })).entries.map((e) => e.id)).toEqual([entryId])

    await meetings.addAttendee({ name: 'Vi Văn Sơn', post: 'Phó Chủ tịch', organisation: '' })
    const attendeeId = meetings.current!.attendees[0]!.id
    await meetings.removeAttendee(attendeeId)
    expect(meetings.current!.attendees).toEqual([])
    await history.undo()
    expect(meetings.current!.attendees.map((x) => x.name)).toEqual(['Vi Văn Sơn'])
    await history.redo()
    expect(meetings.current!.attendees).toEqual([])
  })

  it('edits an entry and takes the edit back with undo', async () => {
    const meetings = useMeetingsStore()
    const history = useHistoryStore()
    await meetings.load(1)
    await meetings.create('Họp sửa ý kiến')
    await meetings.addEntry({ agendaItemId: null, kind: 'discussion', text: 'Ghi nhầm', speaker: '' })
    const id = meetings.current!.entries[0]!.id
    expect(await meetings.updateEntry(id, { text: 'Ghi đúng', speaker: 'Sở Tài chính', kind: 'decision' })).toBe(true)
    expect((await wb.call('meetings.get', { id: meetings.current!.id })).entries[0]).toMatchObject({ text: 'Ghi đúng', speaker: 'Sở Tài chính', kind: 'decision' })
    await history.undo()
    expect(meetings.current!.entries[0]).toMatchObject({ text: 'Ghi nhầm', speaker: '', kind: 'discussion' })
  })
})
