// Every file the importer refuses, each with its own stable reason key, and nothing read.
import { afterAll, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { readDocumentFile, MAX_IMPORT_BYTES } from '../../src/backend/import/index'
import { WorkbenchError } from '../../src/core/errors'
import { closePrinter, encryptedPdf, makeDocx, PARAGRAPHS, pdfHtml, pngBytes, printPdf } from './helpers/import-fixtures'

afterAll(closePrinter)

async function refusal(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<string> {
  try {
    await readDocumentFile(bytes, name, { signal })
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbenchError)
    expect((err as WorkbenchError).code).toBe('bad_request')
    return (err as WorkbenchError).message
  }
  throw new Error(`${name} was read`)
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))

describe('refusals', () => {
  it('an empty file, or one with only blank lines', async () => {
    expect(await refusal(new Uint8Array(), 'a.txt')).toBe('import.empty')
    expect(await refusal(utf8(' \n\r\n\t\n'), 'a.txt')).toBe('import.empty')
  })

  it('binary content under any name', async () => {
    for (const name of ['anh.txt', 'anh.md', 'anh.html', 'anh.docx', 'anh.pdf', 'anh']) {
      expect(await refusal(pngBytes(), name), name).toBe('import.binary')
    }
  })

  it('a damaged Word file: not a zip, a zip without a document, a cut-off file', async () => {
    expect(await refusal(utf8(PARAGRAPHS.join('\n')), 'bao-cao.docx')).toBe('import.damaged')
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<Types/>')
    zip.file('other.xml', '<x/>')
    expect(await refusal(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), 'rong.docx')).toBe('import.damaged')
    const whole = await makeDocx()
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)), 'cat.docx')).toBe('import.damaged')
  })

  it('a damaged PDF', async () => {
    const pdf = await printPdf(pdfHtml({ paragraphs: PARAGRAPHS }))
    expect(await refusal(pdf.subarray(0, 400), 'cat.pdf')).toBe('import.damaged')
    expect(await refusal(utf8('%PDF-1.7\nkhông phải PDF'), 'gia.pdf')).toBe('import.damaged')
  })

  it('a password-protected PDF', async () => {
    expect(await refusal(encryptedPdf(), 'mat-khau.pdf')).toBe('import.encrypted')
  })

  it('a scanned PDF with no text layer', async () => {
    const scan = await printPdf(
      `<!doctype html><body style="margin:0"><svg width="700" height="900"><rect x="40" y="40" width="600" height="800" fill="#ddd"/>` +
        `<path d="M80 100 L600 100 M80 140 L560 140 M80 180 L590 180" stroke="#333" stroke-width="6"/></svg></body>`,
    )
    expect(await refusal(scan, 'quet.pdf')).toBe('import.scanned')
  })

  it('a file over the size limit, before anything is read', async () => {
    expect(await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'lon.txt')).toBe('import.tooLarge')
  })

  it('an unsupported type: a spreadsheet, an old .doc, an RTF file', async () => {
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<Types/>')
    zip.file('xl/workbook.xml', '<workbook/>')
    expect(await refusal(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), 'bang.xlsx')).toBe('import.unsupported')
    const ole = new Uint8Array(2048)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(await refusal(ole, 'cu.doc')).toBe('import.unsupported')
    expect(await refusal(utf8('{\\rtf1\\ansi Báo cáo}'), 'van-ban.rtf')).toBe('import.unsupported')
  })

  it('a read cancelled through its signal', async () => {
    const controller = new AbortController()
    controller.abort()
    expect(await refusal(utf8(PARAGRAPHS.join('\n')), 'a.txt', controller.signal)).toBe('import.cancelled')
    const pdf = await printPdf(pdfHtml({ paragraphs: Array.from({ length: 30 }, (_, i) => `${i}. ${PARAGRAPHS[i % 6]}`) }))
    const midway = new AbortController()
    const seen: number[] = []
    const read = readDocumentFile(pdf, 'dai.pdf', {
      signal: midway.signal,
      onProgress: (done) => {
        seen.push(done)
        if (done === 1) midway.abort()
      },
    })
    await expect(read).rejects.toThrow('import.cancelled')
    expect(seen).toEqual([1])
  })
})
