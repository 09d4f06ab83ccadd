// Nothing typed is lost, on a real workbench (temp dir, real SQLite): the data folder is moved
// away under the running back end, so every write is really refused as `storage_moved`; the
// annotation note, the meeting's place, an attendee, an entry edit, a newly captured entry, an
// agenda item's times and a section of the minutes stay as typed and as local drafts (which a
// fresh window, as after a reload, shows again), and *Lưu lại* stores them once the folder is
// back. Attendee, entry, report-title and minutes-section edits made on an outdated copy in
// another window become conflicts that keep both values and can be re-applied.
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { ref } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../src/core/changes'
import { buildBridge, unwrapBridge, type Args, type Method, type Result } from '../../src/core/contract'
import type { RpcReply } from '../../src/core/errors'
import { useWorkbenchApi } from '../../src/renderer/api'
import { useMinutesPreview } from '../../src/renderer/composables/useMinutesPreview'
import { useAnnotationsStore } from '../../src/renderer/stores/annotations'
import { useConflictsStore } from '../../src/renderer/stores/conflicts'
import { useLiveStore } from '../../src/renderer/stores/live'
import { useMeetingsStore } from '../../src/renderer/stores/meetings'
import { useProposalsStore } from '../../src/renderer/stores/proposals'
import { useReportStore } from '../../src/renderer/stores/report'
import { useReportAdminStore } from '../../src/renderer/stores/reportAdmin'
import { useSettingsStore } from '../../src/renderer/stores/settings'
import { useStorageStore } from '../../src/renderer/stores/storage'

interface NodeSide {
  dispatch(handlers: unknown, method: string, args: unknown): Promise<RpcReply<unknown>>
  openTestWorkbench(dataDir: string): { handlers: unknown; onChange(l: (e: ChangeEvent) => void): () => void; close(): Promise<void> }
  makeTempDir(): string
  removeDir(dir: string): void
  moveDir(from: string, to: string): void
  removeRescued(dataDir: string): void
}

const load = (path: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path)

let node: NodeSide
let dir: string
let wb: ReturnType<NodeSide['openTestWorkbench']>
const listening: (() => void)[] = []

/** The page's localStorage, kept across "reloads" (fresh stores) within one test. */
const kept = new Map<string, string>()
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, String(v)),
    removeItem: (k: string) => void kept.delete(k),
  },
})

async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const r = await node.dispatch(wb.handlers, method, args)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as Result<M>
}

/** One window: its own stores, fed the back end's events. */
async function openWindow() {
  const pinia: Pinia = createPinia()
  await useSettingsStore(pinia).hydrate()
  await useReportStore(pinia).open(1)
  const proposals = useProposalsStore(pinia)
  await proposals.load(1)
  const annotations = useAnnotationsStore(pinia)
  await annotations.load(1)
  const meetings = useMeetingsStore(pinia)
  await meetings.load(1)
  await meetings.open(meetings.summaries[0]!.id)
  useLiveStore(pinia).start(({ onChange }) => {
    const stop = wb.onChange(onChange)
    listening.push(stop)
    return stop
  })
  // The minutes pane of this window, on the sample meeting's biên bản.
  setActivePinia(pinia)
  const minutes = useMinutesPreview(() => meetings.current!.id, ref('bienban' as const))
  await minutes.refresh()
  // prettier-ignore
  return {
    annotations, meetings, minutes, report: useReportStore(pinia), admin: useReportAdminStore(pinia),
    storage: useStorageStore(pinia), conflicts: useConflictsStore(pinia),
  }
}

const settle = () => new Promise((r) => setTimeout(r, 150))

beforeEach(async () => {
  node = (await load(new URL('./helpers/renderer-backend-node.ts', import.meta.url).href)) as unknown as NodeSide
  dir = node.makeTempDir()
  wb = node.openTestWorkbench(dir)
  kept.clear()
  useWorkbenchApi(unwrapBridge(buildBridge((method, args) => node.dispatch(wb.handlers, method, args))))
}, 30_000)
afterEach(async () => {
  for (const stop of listening.splice(0)) stop()
  await settle()
  await wb.close()
  node.removeDir(dir)
  node.removeRescued(dir)
})

describe('local drafts of annotations and meetings', () => {
  it('keeps what the disk refused as typed, across a reload, and stores it with “Lưu lại”', async () => {
    const created = await call('annotations.create', { reportId: 1, start: 0, end: 12, colour: 'yellow' })
    const a = await openWindow()
    const meeting = a.meetings.current!
    const person = meeting.attendees[0]!
    const entry = meeting.entries[0]!
    const item = meeting.agenda[0]!
    const note = 'Đề nghị làm rõ nguồn vốn đối ứng của huyện'
    const place = 'Hội trường tầng 2, UBND huyện Kỳ Sơn'
    const said = 'Đồng ý bổ sung kinh phí, giao Phòng Tài chính tham mưu'
    const captured = 'Ý kiến ghi khi ổ đĩa không lưu được'
    const paragraph = 'Đoạn biên bản sửa khi ổ đĩa không lưu được'
    const sectionKey = a.minutes.preview.value!.sections[0]!.key

    node.moveDir(dir, `${dir}-away`)
    try {
      expect(await a.annotations.update(created.id, { body: note })).toBeNull()
      await a.meetings.update({ place })
      expect(await a.meetings.updateAttendee(person.id, { name: 'Lê Thị Hồng Nhung', post: person.post, organisation: person.organisation })).toBe(false)
      expect(await a.meetings.updateEntry(entry.id, { text: said })).toBe(false)
      expect(await a.meetings.addEntry({ agendaItemId: item.id, kind: 'discussion', speaker: 'Ông Vi Văn Sơn', text: captured })).toBe(false)
      await a.meetings.setItemTimes(item.id, '2022-05-26T08:05', '2022-05-26T08:40')
      await a.minutes.saveSection(sectionKey, paragraph, null)
    } finally {
      node.moveDir(`${dir}-away`, dir)
    }

    // Shown as typed, and the banner's reason and count are there.
    expect(a.storage.problem).toBe('storage_moved')
    expect(a.annotations.items.find((x) => x.id === created.id)!.body).toBe(note)
    expect(a.meetings.current!.place).toBe(place)
    expect(a.meetings.current!.attendees[0]!.name).toBe('Lê Thị Hồng Nhung')
    expect(a.meetings.current!.entries[0]!.text).toBe(said)
    expect(a.meetings.current!.agenda[0]!.startedAt).toBe('2022-05-26T08:05')
    expect(a.storage.pending).toBe(7)
    expect(a.storage.drafts.map((d) => `${d.kind}.${d.field}`).sort()).toEqual(
      [
        'agenda.endedAt', 'agenda.startedAt', 'annotation.body', 'attendee.name', 'attendee.organisation', 'attendee.post',
        'capture.discussion', 'entry.text', 'meeting.place', 'section.text',
      ].sort(),
    )
    // Nothing of it reached the database.
    const stored = await call('meetings.get', { id: meeting.id })
    expect(stored.place).not.toBe(place)
    expect(stored.entries.some((e) => e.text === captured)).toBe(false)

    // A new window (the page reloaded) shows the drafts over the stored values.
    const b = await openWindow()
    expect(b.storage.pending).toBe(7)
    expect(b.annotations.items.find((x) => x.id === created.id)!.body).toBe(note)
    expect(b.meetings.current!.place).toBe(place)
    expect(b.meetings.current!.attendees[0]!.name).toBe('Lê Thị Hồng Nhung')
    expect(b.meetings.current!.entries[0]!.text).toBe(said)
    expect(b.storage.draftValue('capture', item.id, 'discussion')).toMatchObject({ text: captured, speaker: 'Ông Vi Văn Sơn' })
    expect(b.meetings.current!.agenda[0]).toMatchObject({ startedAt: '2022-05-26T08:05', endedAt: '2022-05-26T08:40' })
    expect(b.minutes.preview.value!.sections[0]!.text).toBe(paragraph)

    // The folder is back: "Lưu lại" stores every draft once, and the drafts are gone.
    await b.storage.retryAll()
    expect(b.storage.drafts).toEqual([])
    expect(kept.size).toBe(0)
    const after = await call('meetings.get', { id: meeting.id })
    expect(after.place).toBe(place)
    expect(after.attendees[0]!.name).toBe('Lê Thị Hồng Nhung')
    expect(after.entries.find((e) => e.id === entry.id)!.text).toBe(said)
    expect(after.entries.filter((e) => e.text === captured)).toHaveLength(1)
    expect(after.agenda[0]).toMatchObject({ startedAt: '2022-05-26T08:05', endedAt: '2022-05-26T08:40' })
    const minutes = await call('minutes.preview', { meetingId: meeting.id, kind: 'bienban' })
    expect(minutes.sections[0]).toMatchObject({ key: sectionKey, text: paragraph, edited: true })
    expect((await call('annotations.list', { reportId: 1 })).find((x) => x.id === created.id)!.body).toBe(note)
  })

  it('turns attendee and entry edits made on an outdated copy into conflicts that can be re-applied', async () => {
    const a = await openWindow()
    const b = await openWindow()
    const meetingId = b.meetings.current!.id
    const person = b.meetings.current!.attendees[1]!
    const entry = b.meetings.current!.entries[2]!
    // B starts typing from these versions; meanwhile A changes the same records.
    await a.meetings.updateAttendee(person.id, { ...pick(person), post: 'Phó Chủ tịch UBND huyện (sửa ở A)' })
    await a.meetings.updateEntry(entry.id, { text: 'Nội dung sửa ở cửa sổ A' })
    await settle()
    expect(b.meetings.current!.entries[2]!.text).toBe('Nội dung sửa ở cửa sổ A')

    await b.meetings.updateAttendee(person.id, { ...pick(person), post: 'Trưởng phòng (gõ ở B)' }, person.version)
    expect(await b.meetings.updateEntry(entry.id, { text: 'Nội dung gõ ở B trên bản cũ' }, { baseVersion: entry.version })).toBe(true)
    const stored = await call('meetings.get', { id: meetingId })
    expect(stored.attendees[1]!.post).toBe('Phó Chủ tịch UBND huyện (sửa ở A)')
    expect(stored.entries[2]!.text).toBe('Nội dung sửa ở cửa sổ A')
    // B shows what is stored, and both values in the panel.
    expect(b.meetings.current!.attendees[1]!.post).toBe('Phó Chủ tịch UBND huyện (sửa ở A)')
    expect(b.conflicts.items.map((c) => c.fields)).toEqual([
      [{ label: 'meetings.personPost', mine: 'Trưởng phòng (gõ ở B)', theirs: 'Phó Chủ tịch UBND huyện (sửa ở A)' }],
      [{ label: 'entryEdit.text', mine: 'Nội dung gõ ở B trên bản cũ', theirs: 'Nội dung sửa ở cửa sổ A' }],
    ])
    for (const c of [...b.conflicts.items]) await b.conflicts.reapply(c.key)
    const now = await call('meetings.get', { id: meetingId })
    expect(now.attendees[1]!.post).toBe('Trưởng phòng (gõ ở B)')
    expect(now.entries[2]!.text).toBe('Nội dung gõ ở B trên bản cũ')
    await settle()
    expect(a.meetings.current!.entries[2]!.text).toBe('Nội dung gõ ở B trên bản cũ')

    // Own saves in a row never conflict with themselves.
    const base = b.meetings.current!.entries[2]!.version
    expect(await b.meetings.updateEntry(entry.id, { text: 'một' }, { baseVersion: base })).toBe(true)
    expect(await b.meetings.updateEntry(entry.id, { text: 'một hai' }, { baseVersion: base })).toBe(true)
    expect(b.conflicts.items).toEqual([])
    expect((await call('meetings.get', { id: meetingId })).entries[2]!.text).toBe('một hai')
  })
})

describe('conflicts of a rename and of a minutes section', () => {
  it('shows both values when another window renamed the report or edited the section first, and re-applies', async () => {
    const a = await openWindow()
    const b = await openWindow()
    const shown = b.report.current!.version
    await a.admin.rename(1, { title: 'Tên đặt ở cửa sổ A' }, a.report.current!.version)
    expect(await b.admin.rename(1, { title: 'Tên gõ ở cửa sổ B' }, shown)).toBeNull()
    expect((await call('reports.get', { id: 1 })).title).toBe('Tên đặt ở cửa sổ A')
    expect(b.report.current!.title).toBe('Tên đặt ở cửa sổ A')

    const section = b.minutes.preview.value!.sections.find((s) => !s.edited)!
    await a.minutes.saveSection(section.key, 'Đoạn sửa ở cửa sổ A', null)
    // B types on the generated text it still shows; its own saves in a row do not conflict with each other.
    await b.minutes.saveSection(section.key, 'Đoạn gõ ở B', null)
    expect(b.conflicts.items.map((c) => [c.domain, c.fields])).toEqual([
      ['reports', [{ label: 'manage.title', mine: 'Tên gõ ở cửa sổ B', theirs: 'Tên đặt ở cửa sổ A' }]],
      ['minutes', [{ label: 'entryEdit.text', mine: 'Đoạn gõ ở B', theirs: 'Đoạn sửa ở cửa sổ A' }]],
    ])
    expect(b.minutes.preview.value!.sections.find((s) => s.key === section.key)!.text).toBe('Đoạn sửa ở cửa sổ A')
    for (const c of [...b.conflicts.items]) await b.conflicts.reapply(c.key)
    expect((await call('reports.get', { id: 1 })).title).toBe('Tên gõ ở cửa sổ B')
    const stored = await call('minutes.preview', { meetingId: b.meetings.current!.id, kind: 'bienban' })
    expect(stored.sections.find((s) => s.key === section.key)!.text).toBe('Đoạn gõ ở B')
    // Typing on: saves chained on B's own, no conflict.
    await b.minutes.saveSection(section.key, 'Đoạn gõ ở B, thêm', 'Đoạn sửa ở cửa sổ A')
    expect(b.conflicts.items).toEqual([])
  })
})

function pick(a: { name: string; post: string; organisation: string }) {
  return { name: a.name, post: a.post, organisation: a.organisation }
}
