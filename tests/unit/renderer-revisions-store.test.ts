// The revision and report-management stores over a real workbench: a previewed revision changes
// nothing until confirmed, a confirmed one is one step of the undo history (undo, redo), and
// deleting the open report opens its neighbour or the empty state; a restore brings it back.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useHistoryStore } from '../../src/renderer/stores/history'
import { useReportAdminStore } from '../../src/renderer/stores/reportAdmin'
import { useReportStore } from '../../src/renderer/stores/report'
import { useRevisionsStore } from '../../src/renderer/stores/revisions'
import { useSettingsStore } from '../../src/renderer/stores/settings'
import { buildBridge, unwrapBridge, type Args, type Method, type Result } from '../../src/core/contract'
import type { RpcReply } from '../../src/core/errors'
import { useWorkbenchApi } from '../../src/renderer/api'

// A real workbench (temp dir, real SQLite), loaded by path so this file's typecheck sees only the contract.
interface RealBackEnd {
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

/** Opens a real workbench and points the renderer's api module at it. */
async function useRealBackEnd(): Promise<RealBackEnd> {
  const node = (await load(new URL('./helpers/renderer-backend-node.ts', import.meta.url).href)) as unknown as NodeSide
  const dir = node.makeTempDir()
  const wb = node.openTestWorkbench(dir)
  const reply = (method: Method, args: unknown) => node.dispatch(wb.handlers, method, args)
  useWorkbenchApi(unwrapBridge(buildBridge((method, args) => reply(method, args))))
  return {
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

const OPENING = 'Đoạn mở đầu mới được bổ sung trong bản sửa đổi của báo cáo.'
let wb: RealBackEnd

beforeEach(async () => {
  wb = await useRealBackEnd()
  setActivePinia(createPinia())
  await useSettingsStore().hydrate()
  const report = useReportStore()
  await report.hydrate()
  await report.open(report.summaries[0]!.id)
})
afterEach(async () => {
  await wb.close()
})

describe('revisions store', () => {
  it('previews without writing, applies on confirmation, and undoes and redoes as one history step', async () => {
    const report = useReportStore()
    const revisions = useRevisionsStore()
    const history = useHistoryStore()
    const id = report.current!.id
    const original = report.current!.text

    expect(await revisions.ask({ kind: 'text', text: `${OPENING}\n\n${original}`, fileName: 'sua.txt' })).toBe(true)
    expect(revisions.preview!.paragraphs.stats).toMatchObject({ added: 1, removed: 0, changed: 0 })
    expect((await wb.call('reports.revisions', { reportId: id })).length).toBe(1)
    revisions.cancel()
    expect(revisions.pending).toBeNull()
    expect(history.canUndo()).toBe(false)

    await revisions.ask({ kind: 'text', text: `${OPENING}\n\n${original}`, fileName: 'sua.txt' })
    expect(await revisions.confirm()).toBe(true)
    expect(report.current!.text.startsWith(OPENING)).toBe(true)
    expect(history.canUndo()).toBe(true)

    await history.undo()
    expect(report.current!.text).toBe(original)
    expect((await wb.call('reports.get', { id })).text).toBe(original)
    expect((await wb.call('reports.revisions', { reportId: id })).length).toBe(1)

    await history.redo()
    expect(report.current!.text.startsWith(OPENING)).toBe(true)
    expect((await wb.call('reports.revisions', { reportId: id })).map((r) => r.fileName)).toEqual(['', 'sua.txt'])
  })
})

describe('report admin store', () => {
  it('opens the neighbour when the open report is deleted, the empty state after the last, and restores', async () => {
    const report = useReportStore()
    const admin = useReportAdminStore()
    const sample = report.current!.id
    const other = await wb.call('reports.import', { title: 'Báo cáo huyện Con Cuông', text: 'Đoạn một.\n\nĐoạn hai.' })
    await report.hydrate()
    await report.open(other.id)

    await admin.remove(other.id)
    expect(report.current!.id).toBe(sample)
    expect(report.summaries.map((r) => r.id)).toEqual([sample])
    expect(admin.trash.map((r) => r.id)).toEqual([other.id])

    await admin.remove(sample)
    expect(report.current).toBeNull()
    expect(useSettingsStore().settings.currentReportId).toBeNull()

    await admin.restore(other.id)
    expect(report.current!.id).toBe(other.id)
    expect(admin.trash.map((r) => r.id)).toEqual([sample])
    expect(await admin.emptyTrash()).toBe(1)
    expect(admin.trash).toEqual([])

    const renamed = await admin.rename(other.id, { title: 'Báo cáo 6 tháng huyện Con Cuông', date: '2022-07-15' })
    expect(report.current).toMatchObject({ title: renamed!.title, date: '2022-07-15' })
  })
})
