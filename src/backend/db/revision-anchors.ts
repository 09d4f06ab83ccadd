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

/** Keeps the anchors for `revision`, forgetting those kept for the report's earlier revisions. */
export function keepAnchors(db: Db, reportId: number, revision: number, anchors: readonly KeptAnchor[]): void {
  prepare(db, 'DELETE FROM revision_anchors WHERE report_id = ?').run(reportId)
  const insert = prepare(
    db,
    `INSERT INTO revision_anchors (report_id, revision, item_kind, item_id, status, position_start, position_end, exact, prefix, suffix)
     VALUES (@reportId, @revision, @kind, @itemId, @status, @positionStart, @positionEnd, @exact, @prefix, @suffix)`,
  )
  for (const a of anchors) insert.run({ reportId, revision, ...a })
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
