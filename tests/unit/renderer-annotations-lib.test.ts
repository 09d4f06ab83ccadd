// Cutting a block at annotation boundaries (overlapping, nested, crossing blocks) and the
// annotation list's filters, including diacritic-free text search.
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/core/annotation-domain'
import { allTags, filterAnnotations, NO_FILTER } from '../../src/renderer/lib/annotationFilter'
import { segmentLayers, type Layer } from '../../src/renderer/lib/annotationSegments'
import { parseTags } from '../../src/renderer/lib/annotationLabels'

const block = { start: 100, end: 120, text: 'abcdefghijklmnopqrst' }
const layer = (id: string, start: number, end: number): Layer => ({ id, start, end, colour: 'yellow' })
const ids = (segs: ReturnType<typeof segmentLayers>) => segs.map((s) => [s.text, s.layers.map((l) => l.id).join('+')])

describe('segmentLayers', () => {
  it('leaves a block without annotations whole', () => {
    expect(ids(segmentLayers(block, [layer('x', 0, 50)]))).toEqual([[block.text, '']])
  })

  it('splits overlapping annotations into pieces covered by one, both, then the other', () => {
    expect(ids(segmentLayers(block, [layer('a', 102, 110), layer('b', 106, 115)]))).toEqual([
      ['ab', ''],
      ['cdef', 'a'],
      ['ghij', 'b+a'],
      ['klmno', 'b'],
      ['pqrst', ''],
    ])
  })

  it('puts a nested annotation inside the one around it', () => {
    const segs = segmentLayers(block, [layer('inner', 104, 106), layer('outer', 101, 110)])
    expect(ids(segs)).toEqual([
      ['a', ''],
      ['bcd', 'outer'],
      ['ef', 'outer+inner'],
      ['ghij', 'outer'],
      ['klmnopqrst', ''],
    ])
    expect(segs.map((s) => s.text).join('')).toBe(block.text)
  })

  it('clips an annotation crossing into the next block', () => {
    expect(ids(segmentLayers(block, [layer('c', 115, 140)]))).toEqual([
      ['abcdefghijklmno', ''],
      ['pqrst', 'c'],
    ])
  })
})

const base: Annotation = {
  id: '00000000-0000-4000-8000-000000000001',
  reportId: 1,
  kind: 'note',
  colour: 'yellow',
  body: 'Cần số liệu',
  tags: ['thương mại'],
  author: '',
  includeInMinutes: false,
  proposalIds: [3],
  start: 0,
  end: 5,
  exact: 'xăng dầu',
  prefix: '',
  suffix: '',
  status: 'placed',
  createdAt: '',
  updatedAt: '',
  version: 1,
}
const other: Annotation = { ...base, id: '00000000-0000-4000-8000-000000000002', kind: 'question', colour: 'green', body: '', tags: ['biên giới'], proposalIds: [], exact: 'trường học' }

describe('filterAnnotations', () => {
  it('matches every filter at once and text without diacritics', () => {
    expect(filterAnnotations([base, other], NO_FILTER)).toHaveLength(2)
    expect(filterAnnotations([base, other], { ...NO_FILTER, text: 'xang DAU' })).toEqual([base])
    expect(filterAnnotations([base, other], { ...NO_FILTER, text: 'so lieu' })).toEqual([base])
    expect(filterAnnotations([base, other], { ...NO_FILTER, colour: 'green' })).toEqual([other])
    expect(filterAnnotations([base, other], { ...NO_FILTER, kind: 'question', colour: 'yellow' })).toEqual([])
    expect(filterAnnotations([base, other], { ...NO_FILTER, tag: 'biên giới' })).toEqual([other])
    expect(filterAnnotations([base, other], { ...NO_FILTER, proposalId: 3 })).toEqual([base])
  })

  it('lists tags once, in Vietnamese order, and reads comma-separated tags', () => {
    expect(allTags([base, other, base])).toEqual(['biên giới', 'thương mại'])
    expect(parseTags(' a, b,, c ,')).toEqual(['a', 'b', 'c'])
  })
})
