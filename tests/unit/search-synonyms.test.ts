// data/search-synonyms.json: the reviewed list of administrative wording that widens a search,
// checked for its format (NFC, words only, groups of two or more, no term in two groups), and a
// broken list refused by name when the workbench opens.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SynonymsFile } from '../../src/core/search/synonyms'
import { fold } from '../../src/core/text'
import { useTempDirs } from './helpers/temp-dirs'
import { BUNDLED_DATA_DIR, openTestWorkbench } from './helpers/workbench'

const FILE = path.join(BUNDLED_DATA_DIR, 'search-synonyms.json')
const tempDir = useTempDirs()

describe('data/search-synonyms.json', () => {
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as unknown
  const file = SynonymsFile.parse(raw)

  it('is a small list of groups of NFC terms, each term in one group only, each group explained', () => {
    expect(file.groups.length).toBeGreaterThan(2)
    expect(file.groups.length).toBeLessThanOrEqual(30)
    const folded = file.groups.flatMap((g) => g.terms.map(fold))
    expect(new Set(folded).size).toBe(folded.length)
    for (const group of file.groups) {
      expect(group.note, group.terms[0]).toBeTruthy()
      for (const term of group.terms) expect(term).toBe(term.normalize('NFC'))
    }
    expect(file.groups.find((g) => g.terms.includes('sáp nhập'))!.terms).toEqual(expect.arrayContaining(['gom', 'dồn ghép']))
    expect(file.groups.find((g) => g.terms.includes('xăng dầu'))!.terms).toContain('nhiên liệu')
  })

  it('refuses terms in two groups, lone terms, punctuation, double spaces and NFD text', () => {
    const bad = [
      { groups: [{ terms: ['gom', 'dồn ghép'] }, { terms: ['Gom', 'thu gom'] }] },
      { groups: [{ terms: ['gom'] }] },
      { groups: [{ terms: ['xăng/dầu', 'nhiên liệu'] }] },
      { groups: [{ terms: ['xăng  dầu', 'nhiên liệu'] }] },
      { groups: [{ terms: ['xăng dầu'.normalize('NFD'), 'nhiên liệu'] }] },
      { groups: [] },
    ]
    for (const file of bad) expect(SynonymsFile.safeParse(file).success, JSON.stringify(file)).toBe(false)
  })

  it('a broken list stops the workbench from opening, naming the file', () => {
    const data = path.join(tempDir(), 'bundle')
    cpSync(BUNDLED_DATA_DIR, data, { recursive: true })
    writeFileSync(path.join(data, 'search-synonyms.json'), JSON.stringify({ groups: [{ terms: ['gom'] }] }))
    expect(() => openTestWorkbench(path.join(tempDir(), 'data'), data)).toThrow(/search-synonyms\.json/)
  })
})
