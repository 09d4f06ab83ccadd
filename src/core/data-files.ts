// Schemas of the files bundled in data/ (manifest, sector taxonomy, sample report, starter
// checklist): whoever reads them from disk validates them here before using a single field.
import { z } from 'zod'
import { IsoDate, Priority, ProposalStatus, Sector, vnLabel, vnText, type SourceAnchor } from './domain'
import { nfc } from './text'

/** A path inside the data directory: relative, forward slashes, no way out of it. */
const DataPath = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.includes('\\'), 'expected a relative path with /')
  .refine((p) => p.split('/').every((part) => part !== '..' && part !== ''), 'the path must stay inside data/')

/** data/manifest.json: where the taxonomy and the sample opened on first use live. */
export const DataManifest = z.object({
  sectors: DataPath,
  defaultSample: DataPath,
})
export type DataManifest = z.infer<typeof DataManifest>

/** data/sectors.json: the sector taxonomy, in checklist order. */
export const SectorsFile = z
  .object({ sectors: z.array(Sector).min(1) })
  .refine((f) => new Set(f.sectors.map((s) => s.code)).size === f.sectors.length, 'sector codes must be unique')
export type SectorsFile = z.infer<typeof SectorsFile>

/** report.json in a sample directory: metadata of the report text next to it. */
export const SampleReportMeta = z.object({
  title: vnLabel(),
  source: vnText(1_000),
  date: IsoDate,
  file: DataPath,
})
export type SampleReportMeta = z.infer<typeof SampleReportMeta>

export const StarterChecklistItem = z.object({
  sector: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  title: vnLabel(2_000),
  detail: vnText(),
  owner: vnText(500),
  priority: Priority,
  status: ProposalStatus,
  /** An exact passage of the parsed report text: the proposal's source anchor. */
  quote: z
    .string()
    .min(1)
    .max(5_000)
    .transform(nfc)
    .refine((q) => q === q.trim(), 'a quote must not start or end with white space'),
})
export type StarterChecklistItem = z.infer<typeof StarterChecklistItem>

/** checklist.json in a sample directory: the proposals the sample report opens with. */
export const StarterChecklist = z.object({ items: z.array(StarterChecklistItem) })
export type StarterChecklist = z.infer<typeof StarterChecklist>

/** The source anchor of a checklist quote in the parsed report text, or null if it is not there. */
export function anchorQuote(text: string, quote: string): SourceAnchor | null {
  const start = text.indexOf(quote)
  return start === -1 ? null : { start, end: start + quote.length, exact: quote }
}
