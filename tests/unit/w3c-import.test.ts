// annotations.importW3C: an export imported into a fresh workbench reproduces the annotations,
// importing twice adds nothing, a newer `modified` updates, files from other tools are accepted,
// and a malformed or conflicting file is refused with nothing written.
import { afterEach, describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { fullAnnotations, rangeOf, sampleReport } from './helpers/annotations'
import { queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { annotateEveryKind } from './helpers/w3c'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
const open: Workbench[] = []
const workbench = () => {
  const wb = openTestWorkbench(tempDir())
  open.push(wb)
  return wb
}
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close()
})

/** Every annotation row with tags and links: proof that a refused import wrote nothing. */
const snapshot = (wb: Workbench) => ({
  annotations: queryFile(wb.dbPath, 'SELECT * FROM annotations ORDER BY seq'),
  tags: queryFile(wb.dbPath, 'SELECT * FROM annotation_tags ORDER BY annotation_id, position'),
  links: queryFile(wb.dbPath, 'SELECT * FROM annotation_proposals ORDER BY annotation_id, proposal_id'),
  index: queryFile(wb.dbPath, 'SELECT rowid, * FROM annotation_search ORDER BY rowid'),
})

/** A fresh workbench whose sample report has had the same revision as the exporting one. */
async function freshTarget(text: string): Promise<{ wb: Workbench; reportId: number }> {
  const wb = workbench()
  const { reportId } = await sampleReport(wb)
  await callOk(wb, 'reports.revise', { reportId, text })
  return { wb, reportId }
}

describe('annotations.importW3C', () => {
  it('reproduces every annotation in a fresh workbench, and adds nothing the second time', async () => {
    const source = workbench()
    const { reportId, text, annotations } = await annotateEveryKind(source)
    const document = JSON.parse(JSON.stringify(await callOk(source, 'annotations.exportW3C', { reportId })))

    const target = await freshTarget(text)
    expect(await callOk(target.wb, 'annotations.importW3C', { reportId: target.reportId, document })).toEqual({
      added: 5,
      updated: 0,
      unchanged: 0,
      unplaced: 1,
    })
    // Versions are this database's own count of writes, not part of the exchanged annotation.
    expect(fullAnnotations(target.wb, target.reportId)).toEqual(annotations.map((a) => ({ ...a, reportId: target.reportId, version: expect.any(Number) })))
    const before = snapshot(target.wb)
    expect(await callOk(target.wb, 'annotations.importW3C', { reportId: target.reportId, document })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 5,
      unplaced: 0,
    })
    expect(snapshot(target.wb)).toEqual(before)
    expect((await callOk(target.wb, 'search.query', { q: 'cua hang khong phep' })).filter((r) => r.kind === 'annotation')).toHaveLength(1)
  })

  it('updates an annotation from a file with a newer `modified`, and ignores an older one', async () => {
    const wb = workbench()
    const { reportId, text } = await sampleReport(wb)
    const note = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới'), body: 'Cũ', tags: ['a'] })
    const document = await callOk(wb, 'annotations.exportW3C', { reportId })
    const item = document.first!.items[0]!
    const newer = new Date(Date.parse(note.updatedAt) + 60_000).toISOString()
    const edited = {
      ...item,
      modified: newer,
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'Mới', format: 'text/plain', language: 'vi' }],
      'workbench:kind': 'decision',
    }
    expect(await callOk(wb, 'annotations.importW3C', { reportId, document: { ...document, first: { ...document.first, items: [edited] } } })).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
      unplaced: 0,
    })
    const [after] = fullAnnotations(wb, reportId)
    expect(after).toMatchObject({ id: note.id, body: 'Mới', kind: 'decision', tags: [], updatedAt: newer, start: note.start })

    const older = { ...edited, modified: note.createdAt, body: [{ type: 'TextualBody', value: 'Cũ hơn' }] }
    expect(await callOk(wb, 'annotations.importW3C', { reportId, document: { ...document, first: { ...document.first, items: [older] } } })).toMatchObject({
      unchanged: 1,
    })
    expect((await callOk(wb, 'annotations.list', { reportId }))[0]!.body).toBe('Mới')
  })

  it('brings back an annotation deleted since the export, then leaves it alone', async () => {
    const wb = workbench()
    const { reportId, text } = await sampleReport(wb)
    const note = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới'), body: 'Giữ lại' })
    const document = JSON.parse(JSON.stringify(await callOk(wb, 'annotations.exportW3C', { reportId })))
    await callOk(wb, 'annotations.delete', { id: note.id })
    expect(await callOk(wb, 'annotations.list', { reportId })).toEqual([])

    expect(await callOk(wb, 'annotations.importW3C', { reportId, document })).toEqual({ added: 1, updated: 0, unchanged: 0, unplaced: 0 })
    const [back] = await callOk(wb, 'annotations.list', { reportId })
    expect(back).toMatchObject({ id: note.id, body: 'Giữ lại', start: note.start, end: note.end, status: 'placed' })
    expect(await callOk(wb, 'annotations.importW3C', { reportId, document })).toEqual({ added: 0, updated: 0, unchanged: 1, unplaced: 0 })
    expect((await callOk(wb, 'search.query', { q: 'giu lai' })).filter((r) => r.kind === 'annotation')).toHaveLength(1)
  })

  it('accepts one annotation from another tool: bodyValue, quote only, any IRI, idempotently', async () => {
    const wb = workbench()
    const { reportId, text } = await sampleReport(wb)
    const exact = 'kinh doanh xăng dầu'
    const at = text.indexOf(exact)
    const single = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example.org/anno/42',
      type: 'Annotation',
      motivation: 'questioning',
      created: '2024-03-01T09:00:00+07:00',
      creator: { type: 'Person', name: 'Chuyên viên Sở Công Thương' },
      bodyValue: 'Số liệu năm 2021?',
      target: { source: 'https://example.org/bao-cao', selector: { type: 'TextQuoteSelector', exact: exact.normalize('NFD'), prefix: text.slice(at - 10, at) } },
    }
    expect(await callOk(wb, 'annotations.importW3C', { reportId, document: single })).toMatchObject({ added: 1, unplaced: 0 })
    const [imported] = fullAnnotations(wb, reportId)
    expect(imported).toMatchObject({
      kind: 'question',
      colour: 'purple',
      body: 'Số liệu năm 2021?',
      author: 'Chuyên viên Sở Công Thương',
      start: at,
      end: at + exact.length,
      exact,
      createdAt: '2024-03-01T02:00:00.000Z',
    })
    expect(await callOk(wb, 'annotations.importW3C', { reportId, document: [single] })).toMatchObject({ added: 0, unchanged: 1 })
  })

  it('leaves unplaced what it cannot find, and never guesses between repeated passages', async () => {
    const wb = workbench()
    const repeated = 'Đề nghị tỉnh hỗ trợ kinh phí.'
    const report = await callOk(wb, 'reports.import', { title: 'Lặp', text: `Xã A. ${repeated}\n\nXã B. ${repeated}` })
    const quoteOnly = (id: string, exact: string) => ({
      id: `urn:uuid:${id}`,
      type: 'Annotation',
      target: { source: 'urn:x:1', selector: { type: 'TextQuoteSelector', exact } },
    })
    const page = {
      '@context': ['http://www.w3.org/ns/anno.jsonld'],
      id: 'urn:x:page',
      type: 'AnnotationPage',
      items: [quoteOnly('00000000-0000-4000-8000-000000000001', repeated), quoteOnly('00000000-0000-4000-8000-000000000002', 'không có trong văn bản')],
    }
    expect(await callOk(wb, 'annotations.importW3C', { reportId: report.id, document: page })).toEqual({ added: 2, updated: 0, unchanged: 0, unplaced: 2 })
    const list = await callOk(wb, 'annotations.list', { reportId: report.id })
    expect(list.map((a) => [a.status, a.start])).toEqual([
      ['unplaced', null],
      ['unplaced', null],
    ])
  })

  it('refuses a malformed document, naming what is wrong, and writes nothing', async () => {
    const wb = workbench()
    const { reportId, text } = await sampleReport(wb)
    await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới'), body: 'giữ nguyên' })
    const exported = await callOk(wb, 'annotations.exportW3C', { reportId })
    const good = { ...exported.first!.items[0]!, id: 'urn:uuid:00000000-0000-4000-8000-0000000000aa' }
    const collection = (items: unknown[]) => ({ ...exported, first: { ...exported.first, items } })
    const before = snapshot(wb)
    const cases: [unknown, RegExp][] = [
      ['not json-ld', /expected/i],
      [{ type: 'Annotation' }, /id|target/],
      [collection([good, { ...good, id: 'urn:uuid:00000000-0000-4000-8000-0000000000bb', target: undefined }]), /target/],
      [collection([good, { ...good, id: 'urn:x:2', target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', prefix: 'a' } } }]), /exact/],
      [collection([good, { ...good, id: 'urn:x:3', target: { source: 'urn:x', selector: { type: 'TextPositionSelector', start: -4, end: 2 } } }]), /start|TextQuoteSelector/],
      [collection([good, good]), /more than once/],
      [collection([good, { ...good, id: 'urn:x:4', 'workbench:colour': 'black' }]), /workbench:colour/],
      [{ ...collection([good]), '@context': 'http://example.org/other.jsonld' }, /@context/],
      [{ ...exported, first: 'https://example.org/page/1' }, /embedded/],
      [collection([{ ...good, created: 'hôm qua' }]), /dateTime/],
    ]
    for (const [document, message] of cases) {
      const error = await callError(wb, 'annotations.importW3C', { reportId, document })
      expect(error.code, JSON.stringify(document).slice(0, 80)).toBe('bad_request')
      expect(error.message).toMatch(message)
    }
    expect((await callError(wb, 'annotations.importW3C', { reportId })).code).toBe('bad_request')
    expect(snapshot(wb)).toEqual(before)
  })

  it('refuses annotations that belong to another report, writing nothing', async () => {
    const wb = workbench()
    const { reportId, text } = await sampleReport(wb)
    await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới') })
    const document = await callOk(wb, 'annotations.exportW3C', { reportId })
    const other = await callOk(wb, 'reports.import', { title: 'Khác', text: 'Đầu tư điện lưới cho bản xa.' })
    const before = snapshot(wb)
    expect((await callError(wb, 'annotations.importW3C', { reportId: other.id, document })).code).toBe('conflict')
    expect((await callError(wb, 'annotations.importW3C', { reportId: 999, document })).code).toBe('not_found')
    expect(snapshot(wb)).toEqual(before)
  })

  it('places imported annotations on a revised text near their old position', async () => {
    const wb = workbench()
    const { reportId, text } = await sampleReport(wb)
    const note = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'nước sạch'), body: 'x' })
    const document = JSON.parse(JSON.stringify(await callOk(wb, 'annotations.exportW3C', { reportId })))
    const opening = 'Phần mở đầu được thêm vào bản sửa đổi.'
    const target = await freshTarget(`${opening}\n\n${text}`)
    expect(await callOk(target.wb, 'annotations.importW3C', { reportId: target.reportId, document })).toMatchObject({ added: 1, unplaced: 0 })
    const [placed] = await callOk(target.wb, 'annotations.list', { reportId: target.reportId })
    expect(placed).toMatchObject({ id: note.id, status: 'placed', start: note.start! + opening.length + 2, exact: 'nước sạch' })
  })
})
