// The two message catalogues: same keys, clean text, and every key the renderer asks
// for exists (a missing key would show its raw name to the user).
import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/i18n/en'
import { vi } from '../../src/renderer/i18n/vi'

const flatten = (o: object, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : flatten(v as object, `${prefix}${k}.`)))

const sources = import.meta.glob<string>(['../../src/renderer/**/*.vue', '../../src/renderer/**/*.ts', '!**/i18n/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(flatten(en).map(([k]) => k)).toEqual(flatten(vi).map(([k]) => k))
  })

  it('use no vue-i18n syntax characters by accident and no empty text', () => {
    for (const [key, text] of [...flatten(vi), ...flatten(en)]) {
      expect(text, key).not.toMatch(/[@|]/)
      expect(text.trim(), key).not.toBe('')
    }
  })

  it('are NFC-normalised Vietnamese', () => {
    for (const [key, text] of flatten(vi)) expect(text, key).toBe(text.normalize('NFC'))
  })
})

describe('message keys used by the renderer', () => {
  it('all exist in the catalogues', () => {
    const known = new Set(flatten(vi).map(([k]) => k))
    const used = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/(?:\bt\(|key: |label: )'([a-zA-Z_.]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(50)
    expect([...used].filter((k) => !known.has(k))).toEqual([])
  })
})
