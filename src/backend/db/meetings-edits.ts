// Rows of `minutes_edits`: the user's replacement text per section of the generated
// minutes, with the generated text it replaced (to tell when the meeting changed since).
import type { MinutesEdit, MinutesKind } from '../../core/meeting-domain'
import { prepare } from './statements'
import type { Db } from './types'

interface EditRow {
  meeting_id: number
  kind: MinutesKind
  section_key: string
  text: string
  base_text: string
  updated_at: string
}

export interface StoredEdit extends MinutesEdit {
  baseText: string
}

function toEdit(row: EditRow): StoredEdit {
  return { kind: row.kind, sectionKey: row.section_key, text: row.text, baseText: row.base_text, updatedAt: row.updated_at }
}

export function listEdits(db: Db, meetingId: number, kind?: MinutesKind): StoredEdit[] {
  const rows =
    kind === undefined
      ? prepare<EditRow>(db, 'SELECT * FROM minutes_edits WHERE meeting_id = ? ORDER BY kind, section_key').all(meetingId)
      : prepare<EditRow>(db, 'SELECT * FROM minutes_edits WHERE meeting_id = ? AND kind = ? ORDER BY section_key').all(meetingId, kind)
  return rows.map(toEdit)
}

export function upsertEdit(db: Db, meetingId: number, edit: StoredEdit): void {
  prepare(
    db,
    `INSERT INTO minutes_edits (meeting_id, kind, section_key, text, base_text, updated_at)
     VALUES (@meetingId, @kind, @sectionKey, @text, @baseText, @updatedAt)
     ON CONFLICT (meeting_id, kind, section_key)
     DO UPDATE SET text = excluded.text, base_text = excluded.base_text, updated_at = excluded.updated_at`,
  ).run({ meetingId, kind: edit.kind, sectionKey: edit.sectionKey, text: edit.text, baseText: edit.baseText, updatedAt: edit.updatedAt })
}

export function deleteEdit(db: Db, meetingId: number, kind: MinutesKind, sectionKey: string): void {
  prepare(db, 'DELETE FROM minutes_edits WHERE meeting_id = ? AND kind = ? AND section_key = ?').run(meetingId, kind, sectionKey)
}
