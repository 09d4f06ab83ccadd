// The body of a Thông báo kết luận (Decree 30/2020, Mẫu 1.4): who held the meeting with whom,
// then the conclusions numbered by agenda item, each with its responsible body and deadline.
import type { MinuteEntry } from '../meeting-domain'
import type { GeneratedSection, MinutesInput } from './model'
import { para } from './model'
import { conclusionNoteParagraph, isConclusion, placeNotes } from './flagged-notes'
import { entriesByItem } from './sections-bienban'
import { actionText, attendeeText } from './wording'
import { asSentence, lowerFirst, vnDate } from './vn-format'

const SUBJECT_PATTERN = /^(buổi làm việc|cuộc họp|hội nghị|phiên họp)\s+của\s+(.+?)\s+(với\s+.+)$/iu

/** "Buổi làm việc của X với Y" → "Kết luận của X tại buổi làm việc với Y". */
export function conclusionSubject(title: string): string {
  const m = SUBJECT_PATTERN.exec(title.trim())
  if (m) return `Kết luận của ${m[2]} tại ${lowerFirst(m[1]!)} ${m[3]}`
  return `Kết luận tại ${lowerFirst(title)}`
}

/** The meeting inside a sentence: "buổi làm việc với Y" when the title names its chair, else the title. */
function meetingPhrase(title: string): string {
  const m = SUBJECT_PATTERN.exec(title.trim())
  return m ? `${lowerFirst(m[1]!)} ${m[3]}` : lowerFirst(title)
}

export function thongbaoSubject(input: MinutesInput): GeneratedSection {
  return { key: 'subject', label: 'Trích yếu', paragraphs: [para(conclusionSubject(input.meeting.title))] }
}

export function thongbaoBody(input: MinutesInput): GeneratedSection[] {
  const m = input.meeting
  const chairName = m.chair.name.trim()
  const chair = attendeeText({ ...m.chair, organisation: '' })
  const when = m.startedAt ? `Ngày ${vnDate(m.startedAt).slice('ngày '.length)}, ` : ''
  const where = m.place.trim() ? `tại ${m.place.trim()}, ` : ''
  const opening = `${when}${where}${chair ? `đồng chí ${chair}` : 'lãnh đạo'} đã chủ trì ${meetingPhrase(m.title)}.`
  const intro = [para(capitalise(opening))]
  const attendees = m.attendees.map(attendeeText)
  if (attendees.length) intro.push(para(`Tham dự có: ${attendees.join('; ')}.`))
  intro.push(
    para(
      `Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu dự họp, ${chairName ? `đồng chí ${chairName}` : 'chủ trì cuộc họp'} kết luận như sau:`,
    ),
  )
  const sections: GeneratedSection[] = [{ key: 'intro', label: 'Mở đầu', paragraphs: intro }]

  const general = m.entries.filter((e) => e.agendaItemId === null && e.kind !== 'discussion')
  if (general.length) sections.push({ key: 'general', label: 'Kết luận chung', paragraphs: general.map(conclusionParagraph) })

  const byItem = entriesByItem(m.entries)
  // Flagged annotations that are conclusions join the conclusions of their item.
  const notes = placeNotes(m.agenda, (input.annotations ?? []).filter(isConclusion))
  let number = 0
  for (const item of m.agenda) {
    const conclusions = (byItem.get(item.id) ?? []).filter((e) => e.kind !== 'discussion')
    const itemNotes = notes.byItem.get(item.id) ?? []
    if (conclusions.length === 0 && itemNotes.length === 0) continue
    number += 1
    const title = input.proposals.get(item.proposalId)?.title ?? `Đề xuất ${item.proposalId}`
    sections.push({
      key: `item:${item.id}`,
      label: `Kết luận ${number}: ${title}`,
      paragraphs: [para(`${number}. ${title}`, 'heading'), ...conclusions.map(conclusionParagraph), ...itemNotes.map(conclusionNoteParagraph)],
    })
  }
  if (notes.unplaced.length) {
    number += 1
    sections.push({
      key: 'notes',
      label: 'Kết luận khác (từ chú thích)',
      paragraphs: [para(`${number}. Các nội dung khác`, 'heading'), ...notes.unplaced.map(conclusionNoteParagraph)],
    })
  }

  sections.push({ key: 'closing', label: 'Kết thúc', paragraphs: [para(endMark(input.settings.thongbao.closingSentence))] })
  return sections
}

function conclusionParagraph(entry: MinuteEntry) {
  return para(entry.kind === 'action' ? actionText(entry) : asSentence(entry.text))
}

/** The body of an administrative document ends with "./.". */
export function endMark(sentence: string): string {
  const t = sentence.trim()
  if (t.endsWith('./.')) return t
  return `${t.replace(/[.;:]+$/, '')}./.`
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
}
