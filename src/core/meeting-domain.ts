// Meetings held over a report (attendees, agenda of checklist proposals, minute entries) and
// the settings of the minutes issued from them, as zod schemas shared by storage, RPC and files.
import { z } from 'zod'
import { Id, IsoDate, Proposal, ProposalStatus, vnLabel, vnText } from './domain'
import { nfc } from './text'
import { ENTRY_KINDS, MINUTES_FORMATS, MINUTES_KINDS } from './vocabulary'

// The lists live in a zod-free module (the renderer imports them without zod).
export { ENTRY_KINDS, MINUTES_FORMATS, MINUTES_KINDS }

/**
 * A local wall-clock time without zone, as said in the minutes: "2022-05-26T09:30". Seconds are
 * accepted and dropped, so stored times compare correctly as strings.
 */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

export const LocalDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, { message: 'expected a local date-time as YYYY-MM-DDTHH:MM', abort: true })
  .refine(isCalendarDateTime, 'not a real date and time')
  .transform((value) => value.slice(0, 16))
export type LocalDateTime = z.infer<typeof LocalDateTime>

function isCalendarDateTime(value: string): boolean {
  // zod may run this refinement even when the pattern failed; never read a malformed value.
  if (!LOCAL_DATE_TIME.test(value)) return false
  const [date, time] = value.split('T') as [string, string]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?]
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false
  return hh <= 23 && mm <= 59 && ss <= 59
}

/** A person with the post they hold, as the minutes name them. */
export const PersonRef = z.object({ name: vnText(200), post: vnText(500) })
export type PersonRef = z.infer<typeof PersonRef>

export const Attendee = z.object({
  id: Id,
  name: z.string(),
  post: z.string(),
  organisation: z.string(),
  sortOrder: z.number().int(),
  /** Grows by one on every write; send it back as `expectedVersion` to refuse stale edits. */
  version: z.number().int().positive(),
})
export type Attendee = z.infer<typeof Attendee>

/** Fields of an attendee a user types; a group ("Lãnh đạo các sở, ngành") may have no name. */
export const AttendeeFields = z
  .object({ name: vnText(200), post: vnText(500), organisation: vnText(500) })
  .refine((a) => [a.name, a.post, a.organisation].some((s) => s.trim() !== ''), 'an attendee needs a name, a post or an organisation')
export type AttendeeFields = z.infer<typeof AttendeeFields>

/** One checklist proposal on the agenda, with the times it was taken up and closed. */
export const AgendaItem = z.object({
  id: Id,
  proposalId: Id,
  sortOrder: z.number().int(),
  startedAt: LocalDateTime.nullable(),
  endedAt: LocalDateTime.nullable(),
})
export type AgendaItem = z.infer<typeof AgendaItem>

export const EntryKind = z.enum(ENTRY_KINDS)
export type EntryKind = z.infer<typeof EntryKind>

/** What was said, decided or assigned; `agendaItemId` null = about the meeting as a whole. */
export const MinuteEntry = z.object({
  id: Id,
  agendaItemId: Id.nullable(),
  kind: EntryKind,
  speaker: z.string(),
  text: z.string(),
  /** For a decision: the status it gave the agenda item's proposal. */
  proposalStatus: ProposalStatus.nullable(),
  /** For an action: the responsible body. */
  owner: z.string(),
  due: IsoDate.nullable(),
  at: LocalDateTime.nullable(),
  sortOrder: z.number().int(),
  /** Grows by one on every write; send it back as `expectedVersion` to refuse stale edits. */
  version: z.number().int().positive(),
})
export type MinuteEntry = z.infer<typeof MinuteEntry>

/** bienban = Biên bản (Mẫu 1.9); thongbao = Thông báo kết luận (Mẫu 1.4). */
export const MinutesKind = z.enum(MINUTES_KINDS)
export type MinutesKind = z.infer<typeof MinutesKind>

/** A user's replacement text for one generated section of the minutes, kept with the meeting. */
export const MinutesEdit = z.object({
  kind: MinutesKind,
  sectionKey: z.string(),
  text: z.string(),
  updatedAt: z.string(),
})
export type MinutesEdit = z.infer<typeof MinutesEdit>

export const MeetingSummary = z.object({
  id: Id,
  reportId: Id,
  title: z.string(),
  /** Register number of the biên bản, e.g. "05"; '' until registered. */
  number: z.string(),
  place: z.string(),
  startedAt: LocalDateTime.nullable(),
  endedAt: LocalDateTime.nullable(),
  updatedAt: z.string(),
  /** Grows by one on every write; send it back as `expectedVersion` to refuse stale edits. */
  version: z.number().int().positive(),
})
export type MeetingSummary = z.infer<typeof MeetingSummary>

export const Meeting = MeetingSummary.extend({
  /** Register number of the conclusion notice (thông báo); '' until registered. */
  noticeNumber: z.string(),
  /** Date the notice is issued; the meeting's date when null. */
  noticeDate: IsoDate.nullable(),
  chair: PersonRef,
  secretary: PersonRef,
  attendees: z.array(Attendee),
  agenda: z.array(AgendaItem),
  entries: z.array(MinuteEntry),
  minutesEdits: z.array(MinutesEdit),
  createdAt: z.string(),
  /** The agenda item meeting mode was last on, so re-entering returns there; null before. */
  currentItemId: Id.nullable(),
})
export type Meeting = z.infer<typeof Meeting>

/** A document register number: digits, padded to two by the template. */
export const DocNumber = z
  .string()
  .trim()
  .regex(/^(\d{1,6})?$/, 'expected the register number as digits (or empty)')

/** Header fields of a meeting a user can change. */
export const MeetingPatch = z
  .object({
    title: vnLabel(1_000),
    number: DocNumber,
    noticeNumber: DocNumber,
    noticeDate: IsoDate.nullable(),
    place: vnText(500),
    startedAt: LocalDateTime.nullable(),
    endedAt: LocalDateTime.nullable(),
    chair: PersonRef,
    secretary: PersonRef,
  })
  .partial()
export type MeetingPatch = z.infer<typeof MeetingPatch>

/** A decision or action may carry a proposal status change; the result shows the proposal as it now is. */
export const EntryChange = z.object({ entry: MinuteEntry, proposal: Proposal.nullable() })
export type EntryChange = z.infer<typeof EntryChange>

export const KnownAttendee = z.object({ name: z.string(), post: z.string(), organisation: z.string(), uses: z.number().int() })
export type KnownAttendee = z.infer<typeof KnownAttendee>

const Line = (max = 300) => z.string().max(max).transform(nfc)
/** Lines of the "Nơi nhận" list without the leading "- " and trailing ";" (the template adds them). */
const RecipientList = z.array(vnLabel(300)).max(40)

/**
 * Who issues the minutes and how they are signed. Nothing of this is fixed in code: defaults
 * come from data/minutes-settings.json and the user changes them (names of bodies change).
 */
export const MinutesSettings = z.object({
  /** Cơ quan chủ quản, e.g. "UBND TỈNH NGHỆ AN"; '' when the issuing body has none. */
  parentBody: Line(),
  /** Cơ quan ban hành in capitals; "\n" where the name must wrap ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN"). */
  issuingBody: vnLabel(300),
  /** The issuing body as written inside a sentence, e.g. "Văn phòng UBND tỉnh". */
  issuingBodyInText: vnLabel(300),
  /** Issuing-body part of the ký hiệu: "UBND" gives "Số: 05/BB-UBND". */
  bodyCode: z.string().trim().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, 'expected capitals and digits, groups joined by "-"'),
  /** Địa danh of the place/date line, e.g. "Nghệ An". */
  placeName: vnLabel(100),
  bienban: z.object({
    recipients: RecipientList,
    /** The last "Nơi nhận" line after "Lưu: ", e.g. "VT, Hồ sơ". */
    archive: vnLabel(200),
  }),
  thongbao: z.object({
    /** Authority lines above the signer's title, e.g. ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]. */
    authorityLines: z.array(vnLabel(200)).max(4),
    signerTitle: Line(200),
    signerName: Line(200),
    recipients: RecipientList,
    archive: vnLabel(200),
    /** The body's last sentence; "./." is added when it does not end so. */
    closingSentence: vnLabel(1_000),
  }),
})
export type MinutesSettings = z.infer<typeof MinutesSettings>

/** A usual issuing body with its code and signer lines (data/minutes-presets.json); {PROVINCE}, {province}, {DISTRICT}, {district} take place names. */
export const MinutesPreset = z.object({
  key: z.string().regex(/^[a-zA-Z]+$/),
  label: z.string().min(1),
  parentBody: z.string(),
  issuingBody: z.string().min(1),
  issuingBodyInText: z.string().min(1),
  bodyCode: z.string().min(1),
  placeName: z.string().min(1),
  authorityLines: z.array(z.string()).max(4),
  signerTitle: z.string(),
  closingSentence: z.string().min(1),
})
export type MinutesPreset = z.infer<typeof MinutesPreset>

export const MinutesPresetsFile = z.object({ presets: z.array(MinutesPreset).min(1) })

/** Changes to the minutes settings: top-level fields replaced whole. */
export const MinutesSettingsPatch = MinutesSettings.partial()
export type MinutesSettingsPatch = z.infer<typeof MinutesSettingsPatch>

/** A settings change with, optionally, the values the editor started from (so an outdated dialog cannot overwrite another window's change). */
export const MinutesSettingsUpdate = MinutesSettingsPatch.extend({ expected: MinutesSettingsPatch.optional() })
export type MinutesSettingsUpdate = z.infer<typeof MinutesSettingsUpdate>

/** One editable section of generated minutes, as the preview lists it. */
export const MinutesSectionInfo = z.object({
  /** Stable key ("attendees", "item:12", "recipients"…) that edits are stored under. */
  key: z.string(),
  /** What the section is, in Vietnamese, for the editor. */
  label: z.string(),
  /** The text the meeting data gives, one paragraph a line. */
  generatedText: z.string(),
  /** The text used: the user's edit when there is one, else the generated text. */
  text: z.string(),
  edited: z.boolean(),
  /** The meeting changed after the edit was made: the generated text differs from the one edited. */
  stale: z.boolean(),
})
export type MinutesSectionInfo = z.infer<typeof MinutesSectionInfo>

/** A signer of the minutes: chair and secretary (biên bản), the notice's signer (thông báo). */
export const SignerRole = z.enum(['chair', 'secretary', 'signer'])

export const MinutesPreview = z.object({
  kind: MinutesKind,
  /** The complete document (fonts embedded): the same HTML is printed to PDF. */
  html: z.string(),
  sections: z.array(MinutesSectionInfo),
  /** Signers whose name is empty (the document leaves a blank): the user is warned, not stopped. */
  missingSigners: z.array(SignerRole),
})
export type MinutesPreview = z.infer<typeof MinutesPreview>

export const MinutesFormat = z.enum(MINUTES_FORMATS)
export type MinutesFormat = z.infer<typeof MinutesFormat>

export const MinutesExport = z.object({
  fileName: z.string(),
  /** Always null: the back end never writes the file (kept for callers that read it). */
  path: z.string().nullable(),
  /** The file as base64. */
  base64: z.string().nullable(),
  size: z.number().int().nonnegative(),
  /** Signers whose name is empty: exported anyway, with a warning. */
  missingSigners: z.array(SignerRole),
})
export type MinutesExport = z.infer<typeof MinutesExport>
