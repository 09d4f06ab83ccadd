// The importer on documents made here from known sentences: every format gives back the source's
// words in order, with the title, date and source the document itself carries.
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, describe, expect, it } from 'vitest'
import tcvn3Table from '../../data/legacy-encodings/tcvn3.json' with { type: 'json' }
import vniTable from '../../data/legacy-encodings/vni.json' with { type: 'json' }
import { readDocumentFile } from '../../src/backend/import/index'
import { segmentBlocks } from '../../src/core/blocks'
import { locateHeadings } from '../../src/core/heading-hints'
import {
  closePrinter,
  cp1258Bytes,
  LEGACY_PARAGRAPHS,
  makeDocx,
  PARAGRAPHS,
  pdfHtml,
  printPdf,
  tcvn3Bytes,
  TITLE,
  vniBytes,
  vniString,
  words,
} from './helpers/import-fixtures'

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))
afterAll(closePrinter)

/** Forty distinct paragraphs: the six sentences, each numbered so no line repeats on another page. */
const LONG = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]}`)

describe('Word files', () => {
  it('keeps headings, paragraphs, table rows and the footnote at the end, titled by the Title style', async () => {
    const bytes = await makeDocx({
      title: TITLE,
      table: [['Chỉ tiêu', 'Kết quả'], ['Thu ngân sách', '62%']],
      footnote: 'Số liệu ước tính đến ngày 20/5.',
      coreTitle: 'Tên trong thuộc tính tệp',
    })
    const doc = await readDocumentFile(bytes, 'bao-cao.docx')
    expect(doc.format).toBe('docx')
    expect(doc.title).toBe(TITLE)
    expect(doc.date).toBe('2022-05-26')
    const lines = doc.text.split('\n\n')
    // The headline is the title, not repeated as the first paragraph.
    expect(lines[0]).toBe('I. Tình hình chung')
    expect(lines).toContain('Chỉ tiêu | Kết quả')
    expect(lines).toContain('Thu ngân sách | 62%')
    expect(lines.at(-1)).toBe('1. Số liệu ước tính đến ngày 20/5.')
    const expected = ['I. Tình hình chung', ...PARAGRAPHS, 'Chỉ tiêu', 'Kết quả', 'Thu ngân sách', '62%', '1. Số liệu ước tính đến ngày 20/5.']
    expect(words(doc.text.replace('[1]', ''))).toEqual(words(expected.join(' ')))
  })

  it('takes the title from the file properties when no paragraph has the Title style', async () => {
    const doc = await readDocumentFile(await makeDocx({ coreTitle: 'Báo cáo huyện Mường Lát 2022' }), 'x.docx')
    expect(doc.title).toBe('Báo cáo huyện Mường Lát 2022')
  })

  it('converts text set in a VNI font inside a Word file', async () => {
    const latin = LEGACY_PARAGRAPHS.map((p) => vniString(p, vniTable.sequences))
    const doc = await readDocumentFile(await makeDocx({ paragraphs: latin }), 'cu.docx')
    expect(doc.encoding).toBe('VNI')
    expect(doc.notices).toContain('converted:VNI')
    // Without a Title paragraph or a title in the properties, the first heading is the title.
    expect(doc.title).toBe('I. Tình hình chung')
    expect(doc.text.split('\n\n')).toEqual(LEGACY_PARAGRAPHS)
  })

  it('writes in capitals what an all-capital TCVN3 font (.VnTimeH) showed, and leaves .VnTime text as it was', async () => {
    const tcvn3 = (s: string) => String.fromCharCode(...tcvn3Bytes(s, tcvn3Table.bytes))
    // Text set in .VnTimeH is typed in lower case: the font draws every letter as a capital.
    const heading = 'kết quả thực hiện nhiệm vụ sáu tháng đầu năm'
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ children: [new TextRun({ text: tcvn3(heading), font: '.VnTimeH', bold: true })] }),
                ...LEGACY_PARAGRAPHS.map((p) => new Paragraph({ children: [new TextRun({ text: tcvn3(p), font: '.VnTime' })] })),
                new Paragraph({
                  children: [new TextRun({ text: tcvn3('Nơi nhận: '), font: '.VnTime' }), new TextRun({ text: tcvn3('ubnd tỉnh'), font: '.VnArialH' })],
                }),
              ],
            },
          ],
        }),
      ),
    )
    const doc = await readDocumentFile(bytes, 'cu-hoa.docx')
    expect(doc.encoding).toBe('TCVN3')
    expect(doc.text.split('\n\n')).toEqual(['KẾT QUẢ THỰC HIỆN NHIỆM VỤ SÁU THÁNG ĐẦU NĂM', ...LEGACY_PARAGRAPHS, 'Nơi nhận: UBND TỈNH'])
    expect(doc.text).not.toMatch(/[\u2063\u2064]/u)
    // In capitals, the heading is a heading of the report again.
    expect(segmentBlocks(doc.text)[0]).toMatchObject({ kind: 'heading', text: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ SÁU THÁNG ĐẦU NĂM' })
  })
})

describe('PDF files printed by Chromium', () => {
  it('joins lines into paragraphs and drops the running header and page numbers', async () => {
    const pdf = await printPdf(pdfHtml({ title: TITLE, paragraphs: LONG, header: 'UBND HUYỆN MƯỜNG LÁT — Báo cáo sáu tháng' }))
    const doc = await readDocumentFile(pdf, 'bao-cao.pdf')
    expect(doc.format).toBe('pdf')
    expect(doc.title).toBe(TITLE)
    expect(doc.date).toBe('2022-05-26')
    expect(doc.notices.some((n) => /^pages:[3-9]$/.test(n))).toBe(true)
    expect(doc.text.split('\n\n')).toEqual(LONG)
    expect(doc.text).not.toContain('UBND HUYỆN MƯỜNG LÁT')
  })

  it('gives the lines printed larger than the text as the document headings, which the report then shows as headings', async () => {
    const styled = 'Về giáo dục và đào tạo'
    // Several pages, so the running header is told apart by its repetition.
    const paragraphs = [...LONG.slice(0, 2), styled, ...LONG.slice(2)]
    const pdf = await printPdf(pdfHtml({ title: TITLE, paragraphs, extraCss: 'p:nth-child(3) { font-size: 17pt; font-weight: bold; text-indent: 0; }' }))
    const doc = await readDocumentFile(pdf, 'tieu-de.pdf')
    expect(doc.text.split('\n\n')).toEqual(paragraphs)
    expect(doc.headings).toEqual([TITLE, styled])
    const blocks = segmentBlocks(doc.text, locateHeadings(doc.text, doc.headings))
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([styled])
    // Without the hints the same text has no heading.
    expect(segmentBlocks(doc.text).filter((b) => b.kind === 'heading')).toEqual([])
  })

  it('reads two columns in order', async () => {
    const pdf = await printPdf(pdfHtml({ paragraphs: LONG, columns: 2, fontSize: 11 }))
    const doc = await readDocumentFile(pdf, 'hai-cot.pdf')
    expect(words(doc.text)).toEqual(words(LONG.join(' ')))
    expect(doc.text.split('\n\n')).toEqual(LONG)
  })

  it('puts words hyphenated at a line end back together', async () => {
    const long = 'tele{shy}com{shy}mu{shy}ni{shy}ca{shy}tions'
    const paragraphs = Array.from({ length: 24 }, (_, i) => `Dự án ${i + 1} về hạ tầng ${long} và ${long} cho các xã vùng cao ${long} được triển khai ${long}.`)
    const pdf = await printPdf(pdfHtml({ paragraphs, extraCss: '.cols { width: 60mm; }' }))
    const doc = await readDocumentFile(pdf, 'gach-noi.pdf')
    const plain = paragraphs.map((p) => p.replace(/\{shy\}/g, ''))
    expect(words(doc.text)).toEqual(words(plain.join(' ')))
    expect(doc.text.split('\n\n')).toEqual(plain)
  })
})

describe('HTML and Markdown', () => {
  it('keeps the visible text of an HTML page only, and never runs it', async () => {
    const html = `<!doctype html><html><head><title>Trang tin</title><style>p{color:red}</style>
      <script>globalThis.ran = true; document.write("KHÔNG HIỆN")</script></head><body>
      <nav hidden>Trang chủ | Tin tức</nav><h1>${TITLE}</h1>
      ${PARAGRAPHS.map((p) => `<p>${p.replace('&', '&amp;')}</p>`).join('\n')}
      <div style="display:none">Nội dung ẩn</div><table><tr><td>Chỉ tiêu</td><td>Kết quả</td></tr></table>
      <p>Ghi ch&uacute; &amp; ngu&#7891;n</p></body></html>`
    const doc = await readDocumentFile(utf8(html), 'trang.html')
    expect(doc.format).toBe('html')
    expect(doc.title).toBe(TITLE)
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined()
    expect(doc.text).not.toMatch(/KHÔNG HIỆN|Nội dung ẩn|Trang chủ|color/)
    expect(words(doc.text)).toEqual(words([...PARAGRAPHS, 'Chỉ tiêu | Kết quả', 'Ghi chú & nguồn'].join(' ')))
  })

  it('reads Markdown without its markup, soft-wrapped lines as one paragraph', async () => {
    const md = `# ${TITLE}\n\n${PARAGRAPHS[0]!.replace('hội nghị', '**hội nghị**')}\n\n${PARAGRAPHS[1]!.replace(' thu ', '\nthu ')}\n\n- ${PARAGRAPHS[2]}\n- [${PARAGRAPHS[3]}](https://example.org)\n\n| Chỉ tiêu | Kết quả |\n|---|---|\n| Thu | 62% |\n`
    const doc = await readDocumentFile(utf8(md), 'ghi-chep.md')
    expect(doc.format).toBe('md')
    expect(doc.title).toBe(TITLE)
    expect(doc.text.split('\n\n').slice(0, 2)).toEqual(PARAGRAPHS.slice(0, 2))
    expect(words(doc.text)).toEqual(words([...PARAGRAPHS.slice(0, 4), 'Chỉ tiêu', 'Kết quả', 'Thu', '62%'].join(' ')))
  })
})

describe('text encodings', () => {
  const text = PARAGRAPHS.join('\n')
  const legacy = LEGACY_PARAGRAPHS.join('\n')
  const cases: [string, Uint8Array, string, string][] = [
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'UTF-8', text],
    ['UTF-8 decomposed (NFD)', utf8(text.normalize('NFD')), 'UTF-8', text],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'UTF-16LE', text],
    ['UTF-16BE without BOM', new Uint8Array(Buffer.from(text, 'utf16le').swap16()), 'UTF-16BE', text],
    ['UTF-16LE without BOM', new Uint8Array(Buffer.from(text, 'utf16le')), 'UTF-16LE', text],
    ['Windows-1258', cp1258Bytes(text), 'Windows-1258', text],
    ['TCVN3', tcvn3Bytes(legacy, tcvn3Table.bytes), 'TCVN3', legacy],
    ['VNI', vniBytes(legacy, vniTable.sequences), 'VNI', legacy],
    ['Windows-1258 of the other text', cp1258Bytes(legacy), 'Windows-1258', legacy],
  ]
  for (const [name, bytes, encoding, source] of cases) {
    it(`detects ${name} and returns NFC Unicode`, async () => {
      const doc = await readDocumentFile(bytes, 'van-ban.txt')
      expect(doc.encoding).toBe(encoding)
      expect(doc.text).toBe(doc.text.normalize('NFC'))
      expect(doc.text.split('\n\n')).toEqual(source.split('\n'))
    })
  }

  it('says when it converted a legacy encoding', async () => {
    const doc = await readDocumentFile(tcvn3Bytes(legacy, tcvn3Table.bytes), 'cu.txt')
    expect(doc.notices).toContain('converted:TCVN3')
    const unicode = await readDocumentFile(utf8(text), 'moi.txt')
    expect(unicode.notices).toEqual([])
  })
})

describe('metadata from the text', () => {
  it('moves an agency tag to the source and reads a d/m/yyyy date', async () => {
    const txt = `Huyện Mường Lát họp bàn phát triển du lịch cộng đồng\nHYTV - Ngày 26/5/2022, huyện tổ chức hội nghị bàn giải pháp phát triển du lịch cộng đồng.\n${PARAGRAPHS[1]}`
    const doc = await readDocumentFile(utf8(txt), 'tin.txt')
    expect(doc.source).toBe('HYTV')
    expect(doc.date).toBe('2022-05-26')
    expect(doc.text.split('\n\n')[1]).toBe('Ngày 26/5/2022, huyện tổ chức hội nghị bàn giải pháp phát triển du lịch cộng đồng.')
  })

  it('finds "ngày … tháng … năm …" and leaves a text without a date undated', async () => {
    expect((await readDocumentFile(utf8(`BHG - ${PARAGRAPHS[0]}`), 'a.txt')).source).toBe('BHG')
    expect((await readDocumentFile(utf8(PARAGRAPHS[0]!), 'a.txt')).date).toBe('2022-05-26')
    expect((await readDocumentFile(utf8(PARAGRAPHS[1]!), 'a.txt')).date).toBeNull()
  })
})

describe('joining PDF lines', () => {
  it('undoes hyphenation but keeps the hyphens of codes and compounds', async () => {
    const { joinLines } = await import('../../src/backend/import/pdf-paragraphs')
    expect(joinLines('hạ tầng tele\u2010', 'communications')).toBe('hạ tầng telecommunications')
    expect(joinLines('Nghị quyết số 03-', 'NQ/HU của Huyện ủy')).toBe('Nghị quyết số 03-NQ/HU của Huyện ủy')
    expect(joinLines('dịch COVID-', '19 trên địa bàn')).toBe('dịch COVID-19 trên địa bàn')
    expect(joinLines('phát triển kinh tế-', 'xã hội')).toBe('phát triển kinh tế-xã hội')
    expect(joinLines('the infra-', 'structure works')).toBe('the infrastructure works')
    expect(joinLines('kinh tế -', 'xã hội')).toBe('kinh tế - xã hội')
  })
})
