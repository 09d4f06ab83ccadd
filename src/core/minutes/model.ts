// The minutes model: everything the HTML template and the DOCX writer need, already worded,
// so both render the same document. Built from a meeting, its proposals, the settings and
// the user's edits; sections-*.ts write the wording of each kind.
import type { Meeting, MinutesKind, MinutesSettings } from '../meeting-domain'

export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
}

/** body: justified with a first-line indent; heading: the same, bold (numbered items). */
export interface Paragraph {
  style: 'body' | 'heading'
  runs: Run[]
  /** Where the paragraph came from when not from the meeting (a flagged annotation): preview only. */
  origin?: string
}

/** A block of the document the user may rewrite; its text is one paragraph a line. */
export interface MinutesSection {
  key: string
  label: string
  paragraphs: Paragraph[]
  generatedText: string
  text: string
  edited: boolean
  stale: boolean
}

export interface MinutesHeader {
  /** Cơ quan chủ quản, regular; null when the issuing body has none. */
  parentBody: string | null
  /** Cơ quan ban hành, bold, one entry a line. */
  issuingBodyLines: string[]
  /** "Số: 05/BB-UBND". */
  numberLine: string
  /** "<Địa danh>, ngày 26 tháng 5 năm 2022": the thông báo only (Mẫu 1.9 has none). */
  placeDateLine: string | null
}

export interface SignatureBlock {
  /** Authority lines (TL., KT. …) and the title, all bold capitals. */
  titleLines: string[]
  name: string
}

export interface MinutesDocument {
  kind: MinutesKind
  /** The document's title for the HTML <title> and file metadata. */
  title: string
  header: MinutesHeader
  /** "BIÊN BẢN" or "THÔNG BÁO". */
  docType: string
  /** Trích yếu, one entry a line. */
  subject: MinutesSection
  body: MinutesSection[]
  /** Biên bản: THƯ KÝ left, CHỦ TỌA right. Thông báo: the signer only (right). */
  signatures: { left: SignatureBlock | null; right: SignatureBlock }
  /** Nơi nhận lines as printed ("- …;", last "- Lưu: …"). */
  recipients: MinutesSection
  /** ASCII file name without extension. */
  fileStem: string
  /** Signers whose name is still empty: the export warns, the name is left blank to fill in. */
  missingSigners: SignerRole[]
}

export type SignerRole = 'chair' | 'secretary' | 'signer'

/** An annotation of the report flagged "include in minutes" (Đưa vào biên bản). */
export interface MinutesAnnotation {
  /** highlight, note, question, concern or decision. */
  kind: string
  quote: string
  note: string
  author: string
  /** Proposals it is linked to: it goes under the first agenda item among them. */
  proposalIds: readonly number[]
}

export interface MinutesEditInput {
  sectionKey: string
  text: string
  /** The generated text the edit replaced. */
  baseText: string
}

export interface MinutesInput {
  kind: MinutesKind
  meeting: Omit<Meeting, 'minutesEdits' | 'currentItemId'>
  /** Titles of the agenda's proposals, by proposal id. */
  proposals: ReadonlyMap<number, { title: string }>
  settings: MinutesSettings
  edits?: readonly MinutesEditInput[]
  /** Annotations flagged for the minutes, in reading order. */
  annotations?: readonly MinutesAnnotation[]
}

/** A section as generated, before the user's edit (if any) is applied. */
export interface GeneratedSection {
  key: string
  label: string
  paragraphs: Paragraph[]
}

/** Every section of the document, subject first and recipients last, in the editor's order. */
export function allSections(doc: MinutesDocument): MinutesSection[] {
  return [doc.subject, ...doc.body, doc.recipients]
}

export const para = (text: string, style: Paragraph['style'] = 'body'): Paragraph => ({ style, runs: [{ text }] })

export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('')
