// A generated long meeting for the minutes benchmark and tests: many agenda items with
// discussion, decisions and dated actions in real Vietnamese report sentences, built through
// the contract as the UI would build it.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Args, Method, Result } from '../src/core/contract'
import type { Meeting } from '../src/core/meeting-domain'
import { dispatch } from '../src/backend/rpc'
import type { Workbench } from '../src/backend/workbench'

export interface LongMeetingOptions {
  reportId: number
  items: number
  entries: number
}

async function call<M extends Method>(wb: Workbench, method: M, args: Args<M>): Promise<Result<M>> {
  const reply = await dispatch(wb.handlers, method, args)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`)
  return reply.value as Result<M>
}

/** Sentences of the bundled Kỳ Sơn report, to write entries in real administrative Vietnamese. */
export function sampleSentences(): string[] {
  const text = readFileSync(resolve('data/samples/ky-son-2022-05-26/report.txt'), 'utf8').normalize('NFC')
  return text
    .split(/(?<=[.;])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && s.length < 400 && !/^date /.test(s))
}

const OWNERS = ['UBND huyện Kỳ Sơn', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Nông nghiệp và Phát triển nông thôn']

/** Creates a meeting over `reportId` with `items` agenda items (adding proposals as needed) and `entries` entries. */
export async function createLongMeeting(wb: Workbench, options: LongMeetingOptions): Promise<Meeting> {
  const sentences = sampleSentences()
  const proposals = await call(wb, 'proposals.list', { reportId: options.reportId })
  for (let i = proposals.length; i < options.items; i++) {
    proposals.push(
      await call(wb, 'proposals.create', {
        reportId: options.reportId,
        title: `Đề xuất số ${i + 1}: ${sentences[i % sentences.length]!.slice(0, 80)}`,
        sector: 'planning_investment',
      }),
    )
  }
  const meeting = await call(wb, 'meetings.create', {
    reportId: options.reportId,
    title: `Cuộc họp của Chủ tịch UBND tỉnh với các sở, ngành về ${options.items} nội dung`,
    number: '7',
    place: 'Phòng họp tầng 2',
    startedAt: '2022-06-02T07:30',
    endedAt: '2022-06-02T17:15',
    chair: { name: 'Nguyễn Văn A', post: 'Phó Chủ tịch UBND tỉnh' },
    secretary: { name: 'Trần Thị Bình', post: 'Chuyên viên Văn phòng UBND tỉnh' },
  })
  for (const [i, owner] of OWNERS.entries()) {
    await call(wb, 'meetings.addAttendee', { meetingId: meeting.id, attendee: { name: `Người dự họp ${i + 1}`, post: 'Lãnh đạo', organisation: owner } })
  }
  const agenda = await call(wb, 'meetings.setAgenda', {
    meetingId: meeting.id,
    proposalIds: proposals.slice(0, options.items).map((p) => p.id),
  })
  for (let e = 0; e < options.entries; e++) {
    const item = agenda[e % agenda.length]!
    const kind = (['discussion', 'discussion', 'decision', 'action'] as const)[e % 4]!
    await call(wb, 'meetings.addEntry', {
      meetingId: meeting.id,
      agendaItemId: item.id,
      kind,
      speaker: kind === 'discussion' ? `Đại diện ${OWNERS[e % OWNERS.length]}` : 'Chủ tọa',
      text: sentences[e % sentences.length]!,
      owner: kind === 'action' ? OWNERS[e % OWNERS.length] : undefined,
      due: kind === 'action' ? `2022-${String(7 + (e % 6)).padStart(2, '0')}-${String(1 + (e % 28)).padStart(2, '0')}` : undefined,
      at: null,
    })
  }
  return call(wb, 'meetings.get', { id: meeting.id })
}
