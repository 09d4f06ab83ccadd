// Reports that can be managed and revisions that can be taken back: a report goes to the trash
// (deleted_at) before it is deleted for good; a revision made current again remembers which one
// it restored; and the anchors of every annotation and proposal source as they were just before
// the newest revision are kept, so undoing that revision puts each one back exactly.

export const version = 40
export const name = 'report-trash'

export const sql = `
-- Set when the report is in the trash; the report and everything that hangs off it stay intact.
ALTER TABLE reports ADD COLUMN deleted_at TEXT;
CREATE INDEX reports_by_deleted_at ON reports (deleted_at);

-- The earlier revision whose text this one made current again; NULL for a loaded text.
ALTER TABLE report_revisions ADD COLUMN restored_from INTEGER CHECK (restored_from IS NULL OR restored_from >= 1);

-- Anchors as they were before a revision (kept for the newest revision of a report only).
-- item_id is an annotation's UUID or a proposal's id; status NULL means a proposal had no source.
CREATE TABLE revision_anchors (
  report_id      INTEGER NOT NULL,
  revision       INTEGER NOT NULL,
  item_kind      TEXT NOT NULL CHECK (item_kind IN ('annotation', 'proposal_source')),
  item_id        TEXT NOT NULL,
  status         TEXT NOT NULL,
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end   INTEGER NOT NULL CHECK (position_end >= position_start),
  exact          TEXT NOT NULL,
  prefix         TEXT NOT NULL DEFAULT '',
  suffix         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, revision, item_kind, item_id),
  FOREIGN KEY (report_id, revision) REFERENCES report_revisions (report_id, revision) ON DELETE CASCADE
) STRICT;
`
