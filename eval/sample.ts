// An extra held-out check on the bundled Kỳ Sơn report (not part of the labelled corpus, never
// used for training): how many passages of its starter checklist the suggestions cover, and how
// many suggestions are right against that checklist, by the corpus's own scoring rules.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { StarterChecklist } from '../src/core/data-files'
import { extractProposals } from '../src/core/extract/extract'
import type { ScorerWeights } from '../src/core/extract/scorer'
import { parseReport } from '../src/core/report-parse'
import type { Sector } from '../src/core/domain'
import { scoreDoc } from './score'

const SAMPLE = path.resolve(import.meta.dirname, '../data/samples/ky-son-2022-05-26')

export interface SampleFigures {
  items: number
  covered: number
  suggested: number
  right: number
  sameSector: number
}

export function sampleFigures(sectors: Sector[], model: ScorerWeights): SampleFigures | null {
  if (!existsSync(path.join(SAMPLE, 'report.txt'))) return null
  const report = parseReport(readFileSync(path.join(SAMPLE, 'report.txt'), 'utf8'))
  const checklist = StarterChecklist.parse(JSON.parse(readFileSync(path.join(SAMPLE, 'checklist.json'), 'utf8')))
  const found = extractProposals(report.text, report.blocks, sectors, { year: 2022, model })
  // The checklist's sectors are app codes already: an item's sector is right when it is equal.
  const gold = checklist.items.map((i) => ({ text: i.quote, sector: i.sector, actor: null }))
  const { counts, items } = scoreDoc(gold, found)
  const sameSector = items.filter((it) => it.match && it.match.sector === it.gold.sector).length
  return { items: gold.length, covered: counts.found, suggested: counts.suggested, right: counts.right, sameSector }
}

export function sampleLine(f: SampleFigures | null): string {
  if (!f) return 'Kỳ Sơn sample: not present.'
  return `Kỳ Sơn report (held out; scorer trained on every corpus report): checklist passages covered ${f.covered}/${f.items}, ` +
    `same sector ${f.sameSector}/${f.covered}, right suggestions ${f.right}/${f.suggested}`
}
