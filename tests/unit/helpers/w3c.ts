// The JSON Schema written from the W3C Web Annotation Data Model, compiled once with ajv, and a
// workbench with one annotation of every kind to export.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Ajv from 'ajv'
import type { Workbench } from '../../../src/backend/workbench'
import type { Annotation } from '../../../src/core/annotation-domain'
import { fullAnnotations, rangeOf, sampleReport } from './annotations'
import { callOk } from './workbench'

const schema = JSON.parse(readFileSync(resolve('tests/unit/schemas/web-annotation.schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true }).compile(schema)

/** Errors of `document` against the W3C schema ([] when valid). */
export function w3cSchemaErrors(document: unknown): string[] {
  if (validate(document)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}

/** Five annotations, one per kind, with notes, tags, links, and one left unplaced by a revision. */
export async function annotateEveryKind(wb: Workbench): Promise<{ reportId: number; text: string; annotations: Annotation[] }> {
  await callOk(wb, 'settings.update', { authorName: 'Lê Văn Thư ký' })
  const { reportId, text } = await sampleReport(wb)
  const [p1, p2] = await callOk(wb, 'proposals.list', { reportId })
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'cháy rừng'), kind: 'highlight' })
  await callOk(wb, 'annotations.create', {
    reportId,
    ...rangeOf(text, 'kinh doanh xăng dầu'),
    body: 'Đề nghị báo cáo số cửa hàng "không phép"\ntrên địa bàn',
    tags: ['xăng dầu', 'quản lý thị trường'],
    proposalIds: [p1!.id],
  })
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới'), kind: 'question', body: 'Bao nhiêu hộ chưa có điện?' })
  await callOk(wb, 'annotations.create', {
    reportId,
    ...rangeOf(text, 'nước sạch'),
    kind: 'decision',
    body: 'Giao Sở Nông nghiệp khảo sát',
    includeInMinutes: true,
    proposalIds: [p1!.id, p2!.id],
    colour: 'green',
  })
  const paragraphs = text.split('\n\n')
  const doomed = paragraphs.find((p) => p.includes('Tổng giá trị sản xuất'))!
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'tốc độ tăng trưởng 0,89%'), kind: 'concern', body: 'Tăng trưởng thấp' })
  await callOk(wb, 'reports.revise', { reportId, text: paragraphs.filter((p) => p !== doomed).join('\n\n') })
  const revised = (await callOk(wb, 'reports.get', { id: reportId })).text
  return { reportId, text: revised, annotations: fullAnnotations(wb, reportId) }
}
