// The edit script between two revisions, which carries annotations across: complete, honest
// about replaced text, and fast on a 600,000-character report.
import { describe, expect, it } from 'vitest'
import { OffsetMap } from '../../src/core/anchoring/offset-map'
import { isTypoVariant } from '../../src/core/anchoring/similarity'
import { diffRevisions, focusOn, refineCoarse, type EditOp } from '../../src/core/anchoring/text-diff'
import { generateReport, loadSources } from '../../bench/corpus'
import { reviseReport } from '../../bench/revision'

/** The script must tile both texts in order, and what it calls equal must be equal. */
function checkScript(oldText: string, newText: string, ops: EditOp[]): void {
  let o = 0
  let n = 0
  let mismatches = 0
  for (const op of ops) {
    expect([op.oldStart, op.newStart]).toEqual([o, n])
    if (op.kind === 'equal' && oldText.slice(op.oldStart, op.oldEnd) !== newText.slice(op.newStart, op.newEnd)) mismatches++
    if (op.kind === 'insert') expect(op.oldEnd).toBe(op.oldStart)
    if (op.kind === 'delete') expect(op.newEnd).toBe(op.newStart)
    o = op.oldEnd
    n = op.newEnd
  }
  expect(mismatches).toBe(0)
  expect([o, n]).toEqual([oldText.length, newText.length])
}

const A = 'Tổng giá trị sản xuất năm 2021 ước đạt hơn 1.582 tỷ đồng, tốc độ tăng trưởng 0,89%.'
const B = 'Tỷ lệ giải ngân vốn đầu tư công đạt 94,67%, đứng thứ 4/21 địa phương.'
const C = 'Huyện cũng cần quan tâm công tác cải cách hành chính, sắp xếp tổ chức bộ máy.'

describe('diffRevisions', () => {
  it('keeps the unchanged parts of a mistyped word', () => {
    const ops = diffRevisions(`${A} ${B}`, `${A} ${B.replace('giải ngân', 'giải nhân')}`)
    checkScript(`${A} ${B}`, `${A} ${B.replace('giải ngân', 'giải nhân')}`, ops)
    const changed = ops.filter((op) => op.kind !== 'equal')
    const at = A.length + 1 + B.indexOf('giải ngân') + 'giải n'.length
    expect(changed).toEqual([{ kind: 'subst', oldStart: at, oldEnd: at + 1, newStart: at, newEnd: at + 1, typo: true }])
  })

  it('does not lend a replaced sentence’s common words to the one that replaced it', () => {
    const old = `${A} ${B}\n\n${C}`
    const revised = `${A} Hội nghị đã thống nhất đánh giá tình hình kinh tế - xã hội của huyện.\n\n${C}`
    const ops = diffRevisions(old, revised)
    checkScript(old, revised, ops)
    const inB = ops.filter((op) => op.oldStart >= old.indexOf(B) && op.oldEnd <= old.indexOf(B) + B.length && op.oldEnd > op.oldStart)
    expect(inB.every((op) => op.kind === 'delete')).toBe(true)
  })

  it('tiles a long revision and is fast enough for 600,000 characters', () => {
    const sources = loadSources()
    const report = generateReport(1_000, 5, sources)
    const revision = reviseReport(report, 0.1, 6, sources)
    const started = performance.now()
    const ops = diffRevisions(report.text, revision.text)
    const seconds = (performance.now() - started) / 1000
    checkScript(report.text, revision.text, ops)
    // A character-level diff of texts this long takes minutes; the layered one about a second.
    expect(seconds).toBeLessThan(15)
    const equal = ops.filter((op) => op.kind === 'equal').reduce((sum, op) => sum + op.oldEnd - op.oldStart, 0)
    expect(equal / report.text.length).toBeGreaterThan(0.85)
  })
})

describe('OffsetMap', () => {
  const old = `${A}\n\n${B}\n\n${C}`
  const revised = `${C.slice(0, 6)}…\n\n${A}\n\n${C}`
  const map = new OffsetMap(diffRevisions(old, revised))

  it('moves unchanged spans by the text inserted before them and reports what survived', () => {
    const start = old.indexOf('tốc độ')
    const mapped = map.map(start, start + 6)
    expect(mapped).toMatchObject({ start: revised.indexOf('tốc độ'), end: revised.indexOf('tốc độ') + 6, kept: 6 })
  })

  it('returns null for a deleted span and finds the deleted run around it', () => {
    const start = old.indexOf('giải ngân')
    expect(map.map(start, start + 9)).toBeNull()
    const [from, to] = map.deletedRun(start, start + 9)
    expect(old.slice(from, to)).toContain(B)
    expect(map.newOnly[0]).toEqual([0, revised.indexOf(A)])
    expect(map.oldOnly.some(([a, b]) => a <= old.indexOf(B) && old.indexOf(B) + B.length <= b)).toBe(true)
  })
})

describe('a diff focused on the annotated sentences', () => {
  const sources = loadSources()
  const report = generateReport(120, 11, sources)
  const revision = reviseReport(report, 0.05, 12, sources)
  const oldText = report.text
  const newText = revision.text
  // A few annotations, as on a long report read by one person.
  const annotated = Array.from({ length: 12 }, (_, i) => {
    const start = Math.floor(((i + 0.5) * oldText.length) / 12)
    return { start, end: start + 40 }
  })
  const full = new OffsetMap(diffRevisions(oldText, newText))
  const lazyMap = () => new OffsetMap(diffRevisions(oldText, newText, focusOn(annotated)), (op) => refineCoarse(oldText, newText, op))

  it('leaves the other sentences undiffed, and the script still tiles both texts', () => {
    const ops = diffRevisions(oldText, newText, focusOn(annotated))
    checkScript(oldText, newText, ops)
    expect(ops.filter((op) => op.coarse).length).toBeGreaterThan(10)
    expect(ops.length).toBeLessThan(diffRevisions(oldText, newText).length)
  })

  it('maps every span, annotated or not, exactly as the full diff does', () => {
    const lazy = lazyMap()
    for (let s = 0; s + 60 < oldText.length; s += 997) {
      for (const length of [5, 60]) {
        expect(lazy.map(s, s + length)).toEqual(full.map(s, s + length))
        expect(lazy.deletedRun(s, s + length)).toEqual(full.deletedRun(s, s + length))
      }
    }
  })

  it('tells inserted and deleted text as the full diff does, refining what it must', () => {
    const lazy = lazyMap()
    for (const [a, b] of full.newOnly.slice(0, 80)) expect(lazy.isNewOnly(a, b)).toBe(true)
    for (const [a, b] of full.oldOnly.slice(0, 80)) expect(lazy.isOldOnly(a, b)).toBe(true)
    // Unchanged text is neither.
    const equal = diffRevisions(oldText, newText).filter((op) => op.kind === 'equal' && op.oldEnd - op.oldStart > 20).slice(0, 40)
    for (const op of equal) {
      expect(lazy.isNewOnly(op.newStart, op.newEnd)).toBe(false)
      expect(lazy.isOldOnly(op.oldStart, op.oldEnd)).toBe(false)
    }
  })
})

describe('isTypoVariant', () => {
  it('accepts a slip of the keyboard or another diacritic, not another word', () => {
    expect(isTypoVariant('phát', 'phat')).toBe(true)
    expect(isTypoVariant('đường', 'dường')).toBe(true)
    expect(isTypoVariant('nhất', 'nht')).toBe(true)
    expect(isTypoVariant('triển', 'trỉển')).toBe(true)
    expect(isTypoVariant('kinh', 'knih')).toBe(true)
    expect(isTypoVariant('và', 'vì')).toBe(false)
    expect(isTypoVariant('tăng', 'giảm')).toBe(false)
    expect(isTypoVariant('huyện', 'xuyên')).toBe(false)
  })
})
