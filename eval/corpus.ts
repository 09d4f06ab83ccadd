// Reads a labelled corpus of reports (reports/NN-slug.txt with the source and date on lines 1-2,
// gold/NN-slug.json with the directives) so extraction can be scored on texts it was not built on.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface GoldItem {
  text: string
  sector: string
  actor: string | null
  /** YYYY-MM-DD; only fixture corpora carry it (undefined = not labelled). */
  dueDate?: string | null
}

export interface CorpusDoc {
  id: string
  /** The report text after the two header lines. */
  text: string
  /** The report's year when its date line gives one. */
  year: number | null
  gold: GoldItem[]
}

/** The text after the first two lines, and the year of line 2. */
export function parseReportFile(raw: string): { text: string; year: number | null } {
  const normal = raw.normalize('NFC').replace(/\r\n?/g, '\n')
  const lines = normal.split('\n')
  const year = /^(\d{4})/.exec(lines[1] ?? '')?.[1]
  return { text: lines.slice(2).join('\n').replace(/\n$/, ''), year: year ? Number(year) : null }
}

export function readCorpus(dir: string): CorpusDoc[] {
  const reports = path.join(dir, 'reports')
  const gold = path.join(dir, 'gold')
  if (!existsSync(reports) || !existsSync(gold)) throw new Error(`${dir} holds no reports/ and gold/ folders`)
  return readdirSync(reports)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      const id = f.replace(/\.txt$/, '')
      const goldFile = path.join(gold, `${id}.json`)
      if (!existsSync(goldFile)) return []
      const { text, year } = parseReportFile(readFileSync(path.join(reports, f), 'utf8'))
      const items = (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldItem[]).map((g) => ({ ...g, text: g.text.normalize('NFC') }))
      return [{ id, text, year, gold: items }]
    })
}
