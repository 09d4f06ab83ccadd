// A live meeting's record through the contract, on a real workbench: an item gets a time only
// when it is taken up or something is recorded under it, begin/finish give the meeting true
// times, meeting mode's place is remembered, item times are corrected, and removed entries and
// attendees come back.
import { describe, expect, it } from 'vitest'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()

async function meetingWithAgenda(items = 4) {
  const wb = openTestWorkbench(tempDir())
  const proposals = await callOk(wb, 'proposals.list', { reportId: 1 })
  const meeting = await callOk(wb, 'meetings.create', { reportId: 1, title: 'Họp rà soát đề xuất' })
  const agenda = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: proposals.slice(0, items).map((p) => p.id) })
  return { wb, meeting, agenda }
}

describe('times of a live meeting', () => {
  it('gives a time only to the item something is recorded under, and finishing ends it with the meeting', async () => {
    const { wb, meeting, agenda } = await meetingWithAgenda()
    const begun = await callOk(wb, 'meetings.begin', { id: meeting.id, at: '2022-09-30T08:00' })
    expect(begun).toMatchObject({ startedAt: '2022-09-30T08:00', endedAt: null })
    // Passing items 1 and 2 only moves meeting mode; nothing is timed.
    for (const item of agenda.slice(0, 3)) await callOk(wb, 'meetings.setCurrentItem', { meetingId: meeting.id, agendaItemId: item.id })
    await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: agenda[2]!.id, kind: 'discussion', text: 'Đề nghị bổ sung kinh phí', at: '2022-09-30T09:10' })
    const finished = await callOk(wb, 'meetings.finish', { id: meeting.id, at: '2022-09-30T10:45' })
    expect(finished).toMatchObject({ startedAt: '2022-09-30T08:00', endedAt: '2022-09-30T10:45', currentItemId: agenda[2]!.id })
    expect(finished.agenda.map((i) => [i.startedAt, i.endedAt])).toEqual([
      [null, null],
      [null, null],
      ['2022-09-30T09:10', '2022-09-30T10:45'],
      [null, null],
    ])
    await wb.close()
  })

  it('begins once: a second begin keeps the start, and a meeting started by a recorded entry gets that start', async () => {
    const { wb, meeting, agenda } = await meetingWithAgenda(2)
    await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: agenda[1]!.id, kind: 'decision', text: 'Thống nhất', at: '2022-09-30T14:05' })
    const got = await callOk(wb, 'meetings.get', { id: meeting.id })
    expect(got.startedAt).toBe('2022-09-30T14:05')
    expect((await callOk(wb, 'meetings.begin', { id: meeting.id, at: '2022-09-30T15:00' })).startedAt).toBe('2022-09-30T14:05')
    // Recording on the next item ends the one before at that moment.
    await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: agenda[0]!.id, kind: 'discussion', text: 'Bổ sung', at: '2022-09-30T14:30' })
    const agendaNow = (await callOk(wb, 'meetings.get', { id: meeting.id })).agenda
    expect(agendaNow.map((i) => [i.startedAt, i.endedAt])).toEqual([
      ['2022-09-30T14:30', null],
      ['2022-09-30T14:05', '2022-09-30T14:30'],
    ])
    // Re-entering after the end keeps the end time; finishing again moves it.
    await callOk(wb, 'meetings.finish', { id: meeting.id, at: '2022-09-30T16:00' })
    expect((await callOk(wb, 'meetings.begin', { id: meeting.id, at: '2022-09-30T16:10' })).endedAt).toBe('2022-09-30T16:00')
    expect((await callOk(wb, 'meetings.finish', { id: meeting.id, at: '2022-09-30T16:20' })).endedAt).toBe('2022-09-30T16:20')
    await wb.close()
  })

  it('remembers the current item without timing it, and refuses an item of another meeting', async () => {
    const { wb, meeting, agenda } = await meetingWithAgenda(2)
    await callOk(wb, 'meetings.setCurrentItem', { meetingId: meeting.id, agendaItemId: agenda[1]!.id })
    const got = await callOk(wb, 'meetings.get', { id: meeting.id })
    expect(got.currentItemId).toBe(agenda[1]!.id)
    expect(got.agenda.every((i) => i.startedAt === null)).toBe(true)
    expect((await callError(wb, 'meetings.setCurrentItem', { meetingId: 1, agendaItemId: agenda[0]!.id })).code).toBe('bad_request')
    await wb.close()
  })

  it('corrects and clears the times of an item, refusing an end before the start', async () => {
    const { wb, agenda } = await meetingWithAgenda(1)
    const item = agenda[0]!.id
    expect(await callOk(wb, 'meetings.setItemTimes', { agendaItemId: item, startedAt: '2022-09-30T09:00', endedAt: '2022-09-30T09:20' })).toMatchObject({
      startedAt: '2022-09-30T09:00',
      endedAt: '2022-09-30T09:20',
    })
    expect((await callError(wb, 'meetings.setItemTimes', { agendaItemId: item, startedAt: '2022-09-30T09:30', endedAt: '2022-09-30T09:20' })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.setItemTimes', { agendaItemId: item, startedAt: null, endedAt: '2022-09-30T09:20' })).code).toBe('bad_request')
    expect(await callOk(wb, 'meetings.setItemTimes', { agendaItemId: item, startedAt: null, endedAt: null })).toMatchObject({ startedAt: null, endedAt: null })
    await wb.close()
  })
})

describe('undoing removals', () => {
  it('brings a removed entry back in its place; a removed one cannot be edited', async () => {
    const { wb, meeting, agenda } = await meetingWithAgenda(1)
    const texts = ['Ý kiến thứ nhất', 'Ý kiến thứ hai', 'Ý kiến thứ ba']
    const ids: number[] = []
    for (const text of texts) ids.push((await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: agenda[0]!.id, kind: 'discussion', text })).entry.id)
    await callOk(wb, 'meetings.removeEntry', { id: ids[1]! })
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).entries.map((e) => e.text)).toEqual([texts[0], texts[2]])
    expect((await callError(wb, 'meetings.updateEntry', { id: ids[1]!, patch: { text: 'x' } })).code).toBe('not_found')
    expect(await callOk(wb, 'meetings.restoreEntry', { id: ids[1]! })).toMatchObject({ id: ids[1], text: texts[1] })
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).entries.map((e) => e.text)).toEqual(texts)
    expect((await callError(wb, 'meetings.restoreEntry', { id: 9999 })).code).toBe('not_found')
    await wb.close()
  })

  it('edits an entry: text, speaker, kind and agenda item', async () => {
    const { wb, meeting, agenda } = await meetingWithAgenda(2)
    const { entry } = await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: agenda[0]!.id, kind: 'discussion', text: 'Ghi nhầm' })
    const { entry: edited } = await callOk(wb, 'meetings.updateEntry', {
      id: entry.id,
      patch: { text: 'Ghi đúng', speaker: 'Sở Tài chính', kind: 'decision', agendaItemId: agenda[1]!.id },
    })
    expect(edited).toMatchObject({ text: 'Ghi đúng', speaker: 'Sở Tài chính', kind: 'decision', agendaItemId: agenda[1]!.id })
    await wb.close()
  })

  it('brings a removed attendee back in their place and leaves them out of suggestions meanwhile', async () => {
    const { wb, meeting } = await meetingWithAgenda(0)
    const names = ['Lê Văn Một', 'Phạm Thị Hai', 'Hoàng Văn Ba']
    const ids: number[] = []
    for (const name of names) ids.push((await callOk(wb, 'meetings.addAttendee', { meetingId: meeting.id, attendee: { name, post: '', organisation: '' } })).id)
    await callOk(wb, 'meetings.removeAttendee', { id: ids[1]! })
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).attendees.map((a) => a.name)).toEqual([names[0], names[2]])
    expect((await callOk(wb, 'meetings.knownAttendees', { query: 'Phạm Thị Hai' })).length).toBe(0)
    expect(await callOk(wb, 'meetings.restoreAttendee', { id: ids[1]! })).toMatchObject({ name: names[1] })
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).attendees.map((a) => a.name)).toEqual(names)
    await wb.close()
  })
})
