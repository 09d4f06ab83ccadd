// Heading hints: the block starts a report's document marked as headings (Word heading styles,
// larger PDF lines), as a JSON array of offsets into the text, kept with the report and with each
// revision (a restored or undone revision brings its own back). Reports imported as plain text
// have none ('[]'). Frozen once released.

export const version = 100
export const name = 'heading-hints'

export const sql = `
ALTER TABLE reports ADD COLUMN heading_starts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heading_starts) AND json_type(heading_starts) = 'array');
ALTER TABLE report_revisions ADD COLUMN heading_starts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heading_starts) AND json_type(heading_starts) = 'array');
`
