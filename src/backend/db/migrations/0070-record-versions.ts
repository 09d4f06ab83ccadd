// Record versions: every editable record carries an integer that grows by one on each write
// of its user-visible fields, so an edit made against an outdated copy can be refused instead
// of silently overwriting another window's change. Triggers do the counting, so every writer
// (services, seeds, re-anchoring, other tools) keeps it right. Frozen once released.

export const version = 70
export const name = 'record-versions'

/** The table, and the columns whose change is a new version (order-only updates are not). */
const VERSIONED: readonly { table: string; columns: readonly string[] }[] = [
  {
    table: 'proposals',
    columns: ['sector', 'title', 'detail', 'status', 'owner', 'due_date', 'priority', 'notes', 'source_start', 'source_end', 'source_exact', 'deleted_at'],
  },
  {
    table: 'annotations',
    columns: ['kind', 'colour', 'body', 'include_in_minutes', 'status', 'position_start', 'position_end', 'exact', 'updated_at', 'deleted_at'],
  },
  {
    table: 'meetings',
    columns: ['title', 'number', 'notice_number', 'notice_date', 'place', 'started_at', 'ended_at', 'chair_name', 'chair_post', 'secretary_name', 'secretary_post'],
  },
  { table: 'meeting_attendees', columns: ['name', 'post', 'organisation'] },
  { table: 'minute_entries', columns: ['agenda_item_id', 'kind', 'speaker', 'text', 'proposal_status', 'owner', 'due', 'at'] },
]

const versioned = ({ table, columns }: { table: string; columns: readonly string[] }) => `
ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
CREATE TRIGGER ${table}_version_after_update AFTER UPDATE OF ${columns.join(', ')} ON ${table}
  WHEN NEW.version = OLD.version
BEGIN
  UPDATE ${table} SET version = OLD.version + 1 WHERE rowid = NEW.rowid;
END;`

export const sql = VERSIONED.map(versioned).join('\n')
