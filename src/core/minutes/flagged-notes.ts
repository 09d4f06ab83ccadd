// Annotations of the report flagged "Đưa vào biên bản": where they go in the minutes (under
// the first agenda item whose proposal they are linked to, else in a section of their own)
// and how they read (the quoted passage shortened, the note in full, its origin for the preview).
import type { AgendaItem } from '../meeting-domain'
import { asSentence } from './vn-format'
import type { MinutesAnnotation, Paragraph } from './model'

/** Longest quoted passage, in characters, before it is cut at a word with "…". */
export const QUOTE_MAX = 120

const KIND_LABELS: Record<string, string> = {
  note: 'Ghi chú',
  question: 'Câu hỏi',
  concern: 'Lưu ý',
  decision: 'Kết luận',
  highlight: 'Đoạn báo cáo được lưu ý',
}

/** A passage cut at a word boundary near `max` characters, with "…"; whitespace folded. */
export function shortQuote(quote: string, max = QUOTE_MAX): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : flat.slice(0, max)).replace(/[\s,;:.]+$/, '')}…`
}

export interface PlacedNotes {
  /** By agenda item id, in the annotations' order. */
  byItem: Map<number, MinutesAnnotation[]>
  /** Flagged notes linked to no proposal of the agenda. */
  unplaced: MinutesAnnotation[]
}

export function placeNotes(agenda: readonly AgendaItem[], notes: readonly MinutesAnnotation[]): PlacedNotes {
  const byItem = new Map<number, MinutesAnnotation[]>()
  const unplaced: MinutesAnnotation[] = []
  for (const note of notes) {
    const item = agenda.find((a) => note.proposalIds.includes(a.proposalId))
    if (!item) unplaced.push(note)
    else byItem.set(item.id, [...(byItem.get(item.id) ?? []), note])
  }
  return { byItem, unplaced }
}

/** Where the paragraph came from, shown in the preview only (never printed). */
export function noteOrigin(a: MinutesAnnotation): string {
  const author = a.author.trim()
  return `Từ chú thích trên báo cáo${author ? ` của ${author}` : ''}`
}

/** Biên bản: "Ghi chú của Lê An về đoạn “…”: note." */
export function noteParagraph(a: MinutesAnnotation): Paragraph {
  const author = a.author.trim()
  const quote = shortQuote(a.quote)
  const note = a.note.trim()
  const label = KIND_LABELS[a.kind] ?? KIND_LABELS.note!
  if (note === '') {
    return { style: 'body', origin: noteOrigin(a), runs: [{ text: `${KIND_LABELS.highlight}: `, italic: true }, { text: `“${quote}”.` }] }
  }
  return {
    style: 'body',
    origin: noteOrigin(a),
    runs: [{ text: `${label}${author ? ` của ${author}` : ''} về đoạn “${quote}”: `, italic: true }, { text: asSentence(note) }],
  }
}

/** Thông báo: the conclusion in full, introduced by the passage it concerns. */
export function conclusionNoteParagraph(a: MinutesAnnotation): Paragraph {
  return { style: 'body', origin: noteOrigin(a), runs: [{ text: `Về nội dung “${shortQuote(a.quote)}”: ${asSentence(a.note.trim())}` }] }
}

/** The thông báo carries only conclusions: notes of kind decision that say something. */
export function isConclusion(a: MinutesAnnotation): boolean {
  return a.kind === 'decision' && a.note.trim() !== ''
}
