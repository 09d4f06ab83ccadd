// Contract methods — Minutes of a meeting (Biên bản, Thông báo kết luận): settings, preview,
// the user's edits of the generated text, and export to PDF or DOCX.
import { z } from 'zod'
import { Id, REPORT_TEXT_MAX_CHARS, vnText } from '../domain'
import { MinutesExport, MinutesFormat, MinutesKind, MinutesPreset, MinutesPreview, MinutesSettings, MinutesSettingsUpdate } from '../meeting-domain'
import { method } from './define'

/** The longest text of one section of the minutes, in UTF-16 code units. */
export const MINUTES_SECTION_MAX_CHARS = 200_000

/**
 * A section's key as the generated minutes name it (`subject`, `item:12`…): plain ASCII, so the
 * keys of the largest call stay small next to its text and the call fits the HTTP body limit,
 * which allows the longest report (all edits together are held to the same length).
 */
const SectionKey = z.string().min(1).max(100).regex(/^[A-Za-z0-9:._-]+$/, 'a section key is letters, digits and : . _ -')

export const minutesMethods = {
  'minutes.getSettings': method(
    'Issuing body, codes, signer lines and recipients used in the minutes.',
    z.object({}),
    MinutesSettings,
  ),
  'minutes.presets': method(
    'The usual issuing bodies (UBND tỉnh, Văn phòng UBND tỉnh, UBND huyện…) with their codes and signer lines, from data/minutes-presets.json; {PROVINCE}/{district} slots take the place names.',
    z.object({}),
    z.array(MinutesPreset),
  ),
  'minutes.updateSettings': method(
    'Changes minutes settings; each top-level field given replaces the stored one. With `expected` (the values the change was made on), a field changed elsewhere since is a `conflict` carrying the current settings.',
    MinutesSettingsUpdate,
    MinutesSettings,
  ),
  'minutes.preview': method(
    'The minutes of a meeting as one HTML document (the PDF source) and its editable sections.',
    z.object({ meetingId: Id, kind: MinutesKind }),
    MinutesPreview,
  ),
  'minutes.saveEdits': method(
    'Replaces the generated text of some sections (one paragraph a line); text null returns a section to the generated text. With `expectedEdit` (the section\'s edit the change was made on, null when it showed the generated text), only if nobody changed that section\'s edit since: otherwise a `conflict` carrying the current preview. Answers the new preview.',
    z.object({
      meetingId: Id,
      kind: MinutesKind,
      edits: z
        .array(
          z.object({
            key: SectionKey,
            text: vnText(MINUTES_SECTION_MAX_CHARS).nullable(),
            expectedEdit: vnText(MINUTES_SECTION_MAX_CHARS).nullable().optional(),
          }),
        )
        .min(1)
        .max(2_000)
        .refine(
          (edits) => edits.reduce((n, e) => n + (e.text?.length ?? 0) + (e.expectedEdit?.length ?? 0), 0) <= REPORT_TEXT_MAX_CHARS,
          `the edited sections together are longer than ${REPORT_TEXT_MAX_CHARS.toLocaleString('en')} characters (the longest report)`,
        ),
    }),
    MinutesPreview,
  ),
  'minutes.export': method(
    'Exports the minutes as PDF or DOCX, returned as base64: the shell saves it where the user chooses (a download, or a save dialog in Electron). No path can be given: the back end writes no file.',
    // Strict: a caller still sending `path` is told so instead of having it silently ignored.
    z.strictObject({
      meetingId: Id,
      kind: MinutesKind,
      format: MinutesFormat,
    }),
    MinutesExport,
  ),
} as const
