// The body of a Biên bản (Decree 30/2020, Mẫu 1.9): time, place, attendees, chair and
// secretary, the content item by item as it happened, and the closing line.
import type { MinuteEntry } from '../meeting-domain'
import type { GeneratedSection, MinutesInput, Paragraph } from './model'
import { para } from './model'
import { noteParagraph, placeNotes } from './flagged-notes'
import { attendeeText, dashList, entryParagraph, personText } from './wording'
import { BLANK, vnDateTime, vnTime } from './vn-format'

const BLANK_DATE_TIME = `${BLANK} giờ ${BLANK}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`

export function bienbanSubject(input: MinutesInput): GeneratedSection {
  return { key: 'subject', label: 'Trích yếu', paragraphs: [para(input.meeting.title)] }
}

export function bienbanBody(input: MinutesInput): GeneratedSection[] {
  const m = input.meeting
  const attendees = m.attendees.map(attendeeText)
  const sections: GeneratedSection[] = [
    {
      key: 'opening',
      label: 'Thời gian, địa điểm',
      paragraphs: [
        para(`Thời gian bắt đầu: ${m.startedAt ? vnDateTime(m.startedAt) : BLANK_DATE_TIME}.`),
        para(`Địa điểm: ${m.place.trim() || BLANK}.`),
      ],
    },
    {
      key: 'attendees',
      label: 'Thành phần tham dự',
      paragraphs: attendees.length
        ? [para('Thành phần tham dự:'), ...dashList(attendees).map((line) => para(line))]
        : [para(`Thành phần tham dự: ${BLANK}`)],
    },
    {
      key: 'presiding',
      label: 'Chủ trì, thư ký',
      paragraphs: [
        para(`Chủ trì (chủ tọa): ${personText(m.chair)}.`),
        para(`Thư ký (người ghi biên bản): ${personText(m.secretary)}.`),
      ],
    },
    {
      key: 'general',
      label: 'Nội dung chung',
      paragraphs: [para('Nội dung (theo diễn biến cuộc họp):'), ...m.entries.filter((e) => e.agendaItemId === null).map(entryParagraph)],
    },
  ]

  const byItem = entriesByItem(m.entries)
  const notes = placeNotes(m.agenda, input.annotations ?? [])
  m.agenda.forEach((item, index) => {
    const title = input.proposals.get(item.proposalId)?.title ?? `Đề xuất ${item.proposalId}`
    const paragraphs: Paragraph[] = [para(`${index + 1}. ${title}`, 'heading')]
    if (item.startedAt) {
      paragraphs.push({ style: 'body', runs: [{ text: `Thời gian: ${itemTimeText(item.startedAt, item.endedAt)}.`, italic: true }] })
    }
    for (const note of notes.byItem.get(item.id) ?? []) paragraphs.push(noteParagraph(note))
    const entries = byItem.get(item.id) ?? []
    paragraphs.push(...entries.map(entryParagraph))
    if (paragraphs.length === 1) paragraphs.push(para('Không có ý kiến được ghi nhận.'))
    sections.push({ key: `item:${item.id}`, label: `Mục ${index + 1}: ${title}`, paragraphs })
  })

  if (notes.unplaced.length) {
    sections.push({
      key: 'notes',
      label: 'Ghi chú đưa vào biên bản',
      paragraphs: [para(`${m.agenda.length + 1}. Ý kiến ghi chú trên báo cáo`, 'heading'), ...notes.unplaced.map(noteParagraph)],
    })
  }

  sections.push({
    key: 'closing',
    label: 'Kết thúc',
    paragraphs: [para(`Cuộc họp kết thúc vào ${m.endedAt ? vnDateTime(m.endedAt) : BLANK_DATE_TIME}./.`)],
  })
  return sections
}

/** "từ 9 giờ 10 đến 9 giờ 35"; one moment when start and end fall in the same minute ("lúc 9 giờ 10"). */
export function itemTimeText(startedAt: string, endedAt: string | null): string {
  if (endedAt === null) return `từ ${vnTime(startedAt)}`
  if (endedAt.slice(0, 16) === startedAt.slice(0, 16)) return `lúc ${vnTime(startedAt)}`
  return `từ ${vnTime(startedAt)} đến ${vnTime(endedAt)}`
}

export function entriesByItem(entries: readonly MinuteEntry[]): Map<number, MinuteEntry[]> {
  const byItem = new Map<number, MinuteEntry[]>()
  for (const entry of entries) {
    if (entry.agendaItemId === null) continue
    const list = byItem.get(entry.agendaItemId)
    if (list) list.push(entry)
    else byItem.set(entry.agendaItemId, [entry])
  }
  return byItem
}
