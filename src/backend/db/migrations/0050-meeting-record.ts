// The meeting record a secretary can correct: deleted entries and attendees are kept
// (deleted_at) so a delete can be undone, and a meeting remembers the agenda item the
// secretary was on, so meeting mode returns there. Frozen once released, like every migration.

export const version = 50
export const name = 'meeting-record'

export const sql = `
ALTER TABLE minute_entries ADD COLUMN deleted_at TEXT;
ALTER TABLE meeting_attendees ADD COLUMN deleted_at TEXT;
ALTER TABLE meetings ADD COLUMN current_agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL;
`
