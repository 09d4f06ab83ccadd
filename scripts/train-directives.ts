// `npm run train:directives -- --corpus DIR`: trains the directive scorer on every report of a
// labelled corpus and writes its weights to data/directive-weights.json (weights only, no text).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readCorpus } from '../eval/corpus'
import { trainOn } from '../eval/training'

const { values } = parseArgs({ options: { corpus: { type: 'string', default: '../shared/corpus' } } })
const docs = readCorpus(path.resolve(values.corpus!))
const model = trainOn(docs)
const out = path.resolve(import.meta.dirname, '../data/directive-weights.json')
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`)
console.log(`Trained on ${docs.length} reports: ${Object.keys(model.weights).length} weights → ${out}`)
