// Schemas of the files bundled in data/ (manifest, sector taxonomy, sample report, starter
// checklist, sample meeting): whoever reads them from disk validates them here before using a single field.
import { z } from 'zod'
import { IsoDate, Priority, ProposalStatus, Sector, vnLabel, vnText, type SourceAnchor } from './domain'
import { AttendeeFields, DocNumber, EntryKind, LocalDateTime, PersonRef } from './meeting-domain'
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

/** A checklist proposal named by its title in the starter checklist. */
const ChecklistTitle = vnLabel(2_000)

/**
 * meeting.json in a sample directory: the meeting the sample report describes. Agenda items
 * and entries name checklist proposals by title; seeding resolves them to the stored proposals.
 */
export const SampleMeeting = z
  .object({
    title: vnLabel(1_000),
    number: DocNumber,
    noticeNumber: DocNumber.default(''),
    place: vnText(500),
    startedAt: LocalDateTime.nullable(),
    endedAt: LocalDateTime.nullable(),
    chair: PersonRef,
    secretary: PersonRef,
    attendees: z.array(AttendeeFields),
    agenda: z.array(
      z.object({
        proposal: ChecklistTitle,
        startedAt: LocalDateTime.nullable().default(null),
        endedAt: LocalDateTime.nullable().default(null),
      }),
    ),
    entries: z.array(
      z.object({
        /** The agenda item's checklist title; null = about the meeting as a whole. */
        agendaItem: ChecklistTitle.nullable(),
        kind: EntryKind,
        speaker: vnText(500).default(''),
        text: vnLabel(20_000),
        proposalStatus: ProposalStatus.nullable().default(null),
        owner: vnText(500).default(''),
        due: IsoDate.nullable().default(null),
        at: LocalDateTime.nullable().default(null),
      }),
    ),
  })
  .superRefine((m, ctx) => {
    const agenda = new Set(m.agenda.map((a) => a.proposal))
    if (agenda.size !== m.agenda.length) ctx.addIssue({ code: 'custom', path: ['agenda'], message: 'a proposal is on the agenda twice' })
    m.entries.forEach((e, i) => {
      if (e.agendaItem !== null && !agenda.has(e.agendaItem)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'agendaItem'], message: `"${e.agendaItem}" is not on the agenda` })
      }
      if (e.proposalStatus !== null && (e.kind !== 'decision' || e.agendaItem === null)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'proposalStatus'], message: 'only a decision on an agenda item sets a status' })
      }
    })
  })
export type SampleMeeting = z.infer<typeof SampleMeeting>
