// annotations.exportW3C: the export is valid W3C Web Annotation JSON-LD (checked with ajv against
// a schema written from the data model's MUST rules) and carries every field of every annotation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import type { Annotation } from '../../src/core/annotation-domain'
import type { W3CExportAnnotation } from '../../src/core/w3c/export-schema'
import { useTempDirs } from './helpers/temp-dirs'
import { annotateEveryKind, w3cSchemaErrors } from './helpers/w3c'
import { callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let wb: Workbench

beforeEach(() => {
  wb = openTestWorkbench(tempDir())
})
afterEach(async () => {
  await wb.close()
})

describe('annotations.exportW3C', () => {
  it('writes a collection that validates against the Web Annotation schema', async () => {
    const { reportId, annotations } = await annotateEveryKind(wb)
    const exported = await callOk(wb, 'annotations.exportW3C', { reportId })
    expect(w3cSchemaErrors(exported)).toEqual([])
    expect(exported['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { workbench: 'urn:workbench:vocab:' }])
    expect(exported).toMatchObject({ type: 'AnnotationCollection', id: `urn:workbench:report:${reportId}:annotations`, total: 5 })
    expect(exported.first!.items.map((a) => a.id)).toEqual(annotations.map((a) => `urn:uuid:${a.id}`))
    for (const item of exported.first!.items) {
      expect(w3cSchemaErrors({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...item }), item.id).toEqual([])
    }
  })

  it('maps kinds to motivations and keeps kind, colour and includeInMinutes as workbench terms', async () => {
    const { reportId, annotations } = await annotateEveryKind(wb)
    const items = (await callOk(wb, 'annotations.exportW3C', { reportId })).first!.items
    const byKind = new Map(items.map((i) => [i['workbench:kind'], i]))
    expect([...byKind.keys()].sort()).toEqual(['concern', 'decision', 'highlight', 'note', 'question'])
    expect(Object.fromEntries([...byKind].map(([kind, i]) => [kind, i.motivation]))).toEqual({
      highlight: 'highlighting',
      note: 'commenting',
      question: 'questioning',
      concern: 'assessing',
      decision: 'assessing',
    })
    for (const a of annotations) {
      const item = items.find((i) => i.id === `urn:uuid:${a.id}`)!
      expect(item).toMatchObject({
        'workbench:colour': a.colour,
        'workbench:includeInMinutes': a.includeInMinutes,
        created: a.createdAt,
        modified: a.updatedAt,
        creator: { type: 'Person', name: 'Lê Văn Thư ký' },
      })
    }
  })

  it('writes the note, one tagging body per tag and a linking body per proposal', async () => {
    const { reportId, annotations } = await annotateEveryKind(wb)
    const proposals = await callOk(wb, 'proposals.list', { reportId })
    const items = (await callOk(wb, 'annotations.exportW3C', { reportId })).first!.items
    const note = annotations.find((a) => a.kind === 'note')!
    const item = items.find((i) => i.id === `urn:uuid:${note.id}`)!
    expect(item.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: note.body, format: 'text/plain', language: 'vi' },
      { type: 'TextualBody', purpose: 'tagging', value: 'xăng dầu' },
      { type: 'TextualBody', purpose: 'tagging', value: 'quản lý thị trường' },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: `urn:workbench:proposal:${proposals[0]!.id}`, type: 'Text', label: proposals[0]!.title, language: 'vi' },
      },
    ])
    const highlight = items.find((i) => i['workbench:kind'] === 'highlight')!
    expect(highlight.body).toBeUndefined()
  })

  it('targets the report with quote and position selectors; an unplaced one keeps only its quote', async () => {
    const { reportId, text, annotations } = await annotateEveryKind(wb)
    const items = (await callOk(wb, 'annotations.exportW3C', { reportId })).first!.items
    const selectorsOf = (a: Annotation): W3CExportAnnotation['target']['selector'] =>
      items.find((i) => i.id === `urn:uuid:${a.id}`)!.target.selector
    for (const a of annotations.filter((x) => x.status === 'placed')) {
      const [quote, position] = selectorsOf(a)
      expect(quote).toEqual({ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix })
      expect(position).toEqual({ type: 'TextPositionSelector', start: a.start, end: a.end })
      expect(text.slice(a.start!, a.end!)).toBe(a.exact)
    }
    const unplaced = annotations.filter((x) => x.status === 'unplaced')
    expect(unplaced.map((a) => a.kind)).toEqual(['concern'])
    expect(selectorsOf(unplaced[0]!)).toEqual([{ type: 'TextQuoteSelector', exact: 'tốc độ tăng trưởng 0,89%', prefix: unplaced[0]!.prefix, suffix: unplaced[0]!.suffix }])
    expect(items.every((i) => i.target.source === `urn:workbench:report:${reportId}`)).toBe(true)
  })

  it('exports a report without annotations as an empty collection', async () => {
    const reportId = (await callOk(wb, 'reports.list', {}))[0]!.id
    const exported = await callOk(wb, 'annotations.exportW3C', { reportId })
    expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 0 })
    expect(exported.first).toBeUndefined()
    expect(w3cSchemaErrors(exported)).toEqual([])
  })
})

describe('the Web Annotation schema itself', () => {
  const valid = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:3f1c2a4e-8d9b-4c1a-9e2f-0a1b2c3d4e5f',
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', value: 'Ghi chú', format: 'text/plain', language: 'vi' },
    target: {
      source: 'urn:workbench:report:1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'xăng dầu', prefix: 'kinh doanh ', suffix: ', cố gắng' },
        { type: 'TextPositionSelector', start: 10, end: 18 },
      ],
    },
  }

  it('accepts a minimal valid annotation and refuses each broken MUST', () => {
    expect(w3cSchemaErrors(valid)).toEqual([])
    const broken: [string, unknown][] = [
      ['no @context', { ...valid, '@context': undefined }],
      ['single context in an array', { ...valid, '@context': ['http://www.w3.org/ns/anno.jsonld'] }],
      ['other context', { ...valid, '@context': 'http://example.org/context.jsonld' }],
      ['no id', { ...valid, id: undefined }],
      ['id not an IRI', { ...valid, id: 'note 1' }],
      ['wrong type', { ...valid, type: 'Note' }],
      ['no target', { ...valid, target: undefined }],
      ['unknown motivation', { ...valid, motivation: 'gossiping' }],
      ['body without value', { ...valid, body: { type: 'TextualBody', format: 'text/plain' } }],
      ['body and bodyValue', { ...valid, bodyValue: 'x' }],
      ['quote without exact', { ...valid, target: { source: 'urn:x:1', selector: { type: 'TextQuoteSelector', prefix: 'a' } } }],
      ['negative start', { ...valid, target: { source: 'urn:x:1', selector: { type: 'TextPositionSelector', start: -1, end: 4 } } }],
      ['fractional end', { ...valid, target: { source: 'urn:x:1', selector: { type: 'TextPositionSelector', start: 1, end: 4.5 } } }],
      ['specific resource without source', { ...valid, target: { type: 'SpecificResource', selector: { type: 'TextQuoteSelector', exact: 'a' } } }],
      ['bad created', { ...valid, created: '26/05/2022' }],
      ['creator of unknown type', { ...valid, creator: { type: 'Robot', name: 'x' } }],
    ]
    for (const [what, doc] of broken) expect(w3cSchemaErrors(JSON.parse(JSON.stringify(doc))).length, what).toBeGreaterThan(0)
  })
})
