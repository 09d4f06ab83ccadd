// Minutes use cases: build the model of a meeting's biên bản or thông báo (with the user's
// edits), preview it as HTML, keep edits, and export PDF (through the host's printer) or DOCX.
import { WorkbenchError } from '../../core/errors'
import type { MinutesExport, MinutesFormat, MinutesKind, MinutesPreview, MinutesSettings } from '../../core/meeting-domain'
import { buildMinutes } from '../../core/minutes/build'
import { renderMinutesHtml } from '../../core/minutes/html'
import { allSections, type MinutesAnnotation, type MinutesDocument } from '../../core/minutes/model'
import { listStoredAnnotations } from '../db/annotations'
import { deleteEdit, listEdits, upsertEdit } from '../db/meetings-edits'
import { inWriteTransaction } from '../db/transaction'
import type { Db } from '../db/types'
import { minutesDocx } from '../docx/minutes-docx'
import { subsetsFor, tinosFontFaceCss } from '../pdf/font-faces'
import { nowIso } from './clock'
import { agendaProposals, getMeeting, requireMeeting, touch } from './meetings'
import { getMinutesSettings } from './minutes-settings'

export interface MinutesContext {
  db: Db
  settingsDefaults: MinutesSettings
  fontsDir: string
  printPdf: (html: string) => Promise<Uint8Array>
}

export interface MinutesFile {
  fileName: string
  bytes: Uint8Array
  missingSigners: MinutesDocument['missingSigners']
}

export function buildMinutesDocument(ctx: Pick<MinutesContext, 'db' | 'settingsDefaults'>, meetingId: number, kind: MinutesKind): MinutesDocument {
  const { minutesEdits: _edits, ...meeting } = getMeeting(ctx.db, meetingId)
  return buildMinutes({
    kind,
    meeting,
    proposals: agendaProposals(ctx.db, meeting),
    settings: getMinutesSettings(ctx.db, ctx.settingsDefaults),
    edits: listEdits(ctx.db, meetingId, kind),
    annotations: flaggedAnnotations(ctx.db, meeting.reportId),
  })
}

/** The report's live annotations flagged "Đưa vào biên bản", in reading order. */
export function flaggedAnnotations(db: Db, reportId: number): MinutesAnnotation[] {
  return listStoredAnnotations(db, reportId)
    .filter((a) => a.includeInMinutes)
    .map((a) => ({ kind: a.kind, quote: a.exact, note: a.body, author: a.author, proposalIds: a.proposalIds }))
}

/** The document with the font subsets its text needs, embedded as data: URLs. */
export function minutesHtml(ctx: Pick<MinutesContext, 'fontsDir'>, doc: MinutesDocument): string {
  const subsets = subsetsFor(renderMinutesHtml(doc, { fontFaceCss: '' }))
  return renderMinutesHtml(doc, { fontFaceCss: tinosFontFaceCss(ctx.fontsDir, subsets) })
}

export function previewMinutes(ctx: MinutesContext, meetingId: number, kind: MinutesKind): MinutesPreview {
  const doc = buildMinutesDocument(ctx, meetingId, kind)
  return {
    kind,
    html: minutesHtml(ctx, doc),
    sections: allSections(doc).map(({ key, label, generatedText, text, edited, stale }) => ({ key, label, generatedText, text, edited, stale })),
    missingSigners: doc.missingSigners,
  }
}

/** Stores replacement texts (null: back to the generated text); unknown section keys are refused. */
export function saveMinutesEdits(
  ctx: MinutesContext,
  meetingId: number,
  kind: MinutesKind,
  edits: readonly { key: string; text: string | null; expectedEdit?: string | null | undefined }[],
): MinutesPreview {
  inWriteTransaction(ctx.db, () => {
    const meeting = requireMeeting(ctx.db, meetingId)
    const sections = new Map(allSections(buildMinutesDocument(ctx, meetingId, kind)).map((s) => [s.key, s]))
    const unknown = edits.filter((e) => !sections.has(e.key)).map((e) => e.key)
    if (unknown.length > 0) {
      throw new WorkbenchError('bad_request', `No section ${unknown.join(', ')} in this ${kind}; sections: ${[...sections.keys()].join(', ')}`)
    }
    // An edit made on a section another window has edited since is refused, with the preview as it is now.
    const stored = new Map(listEdits(ctx.db, meetingId, kind).map((e) => [e.sectionKey, e.text]))
    const changed = edits.filter((e) => e.expectedEdit !== undefined && (stored.get(e.key) ?? null) !== e.expectedEdit).map((e) => e.key)
    if (changed.length > 0) {
      throw new WorkbenchError('conflict', `Section ${changed.join(', ')} of the minutes was changed elsewhere`, previewMinutes(ctx, meetingId, kind))
    }
    const at = nowIso()
    for (const edit of edits) {
      const generated = sections.get(edit.key)!.generatedText
      // An edit equal to the generated text is no edit: the section follows the meeting again.
      if (edit.text === null || normaliseLines(edit.text) === generated) deleteEdit(ctx.db, meetingId, kind, edit.key)
      else upsertEdit(ctx.db, meetingId, { kind, sectionKey: edit.key, text: edit.text, baseText: generated, updatedAt: at })
    }
    touch(ctx.db, meeting)
  })
  return previewMinutes(ctx, meetingId, kind)
}

export async function renderMinutesFile(ctx: MinutesContext, meetingId: number, kind: MinutesKind, format: MinutesFormat): Promise<MinutesFile> {
  const doc = buildMinutesDocument(ctx, meetingId, kind)
  const bytes = format === 'pdf' ? await ctx.printPdf(minutesHtml(ctx, doc)) : await minutesDocx(doc)
  return { fileName: `${doc.fileStem}.${format}`, bytes, missingSigners: doc.missingSigners }
}

/** The file as base64; the shell decides where it goes (the user's download or save dialog). */
export async function exportMinutes(
  ctx: MinutesContext,
  args: { meetingId: number; kind: MinutesKind; format: MinutesFormat },
): Promise<MinutesExport> {
  const file = await renderMinutesFile(ctx, args.meetingId, args.kind, args.format)
  return {
    fileName: file.fileName,
    path: null,
    base64: Buffer.from(file.bytes).toString('base64'),
    size: file.bytes.byteLength,
    missingSigners: file.missingSigners,
  }
}

function normaliseLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n')
}
