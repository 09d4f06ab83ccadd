// Records, inside each write transaction, which rows changed: TEMP triggers on every table a
// window shows write into a TEMP table of this connection, whoever issued the write (services,
// re-anchoring, seeds, cascades). Being part of the transaction, a rolled-back write leaves
// nothing behind; the writer drains the table just before commit (transaction.ts).
import { DOMAIN_OF_KIND, type ChangedRecord, type ChangeDomain, type RecordKind } from '../../core/changes'
import { prepare } from './statements'
import type { Db } from './types'

interface Source {
  table: string
  kind: RecordKind
  /** SQL over the row alias R (NEW or OLD). */
  id: string
  reportId: string
  meetingId: string
  version: string
  ops: readonly ('INSERT' | 'UPDATE' | 'DELETE')[]
}

const ALL = ['INSERT', 'UPDATE', 'DELETE'] as const
const meetingReport = '(SELECT report_id FROM main.meetings WHERE id = R.meeting_id)'
const annotationReport = '(SELECT report_id FROM main.annotations WHERE id = R.annotation_id)'
const annotationVersion = '(SELECT version FROM main.annotations WHERE id = R.annotation_id)'

const SOURCES: readonly Source[] = [
  { table: 'reports', kind: 'report', id: 'R.id', reportId: 'R.id', meetingId: 'NULL', version: 'R.version', ops: ALL },
  { table: 'report_revisions', kind: 'report', id: 'R.report_id', reportId: 'R.report_id', meetingId: 'NULL', version: 'NULL', ops: ['INSERT'] },
  { table: 'proposals', kind: 'proposal', id: 'R.id', reportId: 'R.report_id', meetingId: 'NULL', version: 'R.version', ops: ALL },
  { table: 'annotations', kind: 'annotation', id: 'R.id', reportId: 'R.report_id', meetingId: 'NULL', version: 'R.version', ops: ALL },
  { table: 'annotation_tags', kind: 'annotation', id: 'R.annotation_id', reportId: annotationReport, meetingId: 'NULL', version: annotationVersion, ops: ALL },
  { table: 'annotation_proposals', kind: 'annotation', id: 'R.annotation_id', reportId: annotationReport, meetingId: 'NULL', version: annotationVersion, ops: ALL },
  { table: 'meetings', kind: 'meeting', id: 'R.id', reportId: 'R.report_id', meetingId: 'R.id', version: 'R.version', ops: ALL },
  { table: 'meeting_attendees', kind: 'attendee', id: 'R.id', reportId: meetingReport, meetingId: 'R.meeting_id', version: 'R.version', ops: ALL },
  { table: 'agenda_items', kind: 'agenda', id: 'R.id', reportId: meetingReport, meetingId: 'R.meeting_id', version: 'NULL', ops: ALL },
  { table: 'minute_entries', kind: 'entry', id: 'R.id', reportId: meetingReport, meetingId: 'R.meeting_id', version: 'R.version', ops: ALL },
  { table: 'minutes_edits', kind: 'minutes', id: 'R.meeting_id', reportId: meetingReport, meetingId: 'R.meeting_id', version: 'NULL', ops: ALL },
]

function triggerSql(s: Source, op: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const row = op === 'DELETE' ? 'OLD' : 'NEW'
  const expr = (e: string) => e.replaceAll('R.', `${row}.`)
  return `CREATE TEMP TRIGGER IF NOT EXISTS workbench_change_${s.table}_${op.toLowerCase()} AFTER ${op} ON main.${s.table} BEGIN
  INSERT INTO temp.workbench_changes (op, kind, record_id, report_id, meeting_id, version)
  VALUES ('${op}', '${s.kind}', ${expr(s.id)}, ${expr(s.reportId)}, ${expr(s.meetingId)}, ${op === 'DELETE' ? 'NULL' : expr(s.version)});
END;`
}

const installed = new WeakSet<Db>()

/** Sets up capture on a connection whose schema is up to date (after migrate). */
export function installChangeCapture(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS workbench_changes (
    op TEXT NOT NULL, kind TEXT NOT NULL, record_id ANY NOT NULL, report_id INTEGER, meeting_id INTEGER, version INTEGER
  );
  ${SOURCES.flatMap((s) => s.ops.map((op) => triggerSql(s, op))).join('\n')}`)
  installed.add(db)
}

export interface CapturedChange {
  domain: ChangeDomain
  reportId: number | null
  records: ChangedRecord[]
}

interface Row {
  kind: RecordKind
  record_id: number | string
  report_id: number | null
  meeting_id: number | null
  version: number | null
}

/**
 * What changed since the last drain, one entry per domain and report, and empties the log.
 * Call inside the write transaction, so the log and the data commit or roll back together.
 */
export function drainChanges(db: Db): CapturedChange[] {
  if (!installed.has(db)) return []
  const rows = prepare<Row>(
    db,
    `SELECT kind, record_id, max(report_id) AS report_id, max(meeting_id) AS meeting_id,
            CASE WHEN max(op = 'DELETE') THEN NULL ELSE max(version) END AS version
     FROM temp.workbench_changes GROUP BY kind, record_id ORDER BY min(rowid)`,
  ).all()
  if (rows.length === 0) return []
  prepare(db, 'DELETE FROM temp.workbench_changes').run()
  const groups = new Map<string, CapturedChange>()
  for (const row of rows) {
    const domain = DOMAIN_OF_KIND[row.kind]
    const key = `${domain}:${row.report_id ?? ''}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { domain, reportId: row.report_id, records: [] }))
    const record: ChangedRecord = { kind: row.kind, id: row.record_id, version: row.version }
    if (row.meeting_id !== null) record.meetingId = row.meeting_id
    group.records.push(record)
  }
  // Parts whose report could not be told (their meeting went first in a cascade) join the
  // one group of their domain when there is just one.
  for (const [key, orphan] of groups) {
    if (orphan.reportId !== null) continue
    const homes = [...groups.values()].filter((g) => g.domain === orphan.domain && g.reportId !== null)
    if (homes.length === 1) {
      homes[0]!.records.push(...orphan.records)
      groups.delete(key)
    }
  }
  return [...groups.values()]
}
