// Documents for the importer tests, made at test time from sentences written here: Word files
// with the docx package, PDFs printed by Chromium (running header, page numbers, columns).
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import iconv from 'iconv-lite'
import { createChromiumPrinter, type PdfPrinter } from '../../../src/backend/pdf/chromium-pdf'

export const TITLE = 'Báo cáo tình hình kinh tế - xã hội huyện Mường Lát'

/** Paragraphs of a made-up district report, with every Vietnamese letter shape in use. */
export const PARAGRAPHS = [
  'Ngày 26 tháng 5 năm 2022, Ủy ban nhân dân huyện tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội sáu tháng đầu năm.',
  'Tổng giá trị sản xuất ước đạt 1.250 tỷ đồng, tăng 8,5% so với cùng kỳ; thu ngân sách trên địa bàn đạt 62% dự toán được giao.',
  'Ngành giáo dục đã sắp xếp lại mạng lưới trường lớp, sáp nhập các điểm trường lẻ ở những bản xa trung tâm, bảo đảm đủ giáo viên cho năm học mới.',
  'Huyện đề nghị tỉnh hỗ trợ kinh phí sửa chữa đường giao thông liên xã bị sạt lở sau đợt mưa lũ tháng tư, đặc biệt là tuyến Trung Lý – Mường Lý.',
  'Đồng chí Chủ tịch yêu cầu Phòng Tài nguyên và Môi trường khẩn trương hoàn thiện quy hoạch sử dụng đất, trình phê duyệt trước ngày 30 tháng 9.',
  'Các xã biên giới tiếp tục giữ vững an ninh trật tự, phối hợp với đồn biên phòng tuần tra, kiểm soát và ngăn chặn buôn lậu qua đường mòn, lối mở.',
]

export function words(text: string): string[] {
  return text.normalize('NFC').split(/[\s|]+/u).filter((w) => /[\p{L}\d]/u.test(w))
}

export async function makeDocx(
  options: {
    paragraphs?: string[]
    title?: string
    table?: string[][]
    footnote?: string
    coreTitle?: string
    /** A paragraph in Word's Heading 2 style, in ordinary case and unnumbered, put before paragraph `before`. */
    styledHeading?: { text: string; before: number }
  } = {},
): Promise<Uint8Array> {
  const paragraphs = options.paragraphs ?? PARAGRAPHS
  const children: (Paragraph | Table)[] = []
  if (options.title) children.push(new Paragraph({ text: options.title, heading: HeadingLevel.TITLE }))
  children.push(new Paragraph({ text: 'I. Tình hình chung', heading: HeadingLevel.HEADING_1 }))
  paragraphs.forEach((p, i) => {
    if (options.styledHeading?.before === i) children.push(new Paragraph({ text: options.styledHeading.text, heading: HeadingLevel.HEADING_2 }))
    const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun(p)]
    if (i === 0 && options.footnote) runs.push(new FootnoteReferenceRun(1))
    children.push(new Paragraph({ children: runs, alignment: AlignmentType.JUSTIFIED }))
  })
  if (options.table) {
    children.push(
      new Table({
        rows: options.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
      }),
    )
  }
  const doc = new Document({
    title: options.coreTitle,
    footnotes: options.footnote ? { 1: { children: [new Paragraph(options.footnote)] } } : undefined,
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export interface PdfHtmlOptions {
  title?: string
  paragraphs: string[]
  header?: string
  columns?: number
  /** Text for the page body is set this large (pt), the title twice as large. */
  fontSize?: number
  extraCss?: string
}

/** An A4 document with a running header and a page number on every page. */
export function pdfHtml(o: PdfHtmlOptions): string {
  const size = o.fontSize ?? 13
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 22mm 20mm;
    @top-center { content: "${o.header ?? 'UBND HUYỆN MƯỜNG LÁT — Báo cáo sáu tháng'}"; font: 9pt 'Liberation Serif', serif; }
    @bottom-center { content: counter(page); font: 9pt 'Liberation Serif', serif; } }
  body { font-family: 'Liberation Serif', serif; font-size: ${size}pt; line-height: 1.35; }
  h1 { font-size: ${size * 1.8}pt; margin: 0 0 12pt; }
  p { margin: 0 0 8pt; text-align: justify; text-indent: 1.2em; }
  .cols { column-count: ${o.columns ?? 1}; column-gap: 14mm; }
  ${o.extraCss ?? ''}
  </style></head><body>${o.title ? `<h1>${escape(o.title)}</h1>` : ''}<div class="cols">${o.paragraphs
    .map((p) => `<p>${escape(p).replace(/\{shy\}/g, '&shy;')}</p>`)
    .join('')}</div></body></html>`
}

let printer: PdfPrinter | null = null
export async function printPdf(html: string): Promise<Uint8Array> {
  printer ??= createChromiumPrinter()
  return printer.print(html)
}
export async function closePrinter(): Promise<void> {
  await printer?.close()
  printer = null
}

/** Known Unicode text in the 8-bit encodings old Vietnamese files use. */
export function windows1258Bytes(text: string): Uint8Array {
  // Windows-1258 writes most tones as combining marks after the base letter.
  return new Uint8Array(iconv.encode(text.normalize('NFD').normalize('NFC'), 'windows1258'))
}

/** Sentences whose capitals TCVN3's one-byte table can write (Ă Â Ê Ô Ơ Ư Đ and plain letters). */
export const LEGACY_PARAGRAPHS = [
  'Đồng chí Bí thư huyện ủy nhấn mạnh: các xã phải hoàn thành việc rà soát hộ nghèo trước ngày 15 tháng 7.',
  'Trường học ở bản xa được sửa chữa mái, xây thêm nhà vệ sinh và bếp ăn bán trú cho học sinh người dân tộc thiểu số.',
  'Người dân được hướng dẫn trồng cây quế, cây sơn tra để thoát nghèo bền vững, giữ rừng đầu nguồn.',
]

function reverse(table: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(table).map(([k, v]) => [v, k]))
}

export function tcvn3Bytes(text: string, table: Record<string, string>): Uint8Array {
  const back = new Map([...reverse(table)].map(([ch, hex]) => [ch, parseInt(hex, 16)]))
  const out: number[] = []
  for (const ch of text.normalize('NFC')) {
    const b = back.get(ch) ?? ch.charCodeAt(0)
    if (b > 0xff) throw new Error(`TCVN3 cannot write ${ch}`)
    out.push(b)
  }
  return new Uint8Array(out)
}

/** VNI text as Latin-1 characters (what a Word file set in a VNI font stores) and as bytes. */
export function vniString(text: string, table: Record<string, string>): string {
  const back = reverse(table)
  return [...text.normalize('NFC')].map((ch) => back.get(ch) ?? ch).join('')
}
export function vniBytes(text: string, table: Record<string, string>): Uint8Array {
  return new Uint8Array(Buffer.from(vniString(text, table), 'latin1'))
}

/** Windows-1258: precomposed letters where the code page has them, the tone as a combining mark. */
export function cp1258Bytes(text: string): Uint8Array {
  const has = (s: string) => iconv.decode(iconv.encode(s, 'windows1258'), 'windows1258') === s
  let out = ''
  for (const ch of text.normalize('NFC')) {
    if (has(ch)) {
      out += ch
      continue
    }
    const d = ch.normalize('NFD')
    const tone = d.match(/[\u0300\u0301\u0303\u0309\u0323]/u)?.[0] ?? ''
    const base = d.replace(tone, '').normalize('NFC')
    out += base.length === 1 && has(base) ? base + tone : d
  }
  return new Uint8Array(iconv.encode(out, 'windows1258'))
}

/** A PDF whose Standard security handler wants a password (the check values are not an empty password's). */
export function encryptedPdf(): Uint8Array {
  const hex32 = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -44 >>`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(body, 'latin1'))
}

/** The first bytes of a PNG picture: binary content whatever the file is called. */
export function pngBytes(): Uint8Array {
  const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]
  const body = Array.from({ length: 400 }, (_, i) => (i * 37) % 256)
  return new Uint8Array([...header, ...body])
}
