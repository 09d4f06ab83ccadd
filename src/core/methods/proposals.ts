// Contract methods — The checklist of proposals of a report.
import { z } from 'zod'
import { ExpectedVersion, Id, IsoDate, Priority, Proposal, ProposalPatch, ProposalStatus, SourceAnchor, vnText } from '../domain'
import { method } from './define'

const Offset = z.number().int().nonnegative()

/** A proposal the report itself seems to make, for the user to accept or dismiss. */
const ProposalSuggestion = z.object({
  /** Stable while the report text is unchanged: `${start}-${end}`. */
  key: z.string(),
  title: z.string(),
  sector: z.string(),
  /** The report text from start to end. */
  quote: z.string(),
  start: Offset,
  end: Offset,
  /** 0–1: how sure the extraction is. */
  confidence: z.number().min(0).max(1),
  /** The responsible body the text names (or the addressee of the governing verb); null when none. */
  owner: z.string().nullable(),
  /** Bodies it is to work with ("phối hợp với …"), as written; null when none. */
  partners: z.string().nullable(),
  /** The deadline the text gives, as the last day of the period; null when none. */
  dueDate: IsoDate.nullable(),
  /** The heading the passage falls under; null before the first heading. */
  section: z.string().nullable(),
})

export const proposalsMethods = {
  'proposals.list': method(
    'Proposals of a report in checklist order (deleted ones left out).',
    z.object({ reportId: Id }),
    z.array(Proposal),
  ),
  'proposals.create': method(
    'Adds a proposal; placed after `afterId` when given, else at the end.',
    z.object({
      reportId: Id,
      title: vnText(2_000),
      sector: z.string().min(1).max(64),
      status: ProposalStatus.optional(),
      priority: Priority.optional(),
      owner: vnText(500).optional(),
      dueDate: IsoDate.nullable().optional(),
      detail: vnText().optional(),
      notes: vnText().optional(),
      source: SourceAnchor.nullable().optional(),
      afterId: Id.optional(),
    }),
    Proposal,
  ),
  'proposals.update': method(
    'Changes some fields of a proposal; with `expectedVersion`, only if nobody changed it since that version.',
    z.object({ id: Id, patch: ProposalPatch, expectedVersion: ExpectedVersion }),
    Proposal,
  ),
  'proposals.delete': method(
    'Deletes a proposal (kept as deleted so it can be restored).',
    z.object({ id: Id }),
    z.object({ id: Id }),
  ),
  'proposals.restore': method('Undoes a delete.', z.object({ id: Id }), Proposal),
  'proposals.suggest': method(
    'Proposals found in the report text, in text order, with the responsible body, partners and deadline the text gives; near-identical ones merged; passages already the source of a live proposal are left out.',
    z.object({ reportId: Id }),
    z.array(ProposalSuggestion),
  ),
  'proposals.reorder': method(
    'Sets the checklist order of a report: every live proposal id, in the new order.',
    z.object({ reportId: Id, orderedIds: z.array(Id).min(1) }),
    z.array(Proposal),
  ),
} as const
