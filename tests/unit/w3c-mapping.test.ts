// The pure W3C mapping: motivations ↔ kinds, our IRIs, positions for quotes that come without
// one, and the document shapes the importer accepts.
import { describe, expect, it } from 'vitest'
import { uuidFromName } from '../../src/backend/services/annotations-w3c'
import { WorkbenchError } from '../../src/core/errors'
import { parseW3CDocument } from '../../src/core/w3c/import'
import { positionOfQuote } from '../../src/core/w3c/quote-position'
import { kindFromMotivations, proposalIdFromIri, uuidFromIri } from '../../src/core/w3c/vocabulary'

const annotation = (id: string, extra: object = {}) => ({
  id,
  type: 'Annotation',
  target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'xăng dầu' } },
  ...extra,
})

describe('vocabulary', () => {
  it('derives a kind from other tools’ motivations', () => {
    expect(kindFromMotivations(['questioning'], true)).toBe('question')
    expect(kindFromMotivations(['oa:assessing'], false)).toBe('concern')
    expect(kindFromMotivations(['highlighting'], false)).toBe('highlight')
    expect(kindFromMotivations(['highlighting'], true)).toBe('note')
    expect(kindFromMotivations(['describing'], true)).toBe('note')
    expect(kindFromMotivations([], false)).toBe('highlight')
  })

  it('reads our IRIs and nothing else', () => {
    expect(uuidFromIri('urn:uuid:3F1C2A4E-8D9B-4C1A-9E2F-0A1B2C3D4E5F')).toBe('3f1c2a4e-8d9b-4c1a-9e2f-0a1b2c3d4e5f')
    expect(uuidFromIri('https://example.org/3f1c2a4e-8d9b-4c1a-9e2f-0a1b2c3d4e5f')).toBeNull()
    expect(proposalIdFromIri('urn:workbench:proposal:12')).toBe(12)
    expect(proposalIdFromIri('urn:workbench:proposal:0')).toBeNull()
    expect(proposalIdFromIri('urn:workbench:proposal:12x')).toBeNull()
  })

  it('gives any other IRI a stable version-5 UUID', () => {
    const id = uuidFromName('https://annotations.example.org/anno/42')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuidFromName('https://annotations.example.org/anno/42')).toBe(id)
    expect(uuidFromName('https://annotations.example.org/anno/43')).not.toBe(id)
  })
})

describe('positionOfQuote', () => {
  const text = 'Xã A đề nghị hỗ trợ. Xã B đề nghị hỗ trợ. Xã C cần vốn.'
  it('places a quote found once, using context to tell repeated ones apart', () => {
    expect(positionOfQuote(text, { exact: 'cần vốn', prefix: '', suffix: '' })).toEqual({ start: text.indexOf('cần vốn'), end: text.indexOf('cần vốn') + 7 })
    expect(positionOfQuote(text, { exact: 'đề nghị hỗ trợ', prefix: 'Xã B ', suffix: '' })).toEqual({
      start: text.indexOf('đề nghị', 10),
      end: text.indexOf('đề nghị', 10) + 14,
    })
  })
  it('refuses to guess between copies, and finds nothing that is not there', () => {
    expect(positionOfQuote(text, { exact: 'đề nghị hỗ trợ', prefix: '', suffix: '.' })).toBeNull()
    expect(positionOfQuote(text, { exact: 'không có', prefix: '', suffix: '' })).toBeNull()
  })
})

describe('parseW3CDocument shapes', () => {
  const context = 'http://www.w3.org/ns/anno.jsonld'
  it('reads pages chained with embedded next pages', () => {
    const doc = {
      '@context': context,
      id: 'urn:c',
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [annotation('urn:a:1')], next: { type: 'AnnotationPage', items: [annotation('urn:a:2')] } },
    }
    expect(parseW3CDocument(doc).map((a) => a.iri)).toEqual(['urn:a:1', 'urn:a:2'])
  })

  it('takes the note from bodyValue and untyped or textual bodies, tags from tagging bodies', () => {
    const [a] = parseW3CDocument(
      annotation('urn:a:1', {
        '@context': [context, { x: 'urn:x:' }],
        body: [{ value: 'Ghi chú một' }, { type: 'TextualBody', value: 'Hạ tầng', purpose: 'tagging' }, 'https://example.org/tag', { type: 'Image', id: 'https://e/i.png' }],
        creator: [{ type: 'Person', name: ['Hà', 'Hà N.'] }],
        modified: '2024-01-02T03:04:05+07:00',
      }),
    )
    expect(a).toMatchObject({ body: 'Ghi chú một', tags: ['Hạ tầng'], author: 'Hà', modified: '2024-01-01T20:04:05.000Z', kind: 'note', colour: 'blue' })
  })

  it('refuses annotations quoting several passages, and pages given by IRI', () => {
    const twoTargets = annotation('urn:a:1', { '@context': context, target: [annotation('x').target, annotation('y').target] })
    expect(() => parseW3CDocument(twoTargets)).toThrow(/several targets/)
    expect(() => parseW3CDocument({ '@context': context, type: 'AnnotationPage', items: [annotation('urn:a:1')], next: 'https://e/2' })).toThrow(/embedded/)
  })

  it('answers every odd shape with a bad_request naming the problem, never a crash', () => {
    const base = annotation('urn:a:1', { '@context': context })
    const odd: unknown[] = [
      null, 0, true, 'x', [null], [[]], {}, { type: 7 }, { type: [] }, { '@context': context, type: 'AnnotationCollection', first: 3 },
      { '@context': context, type: 'AnnotationPage', items: 'x' }, { '@context': context, type: 'AnnotationPage' },
      { ...base, target: 5 }, { ...base, target: [] }, { ...base, target: { selector: 'x' } }, { ...base, target: { selector: [null] } },
      { ...base, body: 5 }, { ...base, body: [{ type: 'SpecificResource' }] }, { ...base, body: [{ type: 'SpecificResource', source: { label: 'x' } }] },
      { ...base, body: { type: ['TextualBody'], value: null } }, { ...base, creator: 5 }, { ...base, motivation: [1] }, { ...base, id: '' },
      { ...base, type: ['Note'] }, { ...base, bodyValue: 4 }, { ...base, 'workbench:includeInMinutes': 'yes' },
    ]
    for (const doc of odd) {
      let caught: unknown
      try {
        parseW3CDocument(doc)
      } catch (err) {
        caught = err
      }
      expect(caught, JSON.stringify(doc)).toBeInstanceOf(WorkbenchError)
      expect((caught as WorkbenchError).code).toBe('bad_request')
    }
  })
})
