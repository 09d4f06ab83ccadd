// The pure half of search: query words, FTS5 expressions that quote every word, and finding the
// matched words again in the original text (offsets, snippets, marks).
import { describe, expect, it } from 'vitest'
import { findTerms, ftsExpression, makeSnippet, matchSpan, searchTerms } from '../../src/core/search-text'

describe('searchTerms', () => {
  it('splits on anything but letters and digits, lower-cases, folds, and drops repeats', () => {
    expect(searchTerms('  Xăng-DẦU, "xăng" (2022)*')).toEqual({ exact: ['xăng', 'dầu', '2022'], folded: ['xang', 'dau', '2022'] })
    expect(searchTerms('Đường'.normalize('NFD'))).toEqual({ exact: ['đường'], folded: ['duong'] })
    expect(searchTerms(' -*"()" ')).toBeNull()
  })
})

describe('ftsExpression', () => {
  it('quotes every word as a prefix token inside a column filter', () => {
    expect(ftsExpression(['folded'], ['xang', 'dau'])).toBe('{folded} : ("xang"* AND "dau"*)')
    expect(ftsExpression(['body', 'quote'], ['near', 'a"b'])).toBe('{body quote} : ("near"* AND "a""b"*)')
    expect(ftsExpression(['original'], ['xăng', 'dầu'], true)).toBe('{original} : ("xăng"* + "dầu"*)')
  })
})

describe('finding matches in the original text', () => {
  const text = 'Đường liên xã; dương liễu và ĐƯỜNG tỉnh, đường sắt.'
  const terms = searchTerms('duong')!

  it('finds word-prefix occurrences whatever their diacritics, widened to the whole word', () => {
    const [spans] = findTerms(text, terms, false)
    expect(spans!.map((s) => text.slice(s.start, s.end))).toEqual(['Đường', 'dương', 'ĐƯỜNG', 'đường'])
    expect(findTerms('Nhuộm màu', searchTerms('uom')!, false)[0]).toEqual([])
  })

  it('prefers occurrences with the typed diacritics when asked', () => {
    const [spans] = findTerms(text, searchTerms('đường')!, true)
    expect(spans!.map((s) => text.slice(s.start, s.end))).toEqual(['Đường', 'ĐƯỜNG', 'đường'])
  })

  it('spans the query words where they follow each other', () => {
    const phrase = 'xăng thì khác; giá xăng dầu tăng'
    const occurrences = findTerms(phrase, searchTerms('xang dau')!, false)
    const span = matchSpan(phrase, occurrences)!
    expect(phrase.slice(span.start, span.end)).toBe('xăng dầu')
  })

  it('cuts a snippet at spaces around the match and marks the words inside it', () => {
    const long = `${'mở đầu '.repeat(30)}giá xăng dầu tăng${' kết thúc'.repeat(40)}`
    const occurrences = findTerms(long, searchTerms('xăng dầu')!, true)
    const { snippet, marks } = makeSnippet(long, matchSpan(long, occurrences), occurrences)
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThan(200)
    expect(marks.map((m) => snippet.slice(m.start, m.end))).toEqual(['xăng', 'dầu'])
  })
})
