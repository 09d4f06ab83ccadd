// Search runs on folded text; highlights land on the NFC report through foldWithMap's offsets.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { foldWithMap } from '../../src/core/fold-map'
import { fold, nfc } from '../../src/core/text'

const report = readFileSync(new URL('../../data/samples/ky-son-2022-05-26/report.txt', import.meta.url), 'utf8')

/** The NFC source span behind folded [from, to). */
function sourceSpan(map: number[], from: number, to: number): [number, number] {
  return [map[from]!, to > from ? map[to - 1]! + 1 : map[from]!]
}

describe('foldWithMap', () => {
  it('folds đ and Đ to d and keeps one offset per letter', () => {
    const { folded, map } = foldWithMap('Đường đi')
    expect(folded).toBe('duong di')
    expect(map).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('maps letters with two marks (ệ, ữ) to their single NFC code unit', () => {
    const s = 'Nghệ An giữ vững'
    const { folded, map } = foldWithMap(s)
    expect(folded).toBe('nghe an giu vung')
    expect(s[map[folded.indexOf('e')]!]).toBe('ệ')
    expect(s[map[folded.indexOf('giu') + 2]!]).toBe('ữ')
    expect(map[map.length - 1]).toBe(s.length)
  })

  it('maps decomposed input onto its NFC form', () => {
    const decomposed = 'Kỳ Sơn, Nghệ An'.normalize('NFD')
    expect(decomposed.length).toBeGreaterThan(nfc(decomposed).length)
    const { folded, map } = foldWithMap(decomposed)
    const source = nfc(decomposed)
    expect(folded).toBe('ky son, nghe an')
    expect(map).toHaveLength(folded.length + 1)
    const at = folded.indexOf('nghe an')
    const [start, end] = sourceSpan(map, at, at + 'nghe an'.length)
    expect(source.slice(start, end)).toBe('Nghệ An')
    // A lone combining mark (on nothing) folds away rather than breaking the map.
    expect(foldWithMap('e\u0323\u0302').folded).toBe('e')
    expect(foldWithMap('e\u0323\u0302').map).toEqual([0, 1])
  })

  it('agrees with fold() on a whole report and maps every hit back to the matching words', () => {
    const { folded, map } = foldWithMap(report)
    const source = nfc(report)
    expect(folded).toBe(fold(report))
    expect(map).toHaveLength(folded.length + 1)
    for (let i = 0; i < folded.length; i++) expect(fold(source[map[i]!]!)).toBe(folded[i])
    const query = fold('ky son')
    let hits = 0
    for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + 1)) {
      const [start, end] = sourceSpan(map, at, at + query.length)
      expect(source.slice(start, end)).toMatch(/^Kỳ Sơn$/iu)
      hits++
    }
    expect(hits).toBeGreaterThan(5)
  })
})
