// Annotations (with their tags and proposal links as real rows) and the full-text search index
// over report text, annotations and proposals. The index holds a diacritic-folded copy made by
// workbench_fold() and is kept in step by triggers; this step also indexes what is already stored.
// Frozen once released, like every migration.

export const version = 20
export const name = 'annotations'

/**
 * Report blocks are indexed under rowid = report id × 2^24 + block index, so one report's rows form
 * a rowid range: deleting or searching them never scans other reports (2^24 blocks is far more
 * than a 5-million-character text can have).
 */
export const REPORT_ROWID_STRIDE = 16_777_216

/** Re-indexes one annotation (`key` is an SQL expression giving its uuid); deleted ones leave the index. */
const refreshAnnotation = (key: string) => `
  DELETE FROM annotation_search WHERE rowid = (SELECT seq FROM annotations WHERE id = ${key});
  INSERT INTO annotation_search (rowid, body, quote, tags, folded)
    SELECT a.seq, a.body, a.exact, t.tags, workbench_fold(a.body || char(10) || a.exact || char(10) || t.tags)
    FROM annotations AS a,
         (SELECT coalesce(group_concat(tag, ' '), '') AS tags FROM annotation_tags WHERE annotation_id = ${key}) AS t
    WHERE a.id = ${key} AND a.deleted_at IS NULL;`

const indexReport = (report: string) => `
  INSERT INTO report_text_search (rowid, original, folded, report_id, block_start)
    SELECT ${report}.id * ${REPORT_ROWID_STRIDE} + b.block_index, b.block_text, workbench_fold(b.block_text), ${report}.id, b.block_start
    FROM workbench_blocks(${report}.text) AS b;`

const unindexReport = (id: string) => `
  DELETE FROM report_text_search
    WHERE rowid BETWEEN ${id} * ${REPORT_ROWID_STRIDE} AND (${id} + 1) * ${REPORT_ROWID_STRIDE} - 1;`

const indexProposal = (row: string) => `
  INSERT INTO proposal_search (rowid, title, detail, notes, folded)
    SELECT ${row}.id, ${row}.title, ${row}.detail, ${row}.notes,
           workbench_fold(${row}.title || char(10) || ${row}.detail || char(10) || ${row}.notes)
    WHERE ${row}.deleted_at IS NULL;`

const FTS_OPTIONS = `tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'`

export const sql = `
-- The file a revised text came from ('' for the first import and for pasted text).
ALTER TABLE report_revisions ADD COLUMN file_name TEXT NOT NULL DEFAULT '';

CREATE TABLE annotations (
  -- Local row number: the search index's rowid. The public identity is the UUID in id.
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
  report_id          INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind               TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'question', 'concern', 'decision')),
  colour             TEXT NOT NULL CHECK (colour IN ('yellow', 'green', 'blue', 'pink', 'purple')),
  body               TEXT NOT NULL DEFAULT '',
  author             TEXT NOT NULL DEFAULT '',
  include_in_minutes INTEGER NOT NULL DEFAULT 0 CHECK (include_in_minutes IN (0, 1)),
  status             TEXT NOT NULL CHECK (status IN ('placed', 'unplaced')),
  -- TextPositionSelector: the current place when placed, the last known one when unplaced.
  position_start     INTEGER NOT NULL CHECK (position_start >= 0),
  position_end       INTEGER NOT NULL CHECK (position_end >= position_start),
  -- TextQuoteSelector.
  exact              TEXT NOT NULL CHECK (length(exact) > 0),
  prefix             TEXT NOT NULL DEFAULT '',
  suffix             TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
) STRICT;
CREATE INDEX annotations_by_report_id ON annotations (report_id, position_start);

CREATE TABLE annotation_tags (
  annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position >= 0),
  tag           TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
  PRIMARY KEY (annotation_id, position),
  UNIQUE (annotation_id, tag)
) STRICT;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag);

CREATE TABLE annotation_proposals (
  annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  proposal_id   INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, proposal_id)
) STRICT;
CREATE INDEX annotation_proposals_by_proposal_id ON annotation_proposals (proposal_id);

-- Search: each table indexes the original text (for matches that keep the query's diacritics)
-- and a folded copy (for matches that ignore them). The tokenizer itself keeps diacritics.
CREATE VIRTUAL TABLE report_text_search USING fts5 (original, folded, report_id UNINDEXED, block_start UNINDEXED, ${FTS_OPTIONS});
-- rowid = annotations.seq; live annotations only.
CREATE VIRTUAL TABLE annotation_search USING fts5 (body, quote, tags, folded, ${FTS_OPTIONS});
-- rowid = proposals.id; live proposals only.
CREATE VIRTUAL TABLE proposal_search USING fts5 (title, detail, notes, folded, ${FTS_OPTIONS});

CREATE TRIGGER reports_search_after_insert AFTER INSERT ON reports BEGIN ${indexReport('NEW')}
END;
CREATE TRIGGER reports_search_after_text_update AFTER UPDATE OF text ON reports BEGIN ${unindexReport('OLD.id')} ${indexReport('NEW')}
END;
CREATE TRIGGER reports_search_after_delete AFTER DELETE ON reports BEGIN ${unindexReport('OLD.id')}
END;

CREATE TRIGGER proposals_search_after_insert AFTER INSERT ON proposals BEGIN ${indexProposal('NEW')}
END;
CREATE TRIGGER proposals_search_after_update AFTER UPDATE OF title, detail, notes, deleted_at ON proposals BEGIN
  DELETE FROM proposal_search WHERE rowid = OLD.id; ${indexProposal('NEW')}
END;
CREATE TRIGGER proposals_search_after_delete AFTER DELETE ON proposals BEGIN
  DELETE FROM proposal_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER annotations_search_after_insert AFTER INSERT ON annotations BEGIN ${refreshAnnotation('NEW.id')}
END;
CREATE TRIGGER annotations_search_after_update AFTER UPDATE OF body, exact, deleted_at ON annotations BEGIN ${refreshAnnotation('NEW.id')}
END;
CREATE TRIGGER annotations_search_after_delete AFTER DELETE ON annotations BEGIN
  DELETE FROM annotation_search WHERE rowid = OLD.seq;
END;
CREATE TRIGGER annotation_tags_search_after_insert AFTER INSERT ON annotation_tags BEGIN ${refreshAnnotation('NEW.annotation_id')}
END;
CREATE TRIGGER annotation_tags_search_after_delete AFTER DELETE ON annotation_tags BEGIN ${refreshAnnotation('OLD.annotation_id')}
END;

-- What was stored before this step.
INSERT INTO report_text_search (rowid, original, folded, report_id, block_start)
  SELECT r.id * ${REPORT_ROWID_STRIDE} + b.block_index, b.block_text, workbench_fold(b.block_text), r.id, b.block_start
  FROM reports AS r, workbench_blocks(r.text) AS b;
INSERT INTO proposal_search (rowid, title, detail, notes, folded)
  SELECT id, title, detail, notes, workbench_fold(title || char(10) || detail || char(10) || notes)
  FROM proposals WHERE deleted_at IS NULL;
`
