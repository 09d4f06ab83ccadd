// Domain types of the workbench, as zod schemas: the same definitions validate data at
// every boundary (IPC, HTTP, files in data/) and give the TypeScript types.
import { z } from 'zod'
import { nfc } from './text'
import { DECIDED_STATUSES, DEFAULT_SETTINGS, LOCALES, PRIORITIES, PROPOSAL_STATUSES } from './vocabulary'
import { withBlockTexts } from './blocks'

// The lists and defaults live in zod-free modules (the renderer imports them without zod).
export { DECIDED_STATUSES, DEFAULT_SETTINGS, LOCALES, PRIORITIES, PROPOSAL_STATUSES, withBlockTexts }

/** Any user-visible text: normalised to NFC on the way in. */
/** The longest report text the contract accepts, in UTF-16 code units; the HTTP body limit follows from it. */
export const REPORT_TEXT_MAX_CHARS = 5_000_000

export const vnText = (max = 20_000) => z.string().max(max).transform(nfc)
/** A short required label (titles, names). */
export const vnLabel = (max = 500) => z.string().trim().min(1).max(max).transform(nfc)

export const Id = z.number().int().positive()
/**
 * The version of the record the edit was made on. When given and no longer current, the
 * edit is refused as `conflict` carrying the record as now stored; left out, the edit applies.
 */
export const ExpectedVersion = z.number().int().positive().optional()
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')

export const ProposalStatus = z.enum(PROPOSAL_STATUSES)
export type ProposalStatus = z.infer<typeof ProposalStatus>

export const Priority = z.enum(PRIORITIES)
export type Priority = z.infer<typeof Priority>

export const Sector = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  nameVi: vnLabel(),
  nameEn: vnLabel(),
  leadBodyVi: vnLabel(),
  leadBodyEn: vnLabel(),
  /** Words (with diacritics) that point a passage to this sector when guessing one. */
  keywords: z.array(z.string().transform(nfc)).default([]),
})
export type Sector = z.infer<typeof Sector>

export const BlockKind = z.enum(['heading', 'paragraph'])
/** A heading or paragraph of a report, as character offsets into the report's NFC text. */
export const BlockSpan = z.object({
  index: z.number().int().nonnegative(),
  kind: BlockKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type BlockSpan = z.infer<typeof BlockSpan>
/** A block with its text (the slice of the report's text between start and end). */
export const Block = BlockSpan.extend({ text: z.string() })
export type Block = z.infer<typeof Block>

export const ReportSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string(),
  /** YYYY-MM-DD, or YYYY-MM when only the month is known; '' if unknown. */
  date: z.string(),
  importedAt: z.string(),
  /** Grows by one when the title, date or source change; send it back as `expectedVersion` to refuse a stale rename. */
  version: z.number().int().positive(),
})
export type ReportSummary = z.infer<typeof ReportSummary>

/**
 * A report as sent: its blocks carry offsets only (their text is the report's text between
 * them), which halves what a long report weighs on the wire. withBlockTexts() adds the texts.
 */
export const Report = ReportSummary.extend({
  text: z.string(),
  blocks: z.array(BlockSpan),
})
export type Report = z.infer<typeof Report>
export type ReportWithTexts = Omit<Report, 'blocks'> & { blocks: Block[] }

/** Where a proposal comes from in the report: offsets into the NFC text plus the quote. */
export const SourceAnchor = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
})
export type SourceAnchor = z.infer<typeof SourceAnchor>

export const Proposal = z.object({
  id: Id,
  reportId: Id,
  sector: z.string(),
  title: z.string(),
  detail: z.string(),
  status: ProposalStatus,
  owner: z.string(),
  dueDate: IsoDate.nullable(),
  priority: Priority,
  notes: z.string(),
  sortOrder: z.number().int(),
  source: SourceAnchor.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Grows by one on every write; send it back as `expectedVersion` to refuse stale edits. */
  version: z.number().int().positive(),
})
export type Proposal = z.infer<typeof Proposal>

/** Fields a user can change on a proposal. */
export const ProposalPatch = z
  .object({
    sector: z.string().min(1).max(64),
    title: vnText(2_000),
    detail: vnText(),
    status: ProposalStatus,
    owner: vnText(500),
    dueDate: IsoDate.nullable(),
    priority: Priority,
    notes: vnText(),
    source: SourceAnchor.nullable(),
  })
  .partial()
export type ProposalPatch = z.infer<typeof ProposalPatch>

export const Locale = z.enum(LOCALES)
export type Locale = z.infer<typeof Locale>

/** User preferences, stored in the data directory so both shells share them. */
export const Settings = z.object({
  locale: Locale,
  /** Share of the window width given to the report pane, 0.2–0.8. */
  splitRatio: z.number().min(0.2).max(0.8),
  /** Report zoom factor, 0.6–2.0. */
  zoom: z.number().min(0.6).max(2),
  authorName: vnText(200),
  /** The report opened last. */
  currentReportId: Id.nullable(),
})
export type Settings = z.infer<typeof Settings>
