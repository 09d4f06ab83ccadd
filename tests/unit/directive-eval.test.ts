// The evaluation harness on a fixture corpus of sentences written for these tests (never used
// to train the scorer): every cue, exclusion, list inheritance and deadline form it holds must
// keep being read, with floors that fail when quality drops; and leave-one-out never lets a
// report into its own training set.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorpus, type CorpusDoc } from '../../eval/corpus'
import { evaluate, type EvalMethod } from '../../eval/evaluate'
import { learnedMethod } from '../../eval/methods'
import { rates, scoreDoc, sameActor } from '../../eval/score'
import { examplesOf, trainOn } from '../../eval/training'
import { extractProposals } from '../../src/core/extract/extract'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/directive-corpus')
const docs = readCorpus(FIXTURES)
const doc = (id: string) => docs.find((d) => d.id.startsWith(id))!

describe('directive evaluation on the fixture corpus', () => {
  const result = evaluate(docs, learnedMethod({ leaveOneOut: false }))
  const total = rates(result.total)

  it('meets the floors: recall, precision, sector, owner and deadline', () => {
    expect(result.total.gold).toBe(24)
    expect(total.recall).toBeGreaterThanOrEqual(0.9)
    expect(total.precision).toBeGreaterThanOrEqual(0.85)
    expect(total.sector).toBeGreaterThanOrEqual(0.85)
    expect(total.owner).toBeGreaterThanOrEqual(0.85)
    expect(total.due).toBeGreaterThanOrEqual(0.9)
    expect(result.table).toMatch(/\| \*\*total\*\* \| 24 \|/)
  })

  it('suggests nothing for a results report and nothing from the exclusions', () => {
    expect(result.perDoc.find((d) => d.id.startsWith('f5'))!.counts.suggested).toBe(0)
    // Results, praise, a voters' petition, the speaker's plan, an exhortation, a discussion and a caption: one directive.
    expect(result.perDoc.find((d) => d.id.startsWith('f2'))!.counts.suggested).toBeLessThanOrEqual(2)
  })

  it('gives every item of a list under “giao UBND huyện X:” that owner and its own deadline', () => {
    const run = learnedMethod({ leaveOneOut: false }).run(doc('f1'), [])
    const list = run.filter((s) => /^(?:Rà soát|Khẩn trương|Tăng cường kiểm tra)/u.test(s.quote))
    expect(list).toHaveLength(3)
    for (const s of list) expect(s.owner).toBe('UBND huyện Hòa An')
    expect(list.map((s) => s.dueDate)).toEqual(['2023-06-30', '2023-07-31', null])
    const lead = run.find((s) => s.quote.startsWith('Sở Nông nghiệp'))!
    expect(lead).toMatchObject({ owner: 'Sở Nông nghiệp và Phát triển nông thôn', dueDate: '2023-08-15' })
    expect(lead.partners).toBe('Sở Tài chính và UBND huyện Hòa An')
  })

  it('reads the district’s requests as addressed to the province', () => {
    const run = learnedMethod({ leaveOneOut: false }).run(doc('f3'), [])
    const requests = run.filter((s) => /bố trí vốn|điều chỉnh quy hoạch|kinh phí sửa chữa|nâng cấp tuyến/u.test(s.quote))
    expect(requests).toHaveLength(4)
    for (const s of requests) expect(s.owner).toBe('tỉnh')
  })
})

describe('the scoring rules', () => {
  it('counts an item found at 60 % of its words, and a suggestion right at half its words in one item', () => {
    const gold = [{ text: 'tăng cường kiểm tra hoạt động kinh doanh xăng dầu', sector: 'industry_trade', actor: null }]
    const found = scoreDoc(gold, [{ quote: 'Tăng cường kiểm tra hoạt động kinh doanh', sector: 'industry_trade' }])
    expect(found.counts).toMatchObject({ found: 1, right: 1, sectorRight: 1, ownerRight: 1 })
    const short = scoreDoc(gold, [{ quote: 'kiểm tra xăng dầu ở các chợ, bến xe, nhà ga và cảng', sector: 'transport' }])
    expect(short.counts).toMatchObject({ found: 0, right: 0 })
  })

  it('judges owners written freely: contained, folded or mostly the same words', () => {
    expect(sameActor('Sở NN-PTNT', 'Sở NN-PTNT Long An')).toBe(true)
    expect(sameActor('UBND cac huyen', 'UBND các huyện')).toBe(true)
    expect(sameActor(null, null)).toBe(true)
    expect(sameActor('Sở Y tế', null)).toBe(false)
    expect(sameActor('Công an tỉnh', 'Sở Công Thương')).toBe(false)
  })
})

describe('leave-one-report-out', () => {
  it('trains on every report but the one it scores', () => {
    const seen: string[][] = []
    const spy: EvalMethod = {
      name: 'spy',
      learns: true,
      run: (d: CorpusDoc, training: CorpusDoc[]) => {
        seen.push(training.map((t) => t.id))
        expect(training.some((t) => t.id === d.id)).toBe(false)
        return []
      },
    }
    evaluate(docs, spy)
    expect(seen).toHaveLength(docs.length)
    for (const ids of seen) expect(ids).toHaveLength(docs.length - 1)
  })

  it('can choose the threshold by cross-validation inside the training reports', () => {
    const training = docs.filter((d) => !d.id.startsWith('f1'))
    const inSample = trainOn(training, 'in-sample')
    const heldOut = trainOn(training, 'held-out')
    expect(heldOut.weights).toEqual(inSample.weights)
    expect(heldOut.threshold).toBeGreaterThanOrEqual(0.2)
    expect(heldOut.threshold).toBeLessThanOrEqual(0.8)
    expect(Math.round(heldOut.threshold * 20)).toBeCloseTo(heldOut.threshold * 20, 6)
    // The report left out still gets its directives from a model that never saw it.
    const run = extractProposals(doc('f1').text, [], [], { year: doc('f1').year, model: heldOut })
    expect(rates(scoreDoc(doc('f1').gold, run).counts).recall).toBeGreaterThanOrEqual(0.8)
  })

  it('learns weights that separate the labelled directives from the rest', () => {
    const model = trainOn(docs)
    expect(model.weights.taskVerb).toBeGreaterThan(0)
    const examples = docs.flatMap(examplesOf)
    expect(examples.some((e) => e.label === 1)).toBe(true)
    expect(examples.some((e) => e.label === 0)).toBe(true)
    expect(model.threshold).toBeGreaterThan(0.2)
    expect(model.threshold).toBeLessThan(0.9)
  })
})
