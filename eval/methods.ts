// The extraction methods the evaluation can run: the shipped extractor with its scorer trained
// leave-one-report-out (or the shipped weights with --no-loo, which are trained on every report).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { segmentBlocks } from '../src/core/blocks'
import { SectorsFile } from '../src/core/data-files'
import { extractProposals } from '../src/core/extract/extract'
import type { EvalMethod } from './evaluate'
import { trainOn, type ThresholdChoice } from './training'

export const sectors = SectorsFile.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../data/sectors.json'), 'utf8'))).sectors

export function learnedMethod(opts: { leaveOneOut: boolean; threshold?: ThresholdChoice }): EvalMethod {
  const cache = new Map()
  return {
    name: opts.leaveOneOut ? `extractProposals, scorer trained on the other reports, threshold chosen ${opts.threshold === 'held-out' ? 'by leaving each of them out in turn' : 'on their own scores'}` : 'extractProposals, shipped weights (NOT held out)',
    learns: opts.leaveOneOut,
    run: (doc, training) =>
      extractProposals(doc.text, segmentBlocks(doc.text), sectors, {
        year: doc.year,
        model: opts.leaveOneOut ? trainOn(training, opts.threshold, cache) : undefined,
      }),
  }
}
