// Turns a labelled corpus into scorer training examples: each candidate clause of a report is a
// positive example when it would count as a right suggestion against the gold list.
import { segmentBlocks } from '../src/core/blocks'
import { findCandidates } from '../src/core/extract/candidates'
import { train, type Example, type ScorerWeights } from '../src/core/extract/scorer'
import type { CorpusDoc } from './corpus'
import { words } from './score'

export function examplesOf(doc: CorpusDoc): Example[] {
  const gold = doc.gold.map((g) => words(g.text))
  const goldSets = gold.map((g) => new Set(g))
  return findCandidates(doc.text, segmentBlocks(doc.text)).map((c) => {
    const w = words(doc.text.slice(c.start, c.end))
    const ws = new Set(w)
    const right = goldSets.some((set, i) => {
      const inGold = w.filter((x) => set.has(x)).length / Math.max(1, w.length)
      const holds = gold[i]!.filter((x) => ws.has(x)).length / Math.max(1, gold[i]!.length)
      return inGold >= 0.5 || holds >= 0.8
    })
    return { features: c.features, label: right ? 1 : 0 }
  })
}

export function trainOn(docs: CorpusDoc[]): ScorerWeights {
  return train(docs.flatMap(examplesOf))
}
