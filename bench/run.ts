// `npm run bench [-- name-filter]`: runs every section in bench/sections/ in turn and prints one
// Markdown table of medians, so figures are measured the same way each time.
import { readdirSync } from 'node:fs'
import { renderTable, type BenchRow, type BenchSectionResult } from './table'

interface SectionModule {
  name: string
  run(): Promise<BenchRow[]>
}

const filter = process.argv[2]?.toLowerCase()
const dir = new URL('./sections/', import.meta.url)
const results: BenchSectionResult[] = []
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  if (filter && !file.toLowerCase().includes(filter)) continue
  const section = (await import(new URL(file, dir).href)) as SectionModule
  const started = performance.now()
  const rows = await section.run()
  console.error(`${section.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  results.push({ name: section.name, rows })
}
console.log(renderTable(results))
