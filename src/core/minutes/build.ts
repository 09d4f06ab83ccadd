// Meeting → minutes model: the header from the settings, the wording of the chosen kind,
// the user's edits applied section by section, and the signature blocks.
import { fold } from '../text'
import type { MinutesDocument, MinutesEditInput, MinutesInput, SignerRole } from './model'
import { resolveSection } from './edits'
import { bienbanBody, bienbanSubject } from './sections-bienban'
import { thongbaoBody, thongbaoSubject } from './sections-thongbao'
import { recipientLines } from './wording'
import { numberLine, vnDateLine } from './vn-format'
import { para } from './model'

export const DOC_TYPES = { bienban: 'BIÊN BẢN', thongbao: 'THÔNG BÁO' } as const
const TYPE_CODES = { bienban: 'BB', thongbao: 'TB' } as const

export function buildMinutes(input: MinutesInput): MinutesDocument {
  const { kind, meeting, settings } = input
  const edits = new Map<string, MinutesEditInput>((input.edits ?? []).map((e) => [e.sectionKey, e]))
  const isNotice = kind === 'thongbao'

  const subject = resolveSection(isNotice ? thongbaoSubject(input) : bienbanSubject(input), edits)
  const body = (isNotice ? thongbaoBody(input) : bienbanBody(input)).map((s) => resolveSection(s, edits))
  const recipientList = isNotice ? settings.thongbao.recipients : settings.bienban.recipients
  const archive = isNotice ? settings.thongbao.archive : settings.bienban.archive
  const recipients = resolveSection(
    { key: 'recipients', label: 'Nơi nhận', paragraphs: recipientLines(recipientList, archive).map((l) => para(l)) },
    edits,
  )

  const meetingDate = meeting.startedAt?.slice(0, 10) ?? null
  const noticeDate = meeting.noticeDate ?? meetingDate
  const placeDateLine = isNotice
    ? `${settings.placeName}, ${noticeDate ? vnDateLine(noticeDate) : 'ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'}`
    : null

  const signatures = isNotice
    ? {
        left: null,
        right: {
          titleLines: [...settings.thongbao.authorityLines, settings.thongbao.signerTitle].filter((l) => l.trim() !== ''),
          name: settings.thongbao.signerName,
        },
      }
    : {
        left: { titleLines: ['THƯ KÝ'], name: meeting.secretary.name },
        right: { titleLines: ['CHỦ TỌA'], name: meeting.chair.name },
      }

  const number = isNotice ? meeting.noticeNumber : meeting.number
  const subjectText = subject.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ')
  return {
    kind,
    title: `${DOC_TYPES[kind]} ${subjectText}`,
    header: {
      parentBody: settings.parentBody.trim() === '' ? null : settings.parentBody.trim(),
      issuingBodyLines: settings.issuingBody.split('\n').map((l) => l.trim()).filter(Boolean),
      numberLine: numberLine(number, TYPE_CODES[kind], settings.bodyCode),
      placeDateLine,
    },
    docType: DOC_TYPES[kind],
    subject,
    body,
    signatures,
    recipients,
    fileStem: fileStem(kind, number, TYPE_CODES[kind], settings.bodyCode, noticeDate),
    missingSigners: missingSigners(kind, signatures),
  }
}

function missingSigners(kind: MinutesInput['kind'], signatures: MinutesDocument['signatures']): SignerRole[] {
  const empty = (name: string | undefined) => (name ?? '').trim() === ''
  if (kind === 'thongbao') return empty(signatures.right.name) ? ['signer'] : []
  const roles: SignerRole[] = []
  if (empty(signatures.right.name)) roles.push('chair')
  if (empty(signatures.left?.name)) roles.push('secretary')
  return roles
}

/** "bien-ban-05-BB-UBND-2022-05-26": ASCII, safe on every file system. */
function fileStem(kind: MinutesInput['kind'], number: string, typeCode: string, bodyCode: string, date: string | null): string {
  const parts = [kind === 'bienban' ? 'bien-ban' : 'thong-bao-ket-luan']
  if (number.trim()) parts.push(number.trim().padStart(2, '0'), typeCode, fold(bodyCode).toUpperCase())
  if (date) parts.push(date)
  return parts.join('-').replace(/[^A-Za-z0-9-]+/g, '-')
}
