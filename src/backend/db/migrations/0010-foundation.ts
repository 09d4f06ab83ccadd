// First schema: reports with their revisions, the proposals checklist and preferences.
// Frozen once released: later changes go into new migrations, never here.

export const version = 10
export const name = 'foundation'

export const sql = `
CREATE TABLE reports (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  date        TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL,
  raw_text    TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX reports_by_imported_at ON reports (imported_at);

CREATE TABLE report_revisions (
  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  text        TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (report_id, revision)
) STRICT;

CREATE TABLE proposals (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  sector       TEXT NOT NULL,
  title        TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'proposed'
               CHECK (status IN ('proposed', 'accepted', 'in_progress', 'done', 'rejected', 'deferred')),
  owner        TEXT NOT NULL DEFAULT '',
  due_date     TEXT,
  priority     TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
  notes        TEXT NOT NULL DEFAULT '',
  sort_order   INTEGER NOT NULL,
  source_start INTEGER,
  source_end   INTEGER,
  source_exact TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  -- an anchor is all three columns or none of them
  CHECK ((source_start IS NULL) = (source_end IS NULL) AND (source_start IS NULL) = (source_exact IS NULL)),
  CHECK (source_start IS NULL OR (source_start >= 0 AND source_end >= source_start))
) STRICT;
CREATE INDEX proposals_by_report_id_sort_order ON proposals (report_id, sort_order);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;
`
