// Accuracy on a generated report full of boilerplate, small enough to run with every test run:
// catches regressions the hand-made cases cannot (the full-size figures come from `npm run bench`).
import { describe, expect, it } from 'vitest'
import { reanchorAll } from '../../src/core/anchoring/reanchor'
import { describeRange } from '../../src/core/anchoring/selectors'
import { nearestExactQuote } from '../../bench/baseline'
import { generateAnnotations, generateReport, loadSources } from '../../bench/corpus'
import { COPY, editMovedParagraphs, reviseReport } from '../../bench/revision'
import { misplacedShare, tally, truthFor } from '../../bench/truth'

const sources = loadSources()
const report = generateReport(200, 11, sources)
const annotations = generateAnnotations(report, 1_000, 12)
const revision = editMovedParagraphs(reviseReport(report, 0.02, 13, sources), 14, sources)
const truths = annotations.map((a) => truthFor(revision, a.start, a.end))
const items = annotations.map((a) => ({ id: a.id, selectors: describeRange(report.text, a.start, a.end) }))

describe('generated corpus and revision', () => {
  it('is the same for the same seeds, and repeats passages as boilerplate does', () => {
    expect(generateReport(200, 11, sources).text).toBe(report.text)
    expect(editMovedParagraphs(reviseReport(report, 0.02, 13, sources), 14, sources).text).toBe(revision.text)
    const paragraphs = report.paragraphs.map((p) => report.text.slice(p.start, p.end))
    expect(new Set(paragraphs).size).toBeLessThan(paragraphs.length)
    expect(report.text.length).toBeGreaterThan(100_000)
  })

  it('edits about the share of characters asked for, and records where each character went', () => {
    expect(revision.editedChars / report.text.length).toBeGreaterThan(0.018)
    expect(revision.editedChars / report.text.length).toBeLessThan(0.03)
    for (const kind of Object.keys(revision.counts) as Array<keyof typeof revision.counts>) expect(revision.counts[kind]).toBeGreaterThan(0)
    let copies = 0
    let wrongCopies = 0
    for (let n = 0; n < revision.text.length; n++) {
      if (revision.kind[n] !== COPY) continue
      copies++
      if (revision.text[n] !== report.text[revision.origin[n]!]) wrongCopies++
    }
    expect(copies).toBeGreaterThan(0.9 * report.text.length)
    expect(wrongCopies).toBe(0)
  })

  it('knows each annotation’s correct new span, or that its text was deleted', () => {
    const deleted = truths.filter((t) => t.deleted).length
    expect(deleted).toBeGreaterThan(0)
    let untouched = 0
    annotations.forEach((a, i) => {
      const t = truths[i]!
      if (t.deleted) return
      expect(t.end).toBeGreaterThan(t.start)
      const after = revision.text.slice(t.start, t.end)
      expect(after.trim()).toBe(after)
      // Every character still there, side by side: the truth is the same text, moved.
      const first = revision.newIndexOf[a.start]!
      let intact = first >= 0
      for (let k = a.start + 1; intact && k < a.end; k++) intact = revision.newIndexOf[k] === first + (k - a.start)
      if (intact) {
        untouched++
        expect({ start: t.start, text: after }).toEqual({ start: first, text: report.text.slice(a.start, a.end) })
      }
    })
    expect(untouched).toBeGreaterThan(annotations.length / 2)
  })
})

describe('re-anchoring accuracy at 2 % edits (200 paragraphs, 1,000 annotations)', () => {
  it('with the previous revision: at least 98 % right, at most 0.5 % misplaced, none on deleted text', () => {
    const t = tally(truths, reanchorAll(report.text, revision.text, items))
    expect(t.intactRight / t.intact).toBeGreaterThanOrEqual(0.98)
    expect(t.changedPlaced / t.total).toBeLessThanOrEqual(0.005)
    expect(misplacedShare(t)).toBeLessThanOrEqual(0.005)
    expect(t.deletedPlaced).toBe(0)
  })

  it('without it: at least 95 % right, at most 1 % misplaced', () => {
    const t = tally(truths, reanchorAll(null, revision.text, items))
    expect(t.intactRight / t.intact).toBeGreaterThanOrEqual(0.95)
    expect(misplacedShare(t)).toBeLessThanOrEqual(0.01)
  })

  it('is a corpus on which the nearest exact quote goes wrong often', () => {
    const t = tally(truths, nearestExactQuote(revision.text, items))
    expect(misplacedShare(t)).toBeGreaterThan(0.1)
  })
})
