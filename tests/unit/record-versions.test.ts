// Record versions and conflicts on a real SQLite file: every write of a proposal, annotation,
// meeting, attendee or entry moves its version on by one; an edit that names an outdated
// version is refused as `conflict` with the record as it is now, and changes nothing.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { httpStatus } from '../../src/backend/rpc'
import type { Workbench } from '../../src/backend/workbench'
import { migrateAcross } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let wb: Workbench | null = null
afterEach(async () => {
  await wb?.close()
  wb = null
})

describe('record versions', () => {
  it('grow by one on every write of a proposal, and not on a reorder', async () => {
    wb = openTestWorkbench(tempDir())
    const [first, second] = await callOk(wb, 'proposals.list', { reportId: 1 })
    expect(first!.version).toBe(1)
    const a = await callOk(wb, 'proposals.update', { id: first!.id, patch: { title: 'Gom điểm trường lẻ' } })
    expect(a.version).toBe(2)
    const b = await callOk(wb, 'proposals.update', { id: first!.id, patch: { status: 'accepted' }, expectedVersion: 2 })
    expect(b.version).toBe(3)
    const ids = (await callOk(wb, 'proposals.list', { reportId: 1 })).map((p) => p.id)
    await callOk(wb, 'proposals.reorder', { reportId: 1, orderedIds: [second!.id, first!.id, ...ids.slice(2)] })
    expect((await callOk(wb, 'proposals.list', { reportId: 1 })).find((p) => p.id === first!.id)!.version).toBe(3)
    await callOk(wb, 'proposals.delete', { id: first!.id })
    expect((await callOk(wb, 'proposals.restore', { id: first!.id })).version).toBe(5)
  })

  it('refuses a stale proposal edit as a 409 conflict carrying the current record, and writes nothing', async () => {
    wb = openTestWorkbench(tempDir())
    const [p] = await callOk(wb, 'proposals.list', { reportId: 1 })
    const theirs = await callOk(wb, 'proposals.update', { id: p!.id, patch: { title: 'Bản của cửa sổ kia' }, expectedVersion: 1 })
    const error = await callError(wb, 'proposals.update', { id: p!.id, patch: { title: 'Bản của tôi' }, expectedVersion: 1 })
    expect(error.code).toBe('conflict')
    expect(httpStatus(error.code)).toBe(409)
    expect(error.current).toEqual(theirs)
    const stored = (await callOk(wb, 'proposals.list', { reportId: 1 })).find((x) => x.id === p!.id)!
    expect(stored.title).toBe('Bản của cửa sổ kia')
    expect(stored.version).toBe(2)
    // Without expectedVersion (other tools), the edit applies as before.
    expect((await callOk(wb, 'proposals.update', { id: p!.id, patch: { title: 'Công cụ khác' } })).version).toBe(3)
  })

  it('counts and checks annotations, meetings, attendees and entries', async () => {
    wb = openTestWorkbench(tempDir())
    const note = await callOk(wb, 'annotations.create', { reportId: 1, start: 0, end: 10, body: 'Một' })
    expect(note.version).toBe(1)
    const edited = await callOk(wb, 'annotations.update', { id: note.id, patch: { body: 'Hai' }, expectedVersion: 1 })
    expect(edited.version).toBe(2)
    expect((await callOk(wb, 'annotations.update', { id: note.id, patch: { tags: ['đất đai'] } })).version).toBe(3)
    const stale = await callError(wb, 'annotations.update', { id: note.id, patch: { body: 'Ba' }, expectedVersion: 2 })
    expect(stale.code).toBe('conflict')
    expect(stale.current).toMatchObject({ id: note.id, body: 'Hai', tags: ['đất đai'], version: 3 })

    const meeting = await callOk(wb, 'meetings.create', { reportId: 1, title: 'Họp tháng 6' })
    expect(meeting.version).toBe(1)
    expect((await callOk(wb, 'meetings.update', { id: meeting.id, patch: { place: 'Hội trường' }, expectedVersion: 1 })).version).toBe(2)
    const staleMeeting = await callError(wb, 'meetings.update', { id: meeting.id, patch: { place: 'Phòng họp' }, expectedVersion: 1 })
    expect(staleMeeting.code).toBe('conflict')
    expect(staleMeeting.current).toMatchObject({ id: meeting.id, place: 'Hội trường', version: 2 })

    const person = await callOk(wb, 'meetings.addAttendee', { meetingId: meeting.id, attendee: { name: 'Lê Văn An', post: '', organisation: '' } })
    const renamed = await callOk(wb, 'meetings.updateAttendee', { id: person.id, attendee: { name: 'Lê Văn Ân', post: '', organisation: '' }, expectedVersion: 1 })
    expect(renamed.version).toBe(2)
    expect((await callError(wb, 'meetings.updateAttendee', { id: person.id, attendee: { name: 'X', post: '', organisation: '' }, expectedVersion: 1 })).current).toEqual(renamed)

    const { entry } = await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, kind: 'discussion', text: 'Ý kiến đầu' })
    const changed = await callOk(wb, 'meetings.updateEntry', { id: entry.id, patch: { text: 'Ý kiến sửa' }, expectedVersion: 1 })
    expect(changed.entry.version).toBe(2)
    const staleEntry = await callError(wb, 'meetings.updateEntry', { id: entry.id, patch: { text: 'Cũ' }, expectedVersion: 1 })
    expect(staleEntry.code).toBe('conflict')
    expect(staleEntry.current).toEqual(changed.entry)
  })

  it('are added by migration 0070 to rows written before it, starting at 1 and counting from there', () => {
    const at = '2022-05-26T01:00:00.000Z'
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 70, (d) => {
      d.prepare("INSERT INTO reports (id, title, text, raw_text, imported_at) VALUES (1, 'Báo cáo', 'văn bản', 'văn bản', ?)").run(at)
      d.prepare("INSERT INTO proposals (id, report_id, sector, title, sort_order, created_at, updated_at) VALUES (7, 1, 'health', 'Trạm y tế', 0, ?, ?)").run(at, at)
      d.prepare("INSERT INTO meetings (id, report_id, title, created_at, updated_at) VALUES (3, 1, 'Họp', ?, ?)").run(at, at)
      d.prepare("INSERT INTO minute_entries (id, meeting_id, kind, text, sort_order, created_at, updated_at) VALUES (5, 3, 'discussion', 'Ý kiến', 0, ?, ?)").run(at, at)
      d.prepare("INSERT INTO meeting_attendees (id, meeting_id, name, sort_order) VALUES (9, 3, 'Lê Văn An', 0)").run()
    })
    try {
      expect(db.prepare('SELECT title, version FROM proposals').get()).toEqual({ title: 'Trạm y tế', version: 1 })
      expect(db.prepare('SELECT title, version FROM meetings').get()).toEqual({ title: 'Họp', version: 1 })
      expect(db.prepare('SELECT text, version FROM minute_entries').get()).toEqual({ text: 'Ý kiến', version: 1 })
      expect(db.prepare('SELECT name, version FROM meeting_attendees').get()).toEqual({ name: 'Lê Văn An', version: 1 })
      db.prepare("UPDATE proposals SET title = 'Trạm y tế xã' WHERE id = 7").run()
      db.prepare('UPDATE proposals SET sort_order = 4 WHERE id = 7').run()
      expect(db.prepare('SELECT version FROM proposals').get()).toEqual({ version: 2 })
      db.prepare("UPDATE minute_entries SET text = 'Ý kiến khác' WHERE id = 5").run()
      expect(db.prepare('SELECT version FROM minute_entries').get()).toEqual({ version: 2 })
      expect(() => db.prepare('UPDATE proposals SET version = 0 WHERE id = 7').run()).toThrow(/CHECK/)
    } finally {
      db.close()
    }
  })
})
