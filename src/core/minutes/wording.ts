// Wording shared by both kinds of minutes: how a person, an attendee, an entry, an action and
// the "Nơi nhận" list read in the document.
import type { Attendee, MinuteEntry, PersonRef } from '../meeting-domain'
import type { Paragraph, Run } from './model'
import { asSentence, BLANK, STATUS_PHRASES, vnDate } from './vn-format'

/** "<name> - <post>[, <organisation>]"; the organisation is left out when the post already names it. */
export function attendeeText(a: Pick<Attendee, 'name' | 'post' | 'organisation'>): string {
  const post = a.post.trim()
  const org = a.organisation.trim()
  const role = org === '' || post.toLocaleLowerCase('vi').includes(org.toLocaleLowerCase('vi')) ? post : [post, org].filter(Boolean).join(', ')
  return [a.name.trim(), role].filter(Boolean).join(' - ')
}

/** A person with their post, or a blank to fill in by hand. */
export function personText(p: PersonRef): string {
  return attendeeText({ ...p, organisation: '' }) || BLANK
}

/** "- a;" lines, the last one ending with "." instead. */
export function dashList(items: readonly string[]): string[] {
  return items.map((item, i) => `- ${item.replace(/[;.]$/, '')}${i === items.length - 1 ? '.' : ';'}`)
}

/** The "Nơi nhận" list: each recipient with ";", then "- Lưu: …." */
export function recipientLines(recipients: readonly string[], archive: string): string[] {
  return [...recipients.map((r) => `- ${r.replace(/[;.]$/, '')};`), `- Lưu: ${archive.replace(/\.$/, '')}.`]
}

/** The assignment that follows an action: responsible body and deadline. */
export function assignmentText(entry: Pick<MinuteEntry, 'owner' | 'due'>): string {
  const owner = entry.owner.trim()
  const due = entry.due === null ? '' : `thời hạn hoàn thành: ${vnDate(entry.due)}`
  if (owner && due) return `Giao ${owner} chủ trì thực hiện; ${due}.`
  if (owner) return `Giao ${owner} chủ trì thực hiện.`
  if (due) return `Thời hạn hoàn thành: ${vnDate(entry.due!)}.`
  return ''
}

export function actionText(entry: Pick<MinuteEntry, 'text' | 'owner' | 'due'>): string {
  return [asSentence(entry.text), assignmentText(entry)].filter(Boolean).join(' ')
}

/** One entry as a paragraph of the biên bản, which records who said what. */
export function entryParagraph(entry: MinuteEntry): Paragraph {
  const speaker = entry.speaker.trim()
  const runs: Run[] = []
  switch (entry.kind) {
    case 'discussion':
      if (speaker) runs.push({ text: `${speaker}: `, italic: true })
      runs.push({ text: asSentence(entry.text) })
      break
    case 'decision': {
      const status = entry.proposalStatus === null ? '' : ` (${STATUS_PHRASES[entry.proposalStatus]})`
      runs.push({ text: `Kết luận${speaker ? ` của ${speaker}` : ''}${status}: `, italic: true })
      runs.push({ text: asSentence(entry.text) })
      break
    }
    case 'action':
      runs.push({ text: 'Nhiệm vụ: ', italic: true })
      runs.push({ text: actionText(entry) })
      break
  }
  return { style: 'body', runs }
}
