// Source anchors of proposals as a revision moves them: read every anchored proposal of a report
// (deleted ones too, so a restore finds its source in place) and write the new anchor without
// touching updated_at, since following a revised text is not a user's edit.
import type { SourceAnchor } from '../../core/domain'
import { prepare } from './statements'
import type { Db } from './types'

export interface ProposalSource {
  proposalId: number
  source: SourceAnchor
  deleted: boolean
}

export function listProposalSources(db: Db, reportId: number): ProposalSource[] {
  return prepare<{ id: number; source_start: number; source_end: number; source_exact: string; deleted_at: string | null }>(
    db,
    `SELECT id, source_start, source_end, source_exact, deleted_at FROM proposals
     WHERE report_id = ? AND source_start IS NOT NULL ORDER BY source_start, id`,
  )
    .all(reportId)
    .map((r) => ({
      proposalId: r.id,
      source: { start: r.source_start, end: r.source_end, exact: r.source_exact },
      deleted: r.deleted_at !== null,
    }))
}

export function setProposalSource(db: Db, proposalId: number, source: SourceAnchor | null): void {
  prepare(db, 'UPDATE proposals SET source_start = ?, source_end = ?, source_exact = ? WHERE id = ?').run(
    source?.start ?? null,
    source?.end ?? null,
    source?.exact ?? null,
    proposalId,
  )
}
