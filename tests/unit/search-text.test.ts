// The pure half of search: reading a query (whole words, the last one a prefix while typed,
// synonym readings), FTS5 expressions that quote every word, and finding the query again in an
// item's text (diacritics agreement, BM25-style weight, the passage and the marks).
import { describe, expect, it } from 'vitest'
import { markAgreement, matchText } from '../../src/core/search/match'
import { literalTiers, parseQuery, synonymExpression, tierExpression } from '../../src/core/search/query'
import { makeSnippet } from '../../src/core/search/snippet'
import { synonymIndex, SynonymsFile } from '../../src/core/search/synonyms'

const synonyms = synonymIndex(SynonymsFile.parse({ groups: [{ terms: ['sáp nhập', 'gom', 'sắp xếp điểm trường'] }] }))

describe('parseQuery', () => {
  it('splits on anything but letters and digits, lower-cases, folds, drops repeats; only a last word still being typed is a prefix', () => {
    const q = parseQuery('  Xăng-DẦU, "xăng" (2022)*')!
    expect(q.words.map((w) => [w.exact, w.folded, w.marked, w.prefix])).toEqual([
      ['xăng', 'xang', true, false],
      ['dầu', 'dau', true, false],
      ['2022', '2022', false, false],
    ])
    expect(parseQuery('don ghep')!.words.map((w) => w.prefix)).toEqual([false, true])
    expect(parseQuery('don ghep ')!.words.map((w) => w.prefix)).toEqual([false, false])
    expect(parseQuery('Đường'.normalize('NFD'))!.words[0]).toMatchObject({ exact: 'đường', folded: 'duong' })
    expect(parseQuery(' -*"()" ')).toBeNull()
  })

  it('reads a synonym typed as whole words as each other term of its group, as a phrase', () => {
    const q = parseQuery('sap nhap truong', synonyms)!
    expect(q.synonyms.map((v) => v.groups.map((g) => g.map((w) => w.folded).join(' ')))).toEqual([
      ['gom', 'truong'],
      ['sap xep diem truong', 'truong'],
    ])
    expect(parseQuery('sap nha', synonyms)!.synonyms).toEqual([])
  })
})

describe('FTS5 expressions', () => {
  it('quotes every word, keeps the prefix star for the last word only, and asks tier by tier', () => {
    const q = parseQuery('xăng dầ')!
    expect(literalTiers(q).map((t) => `${t.proximity}/${t.wholeLast ? 'whole' : 'prefix'}/${t.exactMarks ? 'exact' : 'folded'}`)).toEqual([
      'phrase/whole/exact', 'phrase/whole/folded', 'phrase/prefix/exact', 'phrase/prefix/folded',
      'near/whole/exact', 'near/whole/folded', 'near/prefix/exact', 'near/prefix/folded',
      'all/whole/exact', 'all/whole/folded', 'all/prefix/exact', 'all/prefix/folded',
    ])
    const [first, , third] = literalTiers(q)
    expect(tierExpression(q, first!, ['original'])).toBe('{folded} : ("xang" + "da") AND {original} : ("xăng") AND {original} : ("dầ")')
    expect(tierExpression(q, third!, ['body', 'quote'])).toBe('{folded} : ("xang" + "da"*) AND {body quote} : ("xăng") AND {body quote} : ("dầ"*)')
    expect(tierExpression(q, { proximity: 'near', wholeLast: false, exactMarks: false }, ['original'])).toBe('{folded} : (NEAR("xang" "da"*, 6))')
    expect(tierExpression(parseQuery('near a"b ')!, { proximity: 'all', wholeLast: true, exactMarks: false }, ['x'])).toBe('{folded} : ("near" AND "a" AND "b")')
    expect(literalTiers(parseQuery('duong ')!)).toEqual([{ proximity: 'all', wholeLast: true, exactMarks: false }])
    expect(synonymExpression(parseQuery('sap nhap truong', synonyms)!.synonyms)).toBe(
      '{folded} : (("gom" AND "truong"*) OR (("sap" + "xep" + "diem" + "truong") AND "truong"*))',
    )
  })
})

describe('finding the query in a text', () => {
  it('counts the typed letters that keep their diacritics', () => {
    expect(markAgreement('trường', 'trường')).toBe(1)
    expect(markAgreement('trường', 'trưởng')).toBeCloseTo(5 / 6)
    expect(markAgreement('trường', 'truong')).toBeCloseTo(4 / 6)
    expect(markAgreement('đường', 'dường')).toBeCloseTo(4 / 5)
  })

  it('matches whole words, and the last word as a prefix; "don" never matches inside "động"', () => {
    const text = 'Huy động nguồn lực, lồng ghép chương trình; dồn ghép điểm trường.'
    const m = matchText(text, parseQuery('don ghep')!.literal)
    expect(m.marks.map((s) => text.slice(s.start, s.end))).toEqual(['ghép', 'dồn', 'ghép'])
    expect(text.slice(m.focus!.start, m.focus!.end)).toBe('dồn ghép')
    expect(matchText('Huy động nguồn lực, lồng ghép', parseQuery('don ghep')!.literal).found).toBe(1)
    const prefix = matchText('Huy động nguồn lực', parseQuery('huy do')!.literal)
    expect([prefix.found, prefix.whole]).toEqual([2, 0.5])
  })

  it('prefers the occurrences with the typed diacritics for marks, and says whether all words kept them', () => {
    const text = 'Tăng trưởng tốt; trường học mới; TRƯỜNG lớp.'
    const m = matchText(text, parseQuery('trường')!.literal)
    expect(m.marks.map((s) => text.slice(s.start, s.end))).toEqual(['trường', 'TRƯỜNG'])
    expect([m.exact, m.agreement]).toEqual([true, 1])
    const folded = matchText('Tăng trưởng tốt', parseQuery('trường')!.literal)
    expect(folded.exact).toBe(false)
    expect(folded.agreement).toBeCloseTo(5 / 6)
    expect(matchText(text, parseQuery('truong')!.literal)).toMatchObject({ exact: false, agreement: 1 })
  })

  it('weighs more occurrences in a shorter text higher', () => {
    const variant = parseQuery('truong')!.literal
    const once = matchText('Tăng trưởng kinh tế đạt 7 phần trăm trong năm nay.', variant)
    const thrice = matchText('Sáp nhập điểm trường lẻ về trường chính, trường mới.', variant)
    expect(thrice.weight).toBeGreaterThan(once.weight)
  })

  it('finds the shortest passage holding every word', () => {
    const text = 'Kinh doanh nhỏ lẻ, tế bào sản xuất; phát triển kinh tế biên giới.'
    const m = matchText(text, parseQuery('kinh te')!.literal)
    expect(text.slice(m.focus!.start, m.focus!.end)).toBe('kinh tế')
  })

  it('cuts a snippet at spaces around the match and marks the words inside it', () => {
    const long = `${'mở đầu '.repeat(30)}giá xăng dầu tăng${' kết thúc'.repeat(40)}`
    const m = matchText(long, parseQuery('xăng dầu')!.literal)
    const { snippet, marks } = makeSnippet(long, m.focus, m.marks)
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThan(200)
    expect(marks.map((s) => snippet.slice(s.start, s.end))).toEqual(['xăng', 'dầu'])
  })
})
