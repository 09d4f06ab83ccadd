// Versions beyond the records of migration 0070, on a real SQLite file: a report's title, date and
// source carry a version (migration 0090) that `reports.update` checks, and a section of the
// minutes names the edit it was made on (`expectedEdit`), so a rename or a section edit made on an
// outdated copy is refused as `conflict` with the current state and writes nothing; with the data
// folder moved away both are refused as `storage_moved` and the stored data stays as it was.
import { renameSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { httpStatus } from '../../src/backend/rpc'
import type { Workbench } from '../../src/backend/workbench'
import type { MinutesPreview } from '../../src/core/meeting-domain'
import { migrateAcross } from './helpers/migrations'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs('workbench-versions-')
let wb: Workbench | null = null
afterEach(async () => {
  await wb?.close()
  wb = null
})

describe('report versions', () => {
  it('grow with each rename, and a stale rename is a 409 conflict carrying the report as stored', async () => {
    wb = openTestWorkbench(tempDir())
    const [report] = await callOk(wb, 'reports.list', {})
    expect(report!.version).toBe(1)
    const theirs = await callOk(wb, 'reports.update', { id: report!.id, patch: { title: 'Báo cáo đổi tên ở cửa sổ kia' }, expectedVersion: 1 })
    expect(theirs.version).toBe(2)
    const error = await callError(wb, 'reports.update', { id: report!.id, patch: { title: 'Tên tôi gõ', date: '2022-06-01' }, expectedVersion: 1 })
    expect(error.code).toBe('conflict')
    expect(httpStatus(error.code)).toBe(409)
    expect(error.current).toEqual(theirs)
    expect((await callOk(wb, 'reports.get', { id: report!.id })).title).toBe('Báo cáo đổi tên ở cửa sổ kia')
    // Re-applied on the current version, and without a version (other tools) as before.
    expect((await callOk(wb, 'reports.update', { id: report!.id, patch: { date: '2022-06-01' }, expectedVersion: 2 })).version).toBe(3)
    expect((await callOk(wb, 'reports.update', { id: report!.id, patch: { title: 'Công cụ khác' } })).version).toBe(4)
    // A revision of the text is not a rename: the version stays.
    await callOk(wb, 'reports.revise', { reportId: report!.id, text: 'Văn bản sửa lại của báo cáo.\n\nĐề nghị tỉnh hỗ trợ kinh phí.' })
    expect((await callOk(wb, 'reports.get', { id: report!.id })).version).toBe(4)
  })

  it('are added by migration 0090 to reports written before it, starting at 1', () => {
    const db = migrateAcross(join(tempDir(), 'db.sqlite'), 90, (d) => {
      d.prepare("INSERT INTO reports (id, title, date, text, raw_text, imported_at) VALUES (4, 'Báo cáo quý II', '2022-06', 'văn bản', 'văn bản', '2022-07-01T00:00:00.000Z')").run()
    })
    try {
      expect(db.prepare('SELECT title, date, version FROM reports').get()).toEqual({ title: 'Báo cáo quý II', date: '2022-06', version: 1 })
      db.prepare("UPDATE reports SET title = 'Báo cáo 6 tháng' WHERE id = 4").run()
      db.prepare("UPDATE reports SET text = 'văn bản mới' WHERE id = 4").run()
      expect(db.prepare('SELECT version FROM reports').get()).toEqual({ version: 2 })
    } finally {
      db.close()
    }
  })
})

describe('minutes section edits', () => {
  it('refuse an edit made over another window’s edit of the same section, with the preview as stored', async () => {
    wb = openTestWorkbench(tempDir())
    const before = await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })
    const section = before.sections.find((s) => !s.edited)!
    const key = section.key
    // Both windows showed the generated text; the other one saves first.
    const theirs = await callOk(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: 'Bản sửa của cửa sổ kia', expectedEdit: null }] })
    expect(theirs.sections.find((s) => s.key === key)).toMatchObject({ text: 'Bản sửa của cửa sổ kia', edited: true })
    const error = await callError(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: 'Bản sửa của tôi', expectedEdit: null }] })
    expect(error.code).toBe('conflict')
    expect(httpStatus(error.code)).toBe(409)
    expect((error.current as MinutesPreview).sections.find((s) => s.key === key)!.text).toBe('Bản sửa của cửa sổ kia')
    expect((await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })).sections.find((s) => s.key === key)!.text).toBe('Bản sửa của cửa sổ kia')
    // Made on the edit now stored, it applies; a reset to the generated text names it too.
    const mine = await callOk(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: 'Bản sửa của tôi', expectedEdit: 'Bản sửa của cửa sổ kia' }] })
    expect(mine.sections.find((s) => s.key === key)!.text).toBe('Bản sửa của tôi')
    expect((await callError(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: null, expectedEdit: 'Bản sửa của cửa sổ kia' }] })).code).toBe('conflict')
    const reset = await callOk(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: null, expectedEdit: 'Bản sửa của tôi' }] })
    expect(reset.sections.find((s) => s.key === key)).toMatchObject({ text: section.text, edited: false })
    // Without expectedEdit (other tools), the edit applies as before.
    expect((await callOk(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: 'Công cụ khác' }] })).sections.find((s) => s.key === key)!.edited).toBe(true)
  })
})

describe('storage refusals of renames and section edits', () => {
  it('answer storage_moved while the data folder is away, and keep what was stored', async () => {
    const dir = join(tempDir(), 'data')
    wb = openTestWorkbench(dir)
    const [report] = await callOk(wb, 'reports.list', {})
    const key = (await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })).sections[0]!.key
    renameSync(dir, `${dir}-away`)
    try {
      const rename = await callError(wb, 'reports.update', { id: report!.id, patch: { title: 'Không lưu được' }, expectedVersion: report!.version })
      expect(rename.code).toBe('storage_moved')
      const edit = await callError(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key, text: 'Không lưu được', expectedEdit: null }] })
      expect(edit.code).toBe('storage_moved')
    } finally {
      renameSync(`${dir}-away`, dir)
    }
    await wb.close()
    wb = openTestWorkbench(dir)
    expect((await callOk(wb, 'reports.get', { id: report!.id })).title).toBe(report!.title)
    expect((await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })).sections[0]!.edited).toBe(false)
  })
})
