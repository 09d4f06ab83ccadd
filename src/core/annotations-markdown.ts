// The annotations of a report as one Markdown document in Vietnamese, grouped by the proposal
// they concern, so a secretary can paste them into a working paper or read them anywhere.
import type { Annotation, AnnotationColour, AnnotationKind } from './annotation-domain'

export const KIND_LABELS_VI: Readonly<Record<AnnotationKind, string>> = {
  highlight: 'Đánh dấu',
  note: 'Ghi chú',
  question: 'Câu hỏi',
  concern: 'Vấn đề cần lưu ý',
  decision: 'Quyết định',
}

export const COLOUR_LABELS_VI: Readonly<Record<AnnotationColour, string>> = {
  yellow: 'vàng',
  green: 'xanh lá',
  blue: 'xanh dương',
  pink: 'hồng',
  purple: 'tím',
}

export const UNLINKED_HEADING = 'Không gắn đề xuất'
export const UNPLACED_HEADING = 'Chú thích chưa định vị được trong văn bản hiện tại'

export interface MarkdownExportInput {
  report: { title: string }
  /** Live annotations of the report (any order). */
  annotations: readonly Annotation[]
  /** Live proposals of the report in checklist order. */
  proposals: readonly { id: number; title: string }[]
}

export function annotationsToMarkdown({ report, annotations, proposals }: MarkdownExportInput): string {
  const placed = annotations.filter((a) => a.status === 'placed').sort(byDocumentOrder)
  const unplaced = annotations.filter((a) => a.status === 'unplaced').sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const titles = new Map(proposals.map((p) => [p.id, p.title]))
  const out: string[] = [`# Chú thích — ${inline(report.title)}`, '']
  out.push(`Tổng số: ${annotations.length} chú thích (${placed.length} đã định vị, ${unplaced.length} chưa định vị).`, '')
  if (annotations.length === 0) return out.concat('_Chưa có chú thích nào._', '').join('\n')

  proposals.forEach((proposal, index) => {
    const linked = placed.filter((a) => a.proposalIds.includes(proposal.id))
    if (linked.length === 0) return
    out.push(`## Đề xuất ${index + 1}: ${inline(proposal.title)}`, '')
    for (const a of linked) out.push(...annotationBlock(a, titles, false))
  })
  const unlinked = placed.filter((a) => !a.proposalIds.some((id) => titles.has(id)))
  if (unlinked.length > 0) {
    out.push(`## ${UNLINKED_HEADING}`, '')
    for (const a of unlinked) out.push(...annotationBlock(a, titles, false))
  }
  if (unplaced.length > 0) {
    out.push(`## ${UNPLACED_HEADING}`, '')
    out.push('_Đoạn văn được trích không còn tìm thấy trong bản sửa đổi mới nhất của báo cáo._', '')
    for (const a of unplaced) out.push(...annotationBlock(a, titles, true))
  }
  return out.join('\n')
}

function annotationBlock(a: Annotation, titles: ReadonlyMap<number, string>, listLinks: boolean): string[] {
  const lines = [`### ${KIND_LABELS_VI[a.kind]}`, '']
  lines.push(...blockquote(a.exact), '')
  const facts = [`**Loại:** ${KIND_LABELS_VI[a.kind]}`, `**Màu:** ${COLOUR_LABELS_VI[a.colour]}`]
  if (a.tags.length > 0) facts.push(`**Thẻ:** ${a.tags.map(inline).join(', ')}`)
  facts.push(`**Người ghi:** ${a.author.trim() ? inline(a.author) : '(không rõ)'}`)
  if (a.includeInMinutes) facts.push('**Đưa vào biên bản:** có')
  lines.push(facts.join(' · '), '')
  if (listLinks) {
    const linked = a.proposalIds.filter((id) => titles.has(id)).map((id) => inline(titles.get(id)!))
    lines.push(`**Đề xuất liên quan:** ${linked.length > 0 ? linked.join('; ') : 'không có'}`, '')
  }
  if (a.body.trim()) lines.push(`**Nội dung:** ${paragraphs(a.body)}`, '')
  return lines
}

function byDocumentOrder(a: Annotation, b: Annotation): number {
  return (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0) || a.createdAt.localeCompare(b.createdAt)
}

/**
 * Backslash-escapes Markdown punctuation (and `&`, which would start an entity), so user text
 * never turns into markup: no emphasis, code, links, images, HTML, headings or tables.
 */
export function inline(text: string): string {
  return text.replace(/[\\`*_[\]()<>#|~!&{}]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ')
}

function blockquote(text: string): string[] {
  return text.split('\n').map((line) => (line.trim() ? `> ${escapeLineStart(inline(line))}` : '>'))
}

/** A note keeps its line breaks (hard breaks) and blank lines. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => escapeLineStart(inline(line)))
    .join('  \n')
}

/**
 * Characters that start a list or heading only at the beginning of a line; leading spaces are
 * dropped, since four of them would turn the line into a code block.
 */
function escapeLineStart(line: string): string {
  return line.trimStart().replace(/^(\s*)(?:([-+=])|(\d+)([.)]))/, (_m, space: string, sign?: string, digits?: string, dot?: string) =>
    sign ? `${space}\\${sign}` : `${space}${digits}\\${dot}`,
  )
}
