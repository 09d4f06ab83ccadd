// Meetings through the contract, on real workbenches: header, attendees, agenda, item times,
// entries, and the decision that changes a proposal's status in the same transaction.
import { describe, expect, it } from 'vitest'
import { countRows, queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()

async function freshMeeting() {
  const wb = openTestWorkbench(tempDir())
  const proposals = await callOk(wb, 'proposals.list', { reportId: 1 })
  const meeting = await callOk(wb, 'meetings.create', { reportId: 1, title: 'Họp giao ban tháng 6' })
  return { wb, proposals, meeting }
}

describe('meeting header', () => {
  it('creates, lists, updates and deletes a meeting, NFC-normalising what it stores', async () => {
    const { wb, meeting } = await freshMeeting()
    expect(meeting).toMatchObject({ reportId: 1, title: 'Họp giao ban tháng 6', number: '', place: '', startedAt: null, attendees: [], agenda: [], entries: [] })
    const updated = await callOk(wb, 'meetings.update', {
      id: meeting.id,
      patch: {
        number: '5',
        place: 'Trụ sở UBND huyện Kỳ Sơn'.normalize('NFD'),
        startedAt: '2022-05-26T08:00:00',
        endedAt: '2022-05-26T11:30',
        chair: { name: 'Nguyễn Đức Trung', post: 'Chủ tịch UBND tỉnh' },
      },
    })
    expect(updated).toMatchObject({ number: '5', place: 'Trụ sở UBND huyện Kỳ Sơn'.normalize('NFC'), startedAt: '2022-05-26T08:00', endedAt: '2022-05-26T11:30' })
    expect(updated.updatedAt > meeting.updatedAt).toBe(true)
    expect((await callOk(wb, 'meetings.list', { reportId: 1 })).map((m) => m.id)).toEqual([1, meeting.id])

    expect((await callError(wb, 'meetings.update', { id: meeting.id, patch: { endedAt: '2022-05-26T07:00' } })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.update', { id: meeting.id, patch: { startedAt: '2022-02-30T08:00' } })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.update', { id: meeting.id, patch: { number: '05/BB' } })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.create', { reportId: 99, title: 'x' })).code).toBe('not_found')

    await callOk(wb, 'meetings.addAttendee', { meetingId: meeting.id, attendee: { name: 'A', post: '', organisation: '' } })
    await callOk(wb, 'meetings.delete', { id: meeting.id })
    expect((await callError(wb, 'meetings.get', { id: meeting.id })).code).toBe('not_found')
    expect(queryFile(wb.dbPath, 'SELECT count(*) AS n FROM meeting_attendees WHERE meeting_id = ?', meeting.id)).toEqual([{ n: 0 }])
    await wb.close()
  })
})

describe('attendees', () => {
  it('adds at the end or after another, updates, removes, and refuses an empty one', async () => {
    const { wb, meeting } = await freshMeeting()
    const add = (name: string, afterId?: number) =>
      callOk(wb, 'meetings.addAttendee', { meetingId: meeting.id, attendee: { name, post: 'Giám đốc', organisation: 'Sở Xây dựng' }, afterId })
    const a = await add('Lê Văn A')
    const c = await add('Lê Văn C')
    const b = await add('Lê Văn B', a.id)
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).attendees.map((x) => x.name)).toEqual(['Lê Văn A', 'Lê Văn B', 'Lê Văn C'])
    await callOk(wb, 'meetings.updateAttendee', { id: b.id, attendee: { name: 'Lê Văn Bình', post: 'Phó Giám đốc', organisation: 'Sở Xây dựng' } })
    await callOk(wb, 'meetings.removeAttendee', { id: c.id })
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).attendees.map((x) => x.name)).toEqual(['Lê Văn A', 'Lê Văn Bình'])
    expect((await callError(wb, 'meetings.addAttendee', { meetingId: meeting.id, attendee: { name: ' ', post: '', organisation: '' } })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.removeAttendee', { id: c.id })).code).toBe('not_found')
    await wb.close()
  })

  it('offers people named before, most used first, matching without diacritics', async () => {
    const { wb, meeting } = await freshMeeting()
    const second = await callOk(wb, 'meetings.create', { reportId: 1, title: 'Họp lần 2' })
    for (const id of [meeting.id, second.id]) {
      await callOk(wb, 'meetings.addAttendee', { meetingId: id, attendee: { name: 'Đặng Thị Hường', post: 'Giám đốc', organisation: 'Sở Y tế' } })
    }
    const known = await callOk(wb, 'meetings.knownAttendees', {})
    expect(known[0]).toEqual({ name: 'Đặng Thị Hường', post: 'Giám đốc', organisation: 'Sở Y tế', uses: 2 })
    // The sample meeting's chair is a known person too.
    expect(known.some((p) => p.name === 'Nguyễn Đức Trung')).toBe(true)
    expect((await callOk(wb, 'meetings.knownAttendees', { query: 'dang thi huong' })).map((p) => p.name)).toEqual(['Đặng Thị Hường'])
    expect(await callOk(wb, 'meetings.knownAttendees', { query: 'không ai' })).toEqual([])
    await wb.close()
  })
})

describe('agenda', () => {
  it('sets the agenda in order, keeps items (and their times) that stay, and refuses foreign proposals', async () => {
    const { wb, proposals, meeting } = await freshMeeting()
    const [p1, p2, p3] = proposals
    const first = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [p1!.id, p2!.id] })
    await callOk(wb, 'meetings.startItem', { agendaItemId: first[1]!.id, at: '2022-05-26T09:00' })
    const second = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [p3!.id, p2!.id] })
    expect(second.map((i) => i.proposalId)).toEqual([p3!.id, p2!.id])
    expect(second[1]).toMatchObject({ id: first[1]!.id, startedAt: '2022-05-26T09:00', sortOrder: 1 })

    expect((await callError(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [p1!.id, p1!.id] })).code).toBe('bad_request')
    await callOk(wb, 'proposals.delete', { id: p1!.id })
    expect((await callError(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [p1!.id] })).message).toMatch(/Not live proposals/)
    const other = await callOk(wb, 'reports.import', { text: 'Báo cáo khác.\n\nNội dung.' })
    const foreign = await callOk(wb, 'proposals.create', { reportId: other.id, title: 'Đề xuất khác', sector: 'health' })
    expect((await callError(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [foreign.id] })).code).toBe('bad_request')
    expect((await callOk(wb, 'meetings.get', { id: meeting.id })).agenda.map((i) => i.proposalId)).toEqual([p3!.id, p2!.id])
    await wb.close()
  })

  it('times items: starting one ends the running one; an end before the start is refused', async () => {
    const { wb, proposals, meeting } = await freshMeeting()
    const [a, b] = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [proposals[0]!.id, proposals[1]!.id] })
    await callOk(wb, 'meetings.startItem', { agendaItemId: a!.id, at: '2022-05-26T08:10' })
    const after = await callOk(wb, 'meetings.startItem', { agendaItemId: b!.id, at: '2022-05-26T08:45' })
    expect(after.map((i) => [i.startedAt, i.endedAt])).toEqual([
      ['2022-05-26T08:10', '2022-05-26T08:45'],
      ['2022-05-26T08:45', null],
    ])
    expect((await callError(wb, 'meetings.endItem', { agendaItemId: b!.id, at: '2022-05-26T08:00' })).code).toBe('bad_request')
    expect(await callOk(wb, 'meetings.endItem', { agendaItemId: b!.id, at: '2022-05-26T09:05' })).toMatchObject({ endedAt: '2022-05-26T09:05' })
    // Without `at`, the local clock is used.
    const now = await callOk(wb, 'meetings.startItem', { agendaItemId: a!.id })
    expect(now[0]!.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    await wb.close()
  })
})

describe('entries', () => {
  it('records discussion, decisions and actions in order and changes them', async () => {
    const { wb, proposals, meeting } = await freshMeeting()
    const [item] = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [proposals[0]!.id] })
    const d = await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'discussion', speaker: 'Sở Giáo dục', text: 'Đề nghị gom điểm trường.', at: '2022-05-26T08:20' })
    expect(d.proposal).toBeNull()
    const act = await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'action', text: 'Rà soát hệ thống trường lớp', owner: 'UBND huyện', due: '2022-09-30' })
    expect(act.entry).toMatchObject({ kind: 'action', owner: 'UBND huyện', due: '2022-09-30', sortOrder: 1 })
    expect(act.entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    const general = await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, kind: 'discussion', text: 'Khai mạc.', at: null })
    expect(general.entry).toMatchObject({ agendaItemId: null, at: null, sortOrder: 2 })

    await callOk(wb, 'meetings.updateEntry', { id: d.entry.id, patch: { text: 'Đề nghị gom các điểm trường lẻ.' } })
    await callOk(wb, 'meetings.removeEntry', { id: general.entry.id })
    const entries = (await callOk(wb, 'meetings.get', { id: meeting.id })).entries
    expect(entries.map((e) => e.text)).toEqual(['Đề nghị gom các điểm trường lẻ.', 'Rà soát hệ thống trường lớp'])

    expect((await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, kind: 'discussion', text: '   ' })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, kind: 'action', text: 'x', due: '2022-02-30' })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: 9999, kind: 'action', text: 'x' })).code).toBe('not_found')
    await wb.close()
  })

  it('a decision with a status sets the proposal status in the same transaction', async () => {
    const { wb, proposals, meeting } = await freshMeeting()
    const target = proposals[2]!
    expect(target.status).toBe('proposed')
    const [item] = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [target.id] })
    const change = await callOk(wb, 'meetings.addEntry', {
      meetingId: meeting.id,
      agendaItemId: item!.id,
      kind: 'decision',
      text: 'Thống nhất chủ trương.',
      proposalStatus: 'accepted',
    })
    expect(change.entry.proposalStatus).toBe('accepted')
    expect(change.proposal).toMatchObject({ id: target.id, status: 'accepted' })
    expect((await callOk(wb, 'proposals.list', { reportId: 1 })).find((p) => p.id === target.id)!.status).toBe('accepted')

    const later = await callOk(wb, 'meetings.updateEntry', { id: change.entry.id, patch: { proposalStatus: 'deferred' } })
    expect(later.proposal).toMatchObject({ status: 'deferred' })
    // Editing only the text leaves the checklist alone.
    await callOk(wb, 'proposals.update', { id: target.id, patch: { status: 'in_progress' } })
    expect((await callOk(wb, 'meetings.updateEntry', { id: change.entry.id, patch: { text: 'Để lại sau.' } })).proposal).toBeNull()
    expect(queryFile(wb.dbPath, 'SELECT status FROM proposals WHERE id = ?', target.id)).toEqual([{ status: 'in_progress' }])
    await wb.close()
  })

  it('stores neither the entry nor the status when the status cannot be set', async () => {
    const { wb, proposals, meeting } = await freshMeeting()
    const [item] = await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [proposals[0]!.id] })
    const before = countRows(wb.dbPath, 'minute_entries')
    await callOk(wb, 'proposals.delete', { id: proposals[0]!.id })
    const err = await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'decision', text: 'Thống nhất.', proposalStatus: 'accepted' })
    expect(err.code).toBe('conflict')
    expect(countRows(wb.dbPath, 'minute_entries')).toBe(before)
    expect(queryFile(wb.dbPath, 'SELECT status FROM proposals WHERE id = ?', proposals[0]!.id)).toEqual([{ status: 'proposed' }])

    // Statuses belong to decisions on an agenda item only.
    expect((await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, kind: 'decision', text: 'x', proposalStatus: 'accepted' })).code).toBe('bad_request')
    expect((await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'action', text: 'x', proposalStatus: 'done' })).code).toBe('bad_request')
    expect(countRows(wb.dbPath, 'minute_entries')).toBe(before)
    await wb.close()
  })

  it('refuses an agenda item of another meeting', async () => {
    const { wb, proposals, meeting } = await freshMeeting()
    const other = await callOk(wb, 'meetings.create', { reportId: 1, title: 'Khác' })
    const [item] = await callOk(wb, 'meetings.setAgenda', { meetingId: other.id, proposalIds: [proposals[0]!.id] })
    expect((await callError(wb, 'meetings.addEntry', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'discussion', text: 'x' })).message).toMatch(/another meeting/)
    await wb.close()
  })
})
