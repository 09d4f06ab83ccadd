// Minutes model → DOCX with the `docx` library: the same sections as the HTML template, on the
// same page (A4, decree margins, Times New Roman 14 pt), borderless header and signature tables,
// and a centred PAGE field at the top of every page but the first (different first page).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { MinutesDocument, MinutesSection, Paragraph as ModelParagraph, SignatureBlock } from '../../core/minutes/model'
import { COLUMNS, MARGINS, MOTTO, NATIONAL_TITLE, PAGE, PARAGRAPH, RECIPIENTS_LABEL, SIGNING_SPACE_LINES, SIZES, TEXT_WIDTH } from '../../core/minutes/page'

const FONT = 'Times New Roman'
/** Millimetres to twips, rounded (the library's helper floors: A4 would come out 1 twip short). */
const twip = (mm: number) => Math.round((mm / 25.4) * 1440)
const half = (pt: number) => pt * 2
/** Width of the 14 pt bold tiêu ngữ in a Times metric (measured in Chromium with Tinos, metric-compatible). */
const MOTTO_WIDTH_MM = 60.4
/** Rough advance of a 13–14 pt bold letter, for rules drawn at a share of a text's length. */
const BOLD_CHAR_MM = 2.6

interface RunStyle {
  size?: number
  bold?: boolean
  italic?: boolean
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: half(style.size ?? SIZES.body), bold: style.bold, italics: style.italic })

function centred(text: string, style: RunStyle & { before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: 0 },
    children: text.split('\n').flatMap((line, i) => (i === 0 ? [run(line, style)] : [new TextRun({ break: 1 }), run(line, style)])),
  })
}

/** A centred horizontal rule `widthMm` long, drawn as the top border of an empty paragraph. */
function rule(widthMm: number, cellWidthMm: number, beforePt = 1): Paragraph {
  const side = Math.max(0, (cellWidthMm - widthMm) / 2)
  return new Paragraph({
    indent: { left: twip(side), right: twip(side) },
    spacing: { before: beforePt * 20, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [run('', { size: 1 })],
  })
}

function bodyParagraph(p: ModelParagraph): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(PARAGRAPH.indentCm * 10) },
    spacing: { before: PARAGRAPH.spaceBeforePt * 20, after: 0 },
    keepNext: p.style === 'heading',
    children: p.runs.map((r) => run(r.text, { bold: r.bold || p.style === 'heading', italic: r.italic })),
  })
}

const cell = (children: (Paragraph | Table)[], widthMm: number) =>
  new TableCell({ width: { size: twip(widthMm), type: WidthType.DXA }, children: children.length ? children : [new Paragraph('')] })

function layoutTable(widthsMm: readonly number[], rows: (Paragraph | Table)[][][]): Table {
  return new Table({
    width: { size: twip(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(twip),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widthsMm[i]!)) })),
  })
}

function headerTable(doc: MinutesDocument): Table {
  const [leftMm, rightMm] = COLUMNS.header
  const h = doc.header
  const bodyText = h.issuingBodyLines.join('\n')
  const longest = Math.max(...h.issuingBodyLines.map((l) => l.length))
  const left: Paragraph[] = [
    ...(h.parentBody ? [centred(h.parentBody, { size: SIZES.parentBody })] : []),
    centred(bodyText, { size: SIZES.issuingBody, bold: true }),
    rule(Math.min(leftMm, longest * BOLD_CHAR_MM) * 0.4, leftMm),
  ]
  const right: Paragraph[] = [
    centred(NATIONAL_TITLE, { size: SIZES.nationalTitle, bold: true }),
    centred(MOTTO, { size: SIZES.motto, bold: true }),
    rule(MOTTO_WIDTH_MM, rightMm),
  ]
  const numberRow = [
    [centred(h.numberLine, { size: SIZES.number, before: 120 })],
    h.placeDateLine === null ? [] : [centred(h.placeDateLine, { size: SIZES.placeDate, italic: true, before: 120 })],
  ]
  return layoutTable(COLUMNS.header, [[left, right], numberRow])
}

function subjectBlock(doc: MinutesDocument): Paragraph[] {
  const lines = doc.subject.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
  const longest = Math.max(...lines.map((l) => l.length))
  return [
    centred(doc.docType, { size: SIZES.docType, bold: true, before: 480 }),
    ...lines.map((l) => centred(l, { size: SIZES.subject, bold: true })),
    rule(Math.min(TEXT_WIDTH, longest * BOLD_CHAR_MM) * 0.25, TEXT_WIDTH, 3),
  ]
}

function signature(sig: SignatureBlock): Paragraph[] {
  return [
    ...sig.titleLines.map((l) => centred(l, { size: SIZES.signature, bold: true })),
    ...Array.from({ length: SIGNING_SPACE_LINES }, () => centred('', { size: SIZES.signature })),
    centred(sig.name, { size: SIZES.signature, bold: true }),
  ]
}

function recipients(section: MinutesSection, beforePt = 0): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: beforePt * 20, after: 0 },
      children: [run(RECIPIENTS_LABEL, { size: SIZES.recipientsLabel, bold: true, italic: true })],
    }),
    ...section.paragraphs.map(
      (p) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          // A wrapped recipient line continues under its text, not under the dash.
          indent: { left: twip(2.5), hanging: twip(2.5) },
          children: [run(p.runs.map((r) => r.text).join(''), { size: SIZES.recipients })],
        }),
    ),
  ]
}

function bottomTable(doc: MinutesDocument): Table {
  if (doc.signatures.left) {
    return layoutTable(COLUMNS.bienbanSignatures, [
      [[...signature(doc.signatures.left), ...recipients(doc.recipients, 12)], [], signature(doc.signatures.right)],
    ])
  }
  return layoutTable(COLUMNS.thongbaoBottom, [[recipients(doc.recipients), signature(doc.signatures.right)]])
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(SIZES.pageNumber) })],
      }),
    ],
  })
}

export async function minutesDocx(doc: MinutesDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Planning Review Workbench',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: half(SIZES.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(PAGE.width), height: twip(PAGE.height) },
            margin: {
              top: twip(MARGINS.top),
              bottom: twip(MARGINS.bottom),
              left: twip(MARGINS.left),
              right: twip(MARGINS.right),
              header: twip(10),
              footer: twip(10),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph('')] }) },
        children: [
          headerTable(doc),
          ...subjectBlock(doc),
          ...doc.body.flatMap((s) => s.paragraphs.map(bodyParagraph)),
          new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
          bottomTable(doc),
        ],
      },
    ],
  })
  const buffer = await Packer.toBuffer(document)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
