// Two windows' stores over one real workbench (temp dir, real SQLite), each fed the back end's
// change events as a shell would: what one saves shows in the other, a save made on an
// outdated copy becomes a conflict that keeps both values and can be re-applied, and events
// for another report or already shown cost no re-read.
import { createPinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../src/core/changes'
import { buildBridge, unwrapBridge, type Args, type Method, type Result } from '../../src/core/contract'
import type { RpcReply } from '../../src/core/errors'
import { useWorkbenchApi } from '../../src/renderer/api'
import { useConflictsStore } from '../../src/renderer/stores/conflicts'
import { useLiveStore } from '../../src/renderer/stores/live'
import { useMeetingsStore } from '../../src/renderer/stores/meetings'
import { useProposalsStore } from '../../src/renderer/stores/proposals'
import { useReportStore } from '../../src/renderer/stores/report'
import { useSettingsStore } from '../../src/renderer/stores/settings'

interface NodeSide {
  dispatch(handlers: unknown, method: string, args: unknown): Promise<RpcReply<unknown>>
  openTestWorkbench(dataDir: string): { handlers: unknown; onChange(l: (e: ChangeEvent) => void): () => void; close(): Promise<void> }
  makeTempDir(): string
  removeDir(dir: string): void
}

const load = (path: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path)

let node: NodeSide
let dir: string
let wb: ReturnType<NodeSide['openTestWorkbench']>
const calls: string[] = []

async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const r = await node.dispatch(wb.handlers, method, args)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as Result<M>
}

/** One window: its own stores, fed the back end's events. */
async function openWindow() {
  const pinia: Pinia = createPinia()
  const settings = useSettingsStore(pinia)
  await settings.hydrate()
  const report = useReportStore(pinia)
  await report.open(1)
  const proposals = useProposalsStore(pinia)
  await proposals.load(1)
  const meetings = useMeetingsStore(pinia)
  await meetings.load(1)
  useLiveStore(pinia).start(({ onChange }) => wb.onChange(onChange))
  return { proposals, meetings, conflicts: useConflictsStore(pinia) }
}

const settle = () => new Promise((r) => setTimeout(r, 150))

beforeEach(async () => {
  node = (await load(new URL('./helpers/renderer-backend-node.ts', import.meta.url).href)) as unknown as NodeSide
  dir = node.makeTempDir()
  wb = node.openTestWorkbench(dir)
  calls.length = 0
  useWorkbenchApi(
    unwrapBridge(
      buildBridge((method, args) => {
        calls.push(method)
        return node.dispatch(wb.handlers, method, args)
      }),
    ),
  )
}, 30_000)
afterEach(async () => {
  await wb.close()
  node.removeDir(dir)
})

describe('live windows', () => {
  it('shows one window’s checklist edits in the other, re-reading once per burst', async () => {
    const a = await openWindow()
    const b = await openWindow()
    const [first, second] = a.proposals.ordered
    calls.length = 0
    await Promise.all([
      a.proposals.update(first!.id, { title: 'Sửa ở cửa sổ A' }),
      a.proposals.update(second!.id, { status: 'accepted' }),
    ])
    await settle()
    expect(b.proposals.find(first!.id)).toMatchObject({ title: 'Sửa ở cửa sổ A', version: 2 })
    expect(b.proposals.find(second!.id)).toMatchObject({ status: 'accepted', version: 2 })
    // B re-read once for both saves; A already showed its own answers and re-read nothing.
    expect(calls.filter((m) => m === 'proposals.list')).toHaveLength(1)
  })

  it('ignores changes to another report', async () => {
    const a = await openWindow()
    await openWindow()
    const other = await call('reports.import', { text: 'Báo cáo khác.\n\nĐề nghị tỉnh hỗ trợ kinh phí làm đường.' })
    await settle()
    calls.length = 0
    await call('proposals.create', { reportId: other.id, title: 'Đề xuất của báo cáo khác', sector: 'finance' })
    await settle()
    expect(calls).toEqual([])
    expect(a.proposals.items.some((p) => p.reportId === other.id)).toBe(false)
  })

  it('turns a meeting edit made on an outdated copy into a conflict that can be re-applied', async () => {
    const a = await openWindow()
    const b = await openWindow()
    const id = a.meetings.summaries[0]!.id
    await a.meetings.open(id)
    await b.meetings.open(id)
    const base = b.meetings.current!.version // B starts typing the place from here
    await a.meetings.update({ place: 'Hội trường A' })
    await settle()
    expect(b.meetings.current!.place).toBe('Hội trường A')
    await b.meetings.update({ place: 'Phòng họp B' }, base)
    expect((await call('meetings.get', { id })).place).toBe('Hội trường A')
    expect(b.meetings.current!.place).toBe('Hội trường A')
    const [conflict] = b.conflicts.items
    expect(conflict!.fields).toEqual([{ label: 'meetings.place', mine: 'Phòng họp B', theirs: 'Hội trường A' }])
    await b.conflicts.reapply(conflict!.key)
    expect((await call('meetings.get', { id })).place).toBe('Phòng họp B')
    await settle()
    expect(a.meetings.current!.place).toBe('Phòng họp B')
    expect(a.conflicts.items).toEqual([])
  })
})
