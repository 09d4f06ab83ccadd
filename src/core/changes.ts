// What the back end tells every open window after a committed write: which part of which
// report changed, which records and their new versions. Zod-free (the renderer imports it);
// events cross the IPC/SSE boundary as plain JSON and are checked with isChangeEvent.

export const CHANGE_DOMAINS = ['report', 'proposals', 'annotations', 'meetings'] as const
export type ChangeDomain = (typeof CHANGE_DOMAINS)[number]

export const RECORD_KINDS = ['report', 'proposal', 'annotation', 'meeting', 'attendee', 'agenda', 'entry', 'minutes'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export interface ChangedRecord {
  kind: RecordKind
  /** Annotations have UUIDs, everything else integer ids. */
  id: number | string
  /** The version after the write; null when the record is gone or has no version. */
  version: number | null
  /** For a meeting's parts (attendees, agenda, entries, minutes edits): the meeting. */
  meetingId?: number
}

export interface ChangeEvent {
  /** Increases by one per event of this back end. */
  seq: number
  domain: ChangeDomain
  /** The report the records belong to; null when it could not be told (a cascade). */
  reportId: number | null
  records: ChangedRecord[]
}

export const DOMAIN_OF_KIND: Readonly<Record<RecordKind, ChangeDomain>> = {
  report: 'report',
  proposal: 'proposals',
  annotation: 'annotations',
  meeting: 'meetings',
  attendee: 'meetings',
  agenda: 'meetings',
  entry: 'meetings',
  minutes: 'meetings',
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)

function isRecord(r: unknown): r is ChangedRecord {
  if (!r || typeof r !== 'object') return false
  const x = r as Record<string, unknown>
  return (
    (RECORD_KINDS as readonly unknown[]).includes(x.kind) &&
    (isInt(x.id) || typeof x.id === 'string') &&
    (x.version === null || isInt(x.version)) &&
    (x.meetingId === undefined || isInt(x.meetingId))
  )
}

/** Checks an event that arrived over a process boundary before the renderer acts on it. */
export function isChangeEvent(e: unknown): e is ChangeEvent {
  if (!e || typeof e !== 'object') return false
  const x = e as Record<string, unknown>
  return (
    isInt(x.seq) &&
    (CHANGE_DOMAINS as readonly unknown[]).includes(x.domain) &&
    (x.reportId === null || isInt(x.reportId)) &&
    Array.isArray(x.records) &&
    x.records.length <= 100_000 &&
    x.records.every(isRecord)
  )
}
