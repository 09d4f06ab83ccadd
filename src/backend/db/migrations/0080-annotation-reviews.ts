// Annotations whose text a revision substantially changed wait for a person: the text they had
// and where what is left of it now stands. The annotation itself is unplaced meanwhile; a
// confirmation (or a re-attachment) resolves the review, and undoing that reopens it, so the
// anchor it had before is kept here too. Frozen once released, like every migration.

export const version = 80
export const name = 'annotation-reviews'

export const sql = `
CREATE TABLE annotation_reviews (
  annotation_id TEXT PRIMARY KEY REFERENCES annotations (id) ON DELETE CASCADE,
  -- The anchor before the revision (what the annotation holds while unplaced).
  old_start     INTEGER NOT NULL CHECK (old_start >= 0),
  old_end       INTEGER NOT NULL CHECK (old_end >= old_start),
  old_exact     TEXT NOT NULL CHECK (length(old_exact) > 0),
  old_prefix    TEXT NOT NULL DEFAULT '',
  old_suffix    TEXT NOT NULL DEFAULT '',
  -- Where the rest of its text stands in the current text.
  new_start     INTEGER NOT NULL CHECK (new_start >= 0),
  new_end       INTEGER NOT NULL CHECK (new_end > new_start),
  new_exact     TEXT NOT NULL CHECK (length(new_exact) > 0),
  created_at    TEXT NOT NULL,
  -- Set when confirmed or re-attached; cleared when that is undone.
  resolved_at   TEXT
) STRICT;
`
