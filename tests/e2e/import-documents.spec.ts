// Importing the user's own documents: Word, PDF, HTML, Markdown and a TCVN3 text through the
// file chooser and by dropping them on the window; each shows what was read, the title and date
// can be changed before the report is created; refused files get one sentence and create nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import tcvn3Table from '../../data/legacy-encodings/tcvn3.json' with { type: 'json' }
import { test, expect } from './fixtures'
import {
  closePrinter,
  encryptedPdf,
  LEGACY_PARAGRAPHS,
  makeDocx,
  PARAGRAPHS,
  pdfHtml,
  pngBytes,
  printPdf,
  tcvn3Bytes,
  TITLE,
} from '../unit/helpers/import-fixtures'

let dir = ''
const files: Record<string, string> = {}
/** Styled Heading 2 in the Word file, in ordinary case and unnumbered. */
const STYLED_HEADING = 'Về giáo dục và đào tạo'
const LONG = Array.from({ length: 24 }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]}`)

test.beforeAll(async () => {
  // Made per project run: the module is loaded once per worker, and each run removes its own folder.
  dir = mkdtempSync(join(tmpdir(), 'wb-import-docs-'))
  const put = (name: string, bytes: Uint8Array | string) => {
    files[name] = join(dir, name)
    writeFileSync(files[name], bytes)
  }
  put('bao-cao.docx', await makeDocx({ title: TITLE, table: [['Chỉ tiêu', 'Kết quả'], ['Thu ngân sách', '62%']], styledHeading: { text: STYLED_HEADING, before: 2 } }))
  put('bao-cao.pdf', await printPdf(pdfHtml({ title: 'Báo cáo huyện Mường Lát bản PDF', paragraphs: LONG })))
  put('quet.pdf', await printPdf('<!doctype html><svg width="600" height="800"><rect x="20" y="20" width="500" height="700" fill="#ccc"/></svg>'))
  put('mat-khau.pdf', encryptedPdf())
  put('trang.html', `<!doctype html><title>Trang tin</title><script>document.title = "ĐÃ CHẠY"</script><h1>Trang tin huyện Mường Lát</h1><p hidden>Ẩn</p>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`)
  put('ghi-chep.md', `# Ghi chép buổi làm việc\n\n${PARAGRAPHS.slice(0, 3).join('\n\n')}\n`)
  put('cu-tcvn3.txt', tcvn3Bytes(LEGACY_PARAGRAPHS.join('\r\n'), tcvn3Table.bytes))
  put('anh.txt', pngBytes())
  put('rong.txt', '')
  put('hong.docx', 'Tệp này không phải Word.')
  put('bang.xlsx', 'a;b;c')
  await closePrinter()
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))
// Many imports per test; the first PDF read also loads the PDF reader in its thread.
test.describe.configure({ timeout: 240_000 })
const READ = { timeout: 45_000 }

/** How many reports the picker lists (opened and closed again). */
async function reportCount(page: Page): Promise<number> {
  await page.getByTestId('report-picker').click()
  await expect(page.getByTestId('report-menu')).toBeVisible()
  const n = await page.getByTestId('report-option').count()
  await page.keyboard.press('Escape')
  return n
}

async function importThroughChooser(page: Page, name: string): Promise<void> {
  await page.getByTestId('import-report').setInputFiles(files[name]!)
}

async function drop(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([data], name))
      return dt
    },
    { b64: bytes.toString('base64'), name },
  )
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await expect(page.getByTestId('import-drop-overlay')).toContainText('Thả tệp vào đây')
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await expect(page.getByTestId('import-drop-overlay')).toBeHidden()
}

const heading = (page: Page) => page.getByTestId('report-pane').getByRole('heading', { level: 1 })
const blocks = (page: Page) => page.getByTestId('report-block')

test('Word, PDF, HTML, Markdown and TCVN3 files through the file chooser', async ({ wb }) => {
  const { page } = wb
  const dialog = page.getByTestId('import-dialog')

  // Word: the title and date come from the document and can be changed before import.
  await importThroughChooser(page, 'bao-cao.docx')
  await expect(page.getByTestId('import-read-as')).toHaveText('Đã nhập từ tệp Word.', READ)
  await expect(page.getByTestId('import-title')).toHaveValue(TITLE)
  await expect(page.getByTestId('import-date')).toHaveValue('26/05/2022')
  await expect(page.getByTestId('import-preview')).toContainText('I. Tình hình chung')
  await page.getByTestId('import-date').fill('31/02/2022')
  await expect(dialog.getByRole('alert')).toHaveText('Ngày phải viết dạng dd/mm/yyyy, ví dụ 26/05/2022.')
  await expect(page.getByTestId('import-confirm')).toBeDisabled()
  await page.getByTestId('import-date').fill('27/05/2022')
  await page.getByTestId('import-title').fill('Báo cáo Mường Lát (bản Word)')
  await page.getByTestId('import-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(heading(page)).toHaveText('Báo cáo Mường Lát (bản Word)')
  await expect(page.getByTestId('report-pane').locator('time')).toHaveAttribute('datetime', '2022-05-27')
  await expect(blocks(page).first()).toHaveText('I. Tình hình chung')
  // A numbered heading in ordinary case is a heading of the report, listed in the outline.
  await expect(blocks(page).first()).toHaveJSProperty('tagName', 'H2')
  await expect(page.locator('#report-outline')).toContainText('I. Tình hình chung')
  // So is an unnumbered heading in ordinary case that Word styles as a heading; its neighbours stay paragraphs.
  const styled = blocks(page).filter({ hasText: STYLED_HEADING })
  await expect(styled).toHaveText(STYLED_HEADING)
  await expect(styled).toHaveJSProperty('tagName', 'H2')
  await expect(page.locator('#report-outline')).toContainText(STYLED_HEADING)
  await expect(blocks(page).filter({ hasText: PARAGRAPHS[2]! })).toHaveJSProperty('tagName', 'P')
  await expect(blocks(page).filter({ hasText: 'Chỉ tiêu | Kết quả' })).toHaveCount(1)
  await expect(page.getByText('Đã nhập báo cáo “Báo cáo Mường Lát (bản Word)”. Đã nhập từ tệp Word.')).toBeVisible()

  // PDF: paragraphs whole, no running header, page count told.
  await importThroughChooser(page, 'bao-cao.pdf')
  await expect(page.getByTestId('import-read-as')).toHaveText(/^Đã nhập từ tệp PDF \(\d trang\)\.$/, READ)
  await page.getByTestId('import-confirm').click()
  await expect(heading(page)).toHaveText('Báo cáo huyện Mường Lát bản PDF')
  await expect(blocks(page)).toHaveCount(LONG.length)
  await expect(blocks(page).nth(4)).toHaveText(LONG[4]!)
  await expect(page.getByTestId('report-pane')).not.toContainText('Báo cáo sáu tháng')

  // HTML: visible text only, nothing run.
  await importThroughChooser(page, 'trang.html')
  await expect(page.getByTestId('import-read-as')).toContainText('HTML', READ)
  await page.getByTestId('import-confirm').click()
  await expect(heading(page)).toHaveText('Trang tin huyện Mường Lát')
  await expect(blocks(page)).toHaveText(PARAGRAPHS)
  expect(await page.title()).not.toBe('ĐÃ CHẠY')

  // Markdown.
  await importThroughChooser(page, 'ghi-chep.md')
  await expect(page.getByTestId('import-read-as')).toHaveText('Đã nhập từ tệp Markdown.', READ)
  await page.getByTestId('import-confirm').click()
  await expect(heading(page)).toHaveText('Ghi chép buổi làm việc')
  await expect(blocks(page)).toHaveText(PARAGRAPHS.slice(0, 3))

  // A TCVN3 text file: converted, and the dialog says so.
  await importThroughChooser(page, 'cu-tcvn3.txt')
  await expect(page.getByTestId('import-read-as')).toHaveText('Đã nhập từ tệp văn bản. Đã chuyển mã TCVN3 sang Unicode.', READ)
  await page.getByTestId('import-confirm').click()
  await expect(blocks(page)).toHaveText(LEGACY_PARAGRAPHS)
})

test('files dropped on the window are imported; Cancel creates nothing', async ({ wb }) => {
  const { page } = wb
  const before = await heading(page).textContent()
  await drop(page, 'bao-cao.pdf', await import('node:fs').then((fs) => fs.readFileSync(files['bao-cao.pdf']!)))
  await expect(page.getByTestId('import-read-as')).toContainText('Đã nhập từ tệp PDF', READ)
  await page.getByTestId('import-confirm').click()
  await expect(heading(page)).toHaveText('Báo cáo huyện Mường Lát bản PDF')
  await expect(blocks(page).first()).toHaveText(LONG[0]!)

  await drop(page, 'bao-cao.docx', await import('node:fs').then((fs) => fs.readFileSync(files['bao-cao.docx']!)))
  await expect(page.getByTestId('import-title')).toHaveValue(TITLE, READ)
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Hủy' }).click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByText('Đã hủy nhập tệp “bao-cao.docx”, không có gì được tạo.')).toBeVisible()
  await expect(heading(page)).toHaveText('Báo cáo huyện Mường Lát bản PDF')
  // Two reports: the bundled one and the PDF.
  await expect(reportCount(page)).resolves.toBe(2)
  expect(before).not.toBe('Báo cáo huyện Mường Lát bản PDF')
})

test('refused files: one sentence each, nothing created', async ({ wb }) => {
  const { page } = wb
  const title = await heading(page).textContent()
  const refusals: [string, string][] = [
    ['anh.txt', 'Tệp “anh.txt” không phải là văn bản (có thể là ảnh hoặc tệp chương trình) nên không nhập được.'],
    ['rong.txt', 'Tệp “rong.txt” trống, không có gì để nhập.'],
    ['quet.pdf', 'Tệp PDF này là ảnh quét, không có lớp văn bản; hãy nhận dạng chữ (OCR) trước rồi nhập lại.'],
    ['mat-khau.pdf', 'Tệp “mat-khau.pdf” được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi nhập lại.'],
    ['hong.docx', 'Tệp “hong.docx” bị hỏng hoặc không đúng định dạng nên không đọc được.'],
    ['bang.xlsx', 'Không nhập được loại tệp của “bang.xlsx”: chỉ nhận Word (.docx), PDF, HTML, Markdown và văn bản (.txt).'],
  ]
  for (const [name, sentence] of refusals) {
    await importThroughChooser(page, name)
    await expect(page.getByText(sentence)).toBeVisible(READ)
    await expect(page.getByTestId('import-dialog')).toBeHidden()
  }
  await expect(heading(page)).toHaveText(title!)
  // Still one report: nothing refused was created.
  await expect(reportCount(page)).resolves.toBe(1)
  await expect(page.getByTestId('import-report')).toHaveAttribute('accept', /\.docx.*\.pdf.*\.html.*\.md.*\.txt/)
})
