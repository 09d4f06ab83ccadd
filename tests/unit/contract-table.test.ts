// The contract table is what both shells register; these checks keep every entry
// documented, named domain.verb, and explicit about whether it needs arguments.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, isMethod, METHODS } from '../../src/core/contract'
import { vnLabel, vnText } from '../../src/core/domain'

/** Methods that take no required argument; any other method must refuse `{}`. */
const NO_REQUIRED_ARGS = [
  'app.info', 'reports.list', 'sectors.list', 'settings.get', 'settings.update',
  'meetings.knownAttendees', 'minutes.getSettings', 'minutes.presets', 'minutes.updateSettings', 'reports.trash', 'reports.emptyTrash', 'imports.open',
  'storage.status', 'storage.backups', 'storage.backup',
]

describe('contract table', () => {
  it('names every method domain.verb and documents it', () => {
    expect(METHODS.length).toBeGreaterThan(0)
    for (const m of METHODS) {
      expect(m, m).toMatch(/^[a-z]+\.[a-z][A-Za-z0-9]*$/)
      expect(contract[m].doc.trim().length, m).toBeGreaterThan(10)
      expect(contract[m].args, m).toBeInstanceOf(z.ZodType)
      expect(contract[m].result, m).toBeInstanceOf(z.ZodType)
    }
  })

  it('accepts {} exactly for the methods meant to, and says what is missing otherwise', () => {
    const accepting = METHODS.filter((m) => contract[m].args.safeParse({}).success)
    expect(accepting.sort()).toEqual([...NO_REQUIRED_ARGS].sort())
    for (const m of METHODS.filter((m) => !NO_REQUIRED_ARGS.includes(m))) {
      const parsed = contract[m].args.safeParse({})
      expect(parsed.success, m).toBe(false)
      expect(parsed.error!.issues.length, m).toBeGreaterThan(0)
      expect(parsed.error!.issues[0]!.path.length, `${m} should name the missing field`).toBeGreaterThan(0)
    }
  })

  it('refuses non-object arguments for every method', () => {
    for (const m of METHODS) {
      for (const bad of [null, 42, 'x', [1]]) expect(contract[m].args.safeParse(bad).success, `${m} ${JSON.stringify(bad)}`).toBe(false)
    }
  })

  it('recognises only its own method names', () => {
    for (const m of METHODS) expect(isMethod(m)).toBe(true)
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'reports', 'reports.', '']) expect(isMethod(name), name).toBe(false)
  })
})

describe('Vietnamese text at the boundary', () => {
  const decomposed = 'Đề xuất đầu tư Trường THCS Hữu Kiệm'.normalize('NFD')

  it('vnText stores NFC whatever form arrives', () => {
    const out = vnText().parse(decomposed)
    expect(out).toBe(decomposed.normalize('NFC'))
    expect(out.length).toBeLessThan(decomposed.length)
    expect(vnText(5).safeParse('quá dài rồi').success).toBe(false)
  })

  it('vnLabel trims, requires text and normalises', () => {
    expect(vnLabel().parse(`  ${decomposed}  `)).toBe(decomposed.normalize('NFC'))
    expect(vnLabel().safeParse('   ').success).toBe(false)
  })

  it('contract arguments arrive normalised', () => {
    const parsed = contract['reports.import'].args.parse({ text: decomposed, title: 'Báo cáo'.normalize('NFD') })
    expect(parsed.text).toBe(decomposed.normalize('NFC'))
    expect(parsed.title).toBe('Báo cáo'.normalize('NFC'))
    expect(contract['reports.import'].args.safeParse({ text: '   ' }).success).toBe(false)
  })
})
