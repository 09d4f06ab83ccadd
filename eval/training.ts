// Turns a labelled corpus into scorer training examples: each candidate clause of a report is a
// positive example when its span lies in a gold item's span. The decision threshold is chosen on
// the training reports only: by default the best F1 over their candidates as the trained model
// scores them; or (held-out) the one whose suggestions score best, as the evaluation counts them,
// on each training report when the model scoring it was trained on the other training reports.
import { segmentBlocks } from '../src/core/blocks'
import { findCandidates, type Candidate } from '../src/core/extract/candidates'
import { extractProposals } from '../src/core/extract/extract'
import { train, type Example, type ScorerWeights } from '../src/core/extract/scorer'
import type { CorpusDoc } from './corpus'
import { addCounts, emptyCounts, scoreDoc, words, type Counts } from './score'

/**
 * Each candidate labelled by where it is: a directive when its span lies mostly inside the span
 * of a gold item (gold texts are verbatim and unique in the report), or holds most of one; not
 * one when it shares no more than a few words with any item. A candidate elsewhere in the report
 * that shares most of its words with an item (a headline or a sapo repeating it) is left out of
 * training: it is neither the directive nor clearly something else.
 */
export function examplesOf(doc: CorpusDoc): Example[] {
  return labelledCandidates(doc).flatMap(({ candidate, label }) => (label === null ? [] : [{ features: candidate.features, label }]))
}

/** Every candidate of the report with its label: 1, 0, or null when left out of training. */
export function labelledCandidates(doc: CorpusDoc): { candidate: Candidate; label: 0 | 1 | null }[] {
  const spans = goldSpans(doc)
  const gold = doc.gold.map((g) => words(g.text))
  const goldSets = gold.map((g) => new Set(g))
  return findCandidates(doc.text, segmentBlocks(doc.text)).map((c) => {
    const inside = spans.some((g) => {
      const overlap = Math.max(0, Math.min(c.end, g.end) - Math.max(c.start, g.start))
      return overlap >= 0.5 * (c.end - c.start) || overlap >= 0.8 * (g.end - g.start)
    })
    if (inside) return { candidate: c, label: 1 }
    const w = words(doc.text.slice(c.start, c.end))
    const ws = new Set(w)
    const alike = goldSets.some((set, i) => w.filter((x) => set.has(x)).length / Math.max(1, w.length) >= 0.5 || gold[i]!.filter((x) => ws.has(x)).length / Math.max(1, gold[i]!.length) >= 0.8)
    return { candidate: c, label: alike ? null : 0 }
  })
}

/** Where each gold item stands in the report's text (items not found verbatim are left out). */
export function goldSpans(doc: CorpusDoc): { start: number; end: number }[] {
  return doc.gold.flatMap((g) => {
    const at = doc.text.indexOf(g.text)
    return at === -1 ? [] : [{ start: at, end: at + g.text.length }]
  })
}

export type ThresholdChoice = 'held-out' | 'in-sample'

/**
 * Weights from every training report; the threshold either from held-out scores (each training
 * report scored by a model trained on the others) or from the final model's own training scores.
 */
export function trainOn(docs: CorpusDoc[], threshold: ThresholdChoice = 'in-sample', cache = new Map<CorpusDoc, Example[]>()): ScorerWeights {
  const examples = (d: CorpusDoc) => {
    let ex = cache.get(d)
    if (!ex) cache.set(d, (ex = examplesOf(d)))
    return ex
  }
  const model = train(docs.flatMap(examples))
  if (threshold === 'in-sample' || docs.length < 3) return model
  const cuts = CUTS.map(() => emptyCounts())
  for (const d of docs) {
    const inner = train(docs.filter((o) => o !== d).flatMap(examples))
    CUTS.forEach((t, i) => {
      const found = extractProposals(d.text, segmentBlocks(d.text), [], { year: d.year, model: { ...inner, threshold: t } })
      cuts[i] = addCounts(cuts[i]!, scoreDoc(d.gold, found).counts)
    })
  }
  const f1 = (c: Counts) => (c.found + c.right === 0 ? 0 : (2 * (c.found / Math.max(1, c.gold)) * (c.right / Math.max(1, c.suggested))) / ((c.found / Math.max(1, c.gold)) + (c.right / Math.max(1, c.suggested))))
  let best = 0
  cuts.forEach((c, i) => {
    if (f1(c) > f1(cuts[best]!)) best = i
  })
  return { ...model, threshold: CUTS[best]! }
}

const CUTS = Array.from({ length: 13 }, (_, i) => Math.round((0.2 + i * 0.05) * 100) / 100)
