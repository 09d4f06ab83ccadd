// Rows of `revision_anchors`: where every annotation and proposal source of a report was just
// before its newest revision, so that undoing the revision puts each one back exactly.
import { prepare } from './statements'
import type { Db } from './types'

export type AnchorItemKind = 'annotation' | 'proposal_source'

export interface KeptAnchor {
  kind: AnchorItemKind
  itemId: string
  status: string
  positionStart: number
  positionEnd: number
  exact: string
  prefix: string
  suffix: string
}

interface KeptAnchorRow {
  item_kind: AnchorItemKind
  item_id: string
  status: string
  position_start: number
  position_end: number
  exact: string
  prefix: string
  suffix: string
}

/**
 * Keeps the anchors of every annotation (deleted ones too) and proposal source of the report as
 * they are now, for `revision`, forgetting those kept for its earlier revisions. Copied inside
 * SQLite, so thousands of anchors cost one statement each kind.
 */
export function keepCurrentAnchors(db: Db, reportId: number, revision: number): void {
  prepare(db, 'DELETE FROM revision_anchors WHERE report_id = ?').run(reportId)
  prepare(
    db,
    `INSERT INTO revision_anchors (report_id, revision, item_kind, item_id, status, position_start, position_end, exact, prefix, suffix)
     SELECT report_id, @revision, 'annotation', id, status, position_start, position_end, exact, prefix, suffix
     FROM annotations WHERE report_id = @reportId`,
  ).run({ reportId, revision })
  prepare(
    db,
    `INSERT INTO revision_anchors (report_id, revision, item_kind, item_id, status, position_start, position_end, exact, prefix, suffix)
     SELECT report_id, @revision, 'proposal_source', CAST(id AS TEXT), 'placed', source_start, source_end, source_exact, '', ''
     FROM proposals WHERE report_id = @reportId AND source_start IS NOT NULL`,
  ).run({ reportId, revision })
}

export function keptAnchors(db: Db, reportId: number, revision: number): KeptAnchor[] {
  return prepare<KeptAnchorRow>(db, 'SELECT * FROM revision_anchors WHERE report_id = ? AND revision = ? ORDER BY item_kind, item_id')
    .all(reportId, revision)
    .map((r) => ({
      kind: r.item_kind,
      itemId: r.item_id,
      status: r.status,
      positionStart: r.position_start,
      positionEnd: r.position_end,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
    }))
}
