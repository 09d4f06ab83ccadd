// Runs an extraction method over a corpus (leave-one-report-out when it learns) and renders the
// per-report and total figures as a table.
import type { CorpusDoc } from './corpus'
import { addCounts, emptyCounts, rates, scoreDoc, type Counts, type Scored } from './score'

export interface EvalMethod {
  name: string
  /** Suggestions for one report; `training` are the reports it may learn from (never `doc`). */
  run(doc: CorpusDoc, training: CorpusDoc[]): Scored[]
  /** Whether `run` learns from `training` (then the table says "leave-one-out"). */
  learns: boolean
}

export interface EvalResult {
  perDoc: { id: string; counts: Counts }[]
  total: Counts
  table: string
  details: string
}

const pct = (x: number | null) => (x === null ? '   –' : x.toFixed(2).padStart(4))

export function evaluate(docs: CorpusDoc[], method: EvalMethod): EvalResult {
  const perDoc: { id: string; counts: Counts }[] = []
  const lines: string[] = []
  let total = emptyCounts()
  for (const doc of docs) {
    const training = docs.filter((d) => d !== doc)
    const suggestions = method.run(doc, training)
    const { counts, items, wrong, seconds } = scoreDoc(doc.gold, suggestions)
    perDoc.push({ id: doc.id, counts })
    total = addCounts(total, counts)
    lines.push(`## ${doc.id}`)
    for (const it of items) {
      const mark = !it.match ? 'MISS' : `${it.sectorOk ? 'S' : 's'}${it.ownerOk ? 'O' : 'o'}  `
      lines.push(`  ${mark} ${it.gold.text.slice(0, 110)}  [${it.gold.sector}|${it.gold.actor ?? '∅'}]` +
        (it.match ? `  → ${it.match.sector}|${it.match.owner ?? '∅'}|${it.match.dueDate ?? ''}` : ''))
    }
    for (const w of wrong) lines.push(`  FALSE ${w.quote.slice(0, 130)}`)
    for (const w of seconds) lines.push(`  SECOND ${w.quote.slice(0, 130)}`)
  }
  const head = `| report | gold | sugg. | recall | precision | dup. | sector | owner | deadline |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|`
  const row = (id: string, c: Counts) => {
    const r = rates(c)
    return `| ${id} | ${c.gold} | ${c.suggested} | ${pct(r.recall)} | ${pct(r.precision)} | ${String(c.duplicates).padStart(4)} | ${pct(c.found ? r.sector : null)} | ${pct(c.found ? r.owner : null)} | ${pct(r.due)} |`
  }
  const table = [
    `${method.name}${method.learns ? ' — leave-one-report-out' : ''}`,
    '',
    head,
    ...perDoc.map((d) => row(d.id, d.counts)),
    row('**total**', total),
    '',
    `found ${total.found}/${total.gold}, right ${total.right}/${total.suggested} (${total.duplicates} of them a second suggestion for an item already suggested), sector ${total.sectorRight}/${total.found}, owner ${total.ownerRight}/${total.found}, deadline ${total.dueRight}/${total.dueJudged}`,
  ].join('\n')
  return { perDoc, total, table, details: lines.join('\n') }
}
