// Report versions: a report's title, date and source carry a version like the records of
// migration 0070, so a rename made on an outdated copy (another window renamed it meanwhile) is
// refused as a conflict instead of silently overwriting. The text is not counted: a revision is
// its own history, and a rename does not touch it. Frozen once released.

export const version = 90
export const name = 'report-versions'

export const sql = `
ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
CREATE TRIGGER reports_version_after_update AFTER UPDATE OF title, date, source ON reports
  WHEN NEW.version = OLD.version
BEGIN
  UPDATE reports SET version = OLD.version + 1 WHERE rowid = NEW.rowid;
END;
`
