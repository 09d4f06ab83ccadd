// The extraction methods the evaluation can run.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { segmentBlocks } from '../src/core/blocks'
import { SectorsFile } from '../src/core/data-files'
import { extractProposals } from '../src/core/proposal-extract'
import type { EvalMethod } from './evaluate'

const sectors = SectorsFile.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../data/sectors.json'), 'utf8'))).sectors

export function learnedMethod(_opts: { leaveOneOut: boolean }): EvalMethod {
  return {
    name: 'extractProposals',
    learns: false,
    run: (doc) => extractProposals(doc.text, segmentBlocks(doc.text), sectors).map((s) => ({ ...s, owner: null, dueDate: null })),
  }
}
