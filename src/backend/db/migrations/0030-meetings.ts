// Meetings over a report: attendees, the agenda (checklist proposals in order), minute entries,
// and the user's edits of the generated minutes. Frozen once released, like every migration.

export const version = 30
export const name = 'meetings'

export const sql = `
CREATE TABLE meetings (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  title          TEXT NOT NULL,
  number         TEXT NOT NULL DEFAULT '',
  notice_number  TEXT NOT NULL DEFAULT '',
  notice_date    TEXT,
  place          TEXT NOT NULL DEFAULT '',
  started_at     TEXT,
  ended_at       TEXT,
  chair_name     TEXT NOT NULL DEFAULT '',
  chair_post     TEXT NOT NULL DEFAULT '',
  secretary_name TEXT NOT NULL DEFAULT '',
  secretary_post TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_by_report_id ON meetings (report_id);

CREATE TABLE meeting_attendees (
  id           INTEGER PRIMARY KEY,
  meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  name         TEXT NOT NULL DEFAULT '',
  post         TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  sort_order   INTEGER NOT NULL,
  CHECK (name <> '' OR post <> '' OR organisation <> '')
) STRICT;
CREATE INDEX meeting_attendees_by_meeting_id_sort_order ON meeting_attendees (meeting_id, sort_order);

CREATE TABLE agenda_items (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  sort_order  INTEGER NOT NULL,
  started_at  TEXT,
  ended_at    TEXT,
  UNIQUE (meeting_id, proposal_id),
  CHECK (ended_at IS NULL OR (started_at IS NOT NULL AND ended_at >= started_at))
) STRICT;
CREATE INDEX agenda_items_by_meeting_id_sort_order ON agenda_items (meeting_id, sort_order);
CREATE INDEX agenda_items_by_proposal_id ON agenda_items (proposal_id);

CREATE TABLE minute_entries (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  -- an entry outlives its agenda item: it then concerns the meeting as a whole
  agenda_item_id  INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('discussion', 'decision', 'action')),
  speaker         TEXT NOT NULL DEFAULT '',
  text            TEXT NOT NULL,
  proposal_status TEXT CHECK (proposal_status IS NULL OR (kind = 'decision' AND proposal_status IN
                    ('proposed', 'accepted', 'in_progress', 'done', 'rejected', 'deferred'))),
  owner           TEXT NOT NULL DEFAULT '',
  due             TEXT,
  at              TEXT,
  sort_order      INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX minute_entries_by_meeting_id_sort_order ON minute_entries (meeting_id, sort_order);
CREATE INDEX minute_entries_by_agenda_item_id ON minute_entries (agenda_item_id);

CREATE TABLE minutes_edits (
  meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('bienban', 'thongbao')),
  section_key TEXT NOT NULL,
  text        TEXT NOT NULL,
  -- the generated text the user edited, to tell when the meeting has changed since
  base_text   TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (meeting_id, kind, section_key)
) STRICT;

-- Data that the next start must add once. A database that already holds reports was seeded
-- before meetings existed: it is owed the sample meeting (a new one gets it with the sample).
CREATE TABLE pending_seeds (
  name TEXT PRIMARY KEY
) STRICT;
INSERT INTO pending_seeds (name) SELECT 'sample_meeting' WHERE EXISTS (SELECT 1 FROM reports);
`
