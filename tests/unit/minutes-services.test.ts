// Minutes through the contract: settings (bundled defaults, user changes), the preview HTML with
// its editable sections, and the edits kept with the meeting.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
const defaults = JSON.parse(readFileSync('data/minutes-settings.json', 'utf8'))

describe('minutes settings', () => {
  it('start from data/minutes-settings.json, change per field, survive a restart, and refuse bad values', async () => {
    const dataDir = tempDir()
    const wb = openTestWorkbench(dataDir)
    expect(await callOk(wb, 'minutes.getSettings', {})).toEqual(defaults)
    const changed = await callOk(wb, 'minutes.updateSettings', {
      parentBody: '',
      issuingBody: 'ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH'.normalize('NFD'),
      bodyCode: 'UBND',
      placeName: 'Hà Tĩnh',
    })
    expect(changed).toMatchObject({ parentBody: '', issuingBody: 'ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH', placeName: 'Hà Tĩnh', thongbao: defaults.thongbao })
    expect((await callError(wb, 'minutes.updateSettings', { bodyCode: 'ub nd' })).code).toBe('bad_request')
    await wb.close()

    const again = openTestWorkbench(dataDir)
    expect(await callOk(again, 'minutes.getSettings', {})).toEqual(changed)
    const html = (await callOk(again, 'minutes.preview', { meetingId: 1, kind: 'thongbao' })).html
    expect(html).toContain('ỦY BAN NHÂN DÂN<br>TỈNH HÀ TĨNH')
    expect(html).toContain('Hà Tĩnh, ngày 26 tháng 5 năm 2022')
    expect(html).not.toContain('VĂN PHÒNG</span>')
    await again.close()
  })

  it('refuse a change made on values another window has changed since, and keep the other fields', async () => {
    const wb = openTestWorkbench(tempDir())
    const loaded = await callOk(wb, 'minutes.getSettings', {})
    // Window A renames the place; window B, still showing the old settings, changes the code and the place.
    await callOk(wb, 'minutes.updateSettings', { placeName: 'Hà Tĩnh', expected: { placeName: loaded.placeName } })
    const refused = await callError(wb, 'minutes.updateSettings', {
      placeName: 'Vinh',
      bodyCode: 'UBND',
      expected: { placeName: loaded.placeName, bodyCode: loaded.bodyCode },
    })
    expect(refused.code).toBe('conflict')
    expect((refused.current as { placeName: string }).placeName).toBe('Hà Tĩnh')
    expect(await callOk(wb, 'minutes.getSettings', {})).toMatchObject({ placeName: 'Hà Tĩnh', bodyCode: loaded.bodyCode })

    // Fields nobody else touched go through; so does a field both windows set to the same value.
    const merged = await callOk(wb, 'minutes.updateSettings', {
      bodyCode: 'UBND',
      placeName: 'Hà Tĩnh',
      expected: { bodyCode: loaded.bodyCode, placeName: loaded.placeName },
    })
    expect(merged).toMatchObject({ bodyCode: 'UBND', placeName: 'Hà Tĩnh' })
    // Made knowingly on the stored values, the change is accepted.
    expect(await callOk(wb, 'minutes.updateSettings', { placeName: 'Vinh', expected: { placeName: 'Hà Tĩnh' } })).toMatchObject({ placeName: 'Vinh' })
    await wb.close()
  })
})

describe('preview and edits', () => {
  it('previews a self-contained document with its sections', async () => {
    const wb = openTestWorkbench(tempDir())
    const preview = await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })
    expect(preview.html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(preview.html).toMatch(/@font-face \{ font-family: 'Tinos'; [^}]*src: url\(data:font\/woff2;base64,/)
    expect(preview.html).not.toMatch(/(src|href)=["']?(https?|file):/)
    expect(preview.sections[0]).toMatchObject({ key: 'subject', text: 'Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn', edited: false, stale: false })
    expect(preview.sections.map((s) => s.key)).toContain('item:1')
    expect(preview.sections.at(-1)!.key).toBe('recipients')
    await wb.close()
  })

  it('keeps edits with the meeting, flags them when the meeting changes, and resets them on null', async () => {
    const wb = openTestWorkbench(tempDir())
    const before = await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })
    const recipients = 'Như trên;\n- Lưu: VT.'
    const saved = await callOk(wb, 'minutes.saveEdits', {
      meetingId: 1,
      kind: 'bienban',
      edits: [
        { key: 'closing', text: 'Cuộc họp kết thúc vào 11 giờ 45 cùng ngày./.' },
        { key: 'recipients', text: recipients },
        // Saving the generated text unchanged keeps no edit.
        { key: 'opening', text: before.sections.find((s) => s.key === 'opening')!.text },
      ],
    })
    const section = (p: typeof saved, key: string) => p.sections.find((s) => s.key === key)!
    expect(section(saved, 'closing')).toMatchObject({ edited: true, stale: false, text: 'Cuộc họp kết thúc vào 11 giờ 45 cùng ngày./.' })
    expect(section(saved, 'opening').edited).toBe(false)
    expect(saved.html).toContain('Cuộc họp kết thúc vào 11 giờ 45 cùng ngày./.')
    expect(saved.html).not.toContain('Cuộc họp kết thúc vào 11 giờ 30')
    expect((await callOk(wb, 'meetings.get', { id: 1 })).minutesEdits.map((e) => [e.kind, e.sectionKey])).toEqual([
      ['bienban', 'closing'],
      ['bienban', 'recipients'],
    ])
    // The thông báo has its own edits.
    expect((await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'thongbao' })).sections.every((s) => !s.edited)).toBe(true)

    await callOk(wb, 'meetings.update', { id: 1, patch: { endedAt: '2022-05-26T11:50' } })
    const stale = await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })
    expect(section(stale, 'closing')).toMatchObject({ edited: true, stale: true, generatedText: 'Cuộc họp kết thúc vào 11 giờ 50, ngày 26 tháng 5 năm 2022./.' })
    expect(section(stale, 'recipients').stale).toBe(false)

    const reset = await callOk(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key: 'closing', text: null }] })
    expect(section(reset, 'closing')).toMatchObject({ edited: false, text: 'Cuộc họp kết thúc vào 11 giờ 50, ngày 26 tháng 5 năm 2022./.' })

    const err = await callError(wb, 'minutes.saveEdits', { meetingId: 1, kind: 'bienban', edits: [{ key: 'recipients', text: 'x' }, { key: 'no-such', text: 'x' }] })
    expect(err.code).toBe('bad_request')
    expect(err.message).toMatch(/No section no-such/)
    expect(queryFile(wb.dbPath, "SELECT text FROM minutes_edits WHERE section_key = 'recipients'")).toEqual([{ text: recipients }])
    expect((await callError(wb, 'minutes.preview', { meetingId: 99, kind: 'bienban' })).code).toBe('not_found')
    await wb.close()
  })
})
