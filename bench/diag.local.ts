import { reanchorAll } from '../src/core/anchoring/reanchor'
import { describeRange } from '../src/core/anchoring/selectors'
import { generateAnnotations, generateReport, loadSources } from './corpus'
import { editMovedParagraphs, reviseReport } from './revision'
import { truthFor, SUBSTANTIAL_CHANGE } from './truth'
const shared = process.env.G !== 'b'
const sources = loadSources(shared)
const report = generateReport(1000, shared ? 1 : 41, sources, 32)
const seed = shared ? 3 : 43
const count = Number(process.env.N ?? 5000)
const rateI = Number(process.env.R ?? 2)
const rate = [0.02, 0.05, 0.1][rateI]!
const anns = generateAnnotations(report, count, seed + count)
const rev = editMovedParagraphs(reviseReport(report, rate, seed + rateI, sources), seed + 10 + rateI, sources)
const items = anns.map((a) => ({ id: a.id, selectors: describeRange(report.text, a.start, a.end) }))
const hist = process.env.H !== '0'
const t0 = performance.now()
const outs = reanchorAll(hist ? report.text : null, rev.text, items)
console.log('time', performance.now() - t0)
const cats: Record<string, number> = {}
const show = Number(process.env.SHOW ?? 3)
const shown: Record<string, number> = {}
anns.forEach((a, i) => {
  const t = truthFor(rev, a.start, a.end)
  const o = outs[i]!
  const changed = t.kept < SUBSTANTIAL_CHANGE
  let cat: string
  if (changed) cat = o.status === 'placed' ? 'changed-placed' : 'changed-ok'
  else if (t.deleted) cat = 'deleted?'
  else if (o.status !== 'placed') cat = `intact-${o.status}-${o.status === 'unplaced' ? o.reason : ''}`
  else if (o.start === t.start && o.end === t.end) cat = 'right'
  else if (o.start < t.end && t.start < o.end) cat = 'edge'
  else cat = 'wrong'
  cats[cat] = (cats[cat] ?? 0) + 1
  if (cat !== 'right' && cat !== 'changed-ok' && (shown[cat] = (shown[cat] ?? 0) + 1) <= show) {
    console.log('---', cat, a.kind, 'kept', t.kept.toFixed(2), JSON.stringify(o))
    console.log('  old:', JSON.stringify(report.text.slice(a.start, a.end)))
    if (!t.deleted) console.log('  truth:', JSON.stringify(rev.text.slice(t.start, t.end)), t.start)
    if (o.status !== 'unplaced') console.log('  got:', JSON.stringify(rev.text.slice(o.start, o.end)))
  }
})
console.log(cats)
