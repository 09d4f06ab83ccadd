// The suggestion panel's view logic: filters by sector and body, most confident first or by
// section in text order, and section runs for the headings.
import { describe, expect, it } from 'vitest'
import { bodiesOf, filterSuggestions, groupBySection, orderSuggestions } from '../../src/renderer/lib/suggestionView'

const s = (key: string, start: number, confidence: number, sector: string, owner: string | null, section: string | null) => ({
  key, start, confidence, sector, owner, section,
})
const items = [
  s('a', 0, 0.6, 'health', 'Sở Y tế', null),
  s('b', 50, 0.9, 'transport', 'UBND huyện', 'I. Giao thông'),
  s('c', 90, 0.7, 'transport', null, 'I. Giao thông'),
  s('d', 140, 0.95, 'health', 'UBND huyện', 'II. Y tế'),
]

describe('suggestion view', () => {
  it('ranks the most confident first, or keeps text order by section', () => {
    expect(orderSuggestions(items, 'confidence').map((x) => x.key)).toEqual(['d', 'b', 'c', 'a'])
    expect(orderSuggestions(items, 'section').map((x) => x.key)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('filters by sector, by body and by "no body named"', () => {
    expect(filterSuggestions(items, { sector: 'health', body: null }).map((x) => x.key)).toEqual(['a', 'd'])
    expect(filterSuggestions(items, { sector: null, body: 'UBND huyện' }).map((x) => x.key)).toEqual(['b', 'd'])
    expect(filterSuggestions(items, { sector: 'transport', body: '' }).map((x) => x.key)).toEqual(['c'])
  })

  it('lists the bodies most frequent first and groups consecutive sections', () => {
    expect(bodiesOf(items)).toEqual([
      { body: 'UBND huyện', count: 2 },
      { body: '', count: 1 },
      { body: 'Sở Y tế', count: 1 },
    ])
    expect(groupBySection(orderSuggestions(items, 'section')).map((g) => [g.section, g.items.length])).toEqual([
      [null, 1],
      ['I. Giao thông', 2],
      ['II. Y tế', 1],
    ])
  })
})
