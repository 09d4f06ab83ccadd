// `npm run eval -- --corpus DIR [--verbose] [--held-out-threshold] [--no-loo]`: scores the proposal extraction on a
// labelled corpus, report by report and in total. What is learned (the directive scorer's
// weights) is trained leave-one-report-out: on all reports but one, then scored on that one.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readCorpus } from './corpus'
import { evaluate, type EvalMethod } from './evaluate'
import { learnedMethod, sectors } from './methods'
import { sampleFigures, sampleLine } from './sample'
import { trainOn } from './training'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus' },
    verbose: { type: 'boolean', default: false },
    'no-loo': { type: 'boolean', default: false },
    // Threshold by cross-validation inside the training reports (24 × 23 trainings: a minute or two).
    'held-out-threshold': { type: 'boolean', default: false },
  },
})

const dir = path.resolve(values.corpus!)
if (!existsSync(dir)) {
  console.log(`No corpus at ${dir}: nothing to evaluate.`)
  process.exit(0)
}
const docs = readCorpus(dir)
const threshold = values['held-out-threshold'] ? 'held-out' : 'in-sample'
const method: EvalMethod = learnedMethod({ leaveOneOut: !values['no-loo'], threshold })
const result = evaluate(docs, method)
console.log(result.table)
console.log('')
console.log(sampleLine(sampleFigures(sectors, trainOn(docs, threshold))))
if (values.verbose) console.log(result.details)
