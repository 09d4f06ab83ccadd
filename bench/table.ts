// The one shape every benchmark section reports in, and the Markdown table `npm run bench` prints.

/** One measured figure: the median over repeated runs, and what it is held against. */
export interface BenchRow {
  figure: string
  median: string
  target: string
  note?: string
}

export interface BenchSectionResult {
  name: string
  rows: BenchRow[]
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

export function renderTable(sections: BenchSectionResult[]): string {
  const lines = ['| section | figure | median | target | note |', '|---|---|---|---|---|']
  for (const section of sections) {
    for (const row of section.rows) {
      lines.push(`| ${cell(section.name)} | ${cell(row.figure)} | ${cell(row.median)} | ${cell(row.target)} | ${cell(row.note ?? '')} |`)
    }
  }
  return lines.join('\n')
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function percent(part: number, whole: number, digits = 2): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(digits)} %`
}
