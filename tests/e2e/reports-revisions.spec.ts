// Managing reports and revisions that ask first, in the real renderer: a revised text is
// previewed and changes nothing until confirmed, a confirmed one is undone with Ctrl+Z, an
// earlier revision is made current again from the history; reports are renamed, deleted to the
// trash and restored. Screenshots of the picker, the preview and the history at 1280 and 900 px.
import type { Page } from '@playwright/test'
import { expect, test, type Workbench } from './fixtures'
import { highlightedText } from './support/annotations'
import { makeDocx, pngBytes } from '../unit/helpers/import-fixtures'

// Each test walks a whole flow (with screenshots at two widths) on a machine shared with others.
test.describe.configure({ timeout: 120_000 })

const PHRASE = 'tăng cường quản lý việc kinh doanh xăng dầu'
const OPENING = 'Đoạn mở đầu mới được bổ sung trong bản sửa đổi của báo cáo.'
const LONG_A = 'Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2022 của huyện Con Cuông'
const LONG_B = 'Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2022 của huyện Tương Dương'

function rpc(wb: Workbench) {
  const shell = wb.shell!
  return async <T>(method: string, args: object): Promise<T> => {
    const res = await wb.page.request.post(`http://127.0.0.1:${shell.port}/rpc/${method}`, { headers: { Authorization: `Bearer ${shell.token}` }, data: args })
    const body = (await res.json()) as { ok: boolean; value: T }
    expect(body.ok, method).toBe(true)
    return body.value
  }
}

/** The sample report with one highlight on PHRASE (made through the API, shown after a reload). */
async function annotatedSample(wb: Workbench) {
  const call = rpc(wb)
  const [summary] = await call<{ id: number }[]>('reports.list', {})
  const { text } = await call<{ text: string }>('reports.get', { id: summary!.id })
  const start = text.indexOf(PHRASE)
  const { id } = await call<{ id: string }>('annotations.create', { reportId: summary!.id, start, end: start + PHRASE.length, body: 'Theo dõi' })
  await wb.reload()
  await expect.poll(() => highlightedText(wb.page, id)).toBe(PHRASE)
  return { reportId: summary!.id, text, annotationId: id, call }
}

async function reportText(page: Page): Promise<string> {
  return page.getByTestId('report-pane').evaluate((pane) => [...pane.querySelectorAll('[data-testid="report-block"]')].map((b) => b.textContent).join('\n\n'))
}

async function chooseRevisionFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('revise-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
}

async function shoot(page: Page, name: string, check?: () => Promise<void>): Promise<void> {
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 })
    await page.waitForTimeout(150)
    await check?.()
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('a revised file is previewed first: cancel changes nothing; apply, then Ctrl+Z undoes it', async ({ wb }) => {
  const { page } = wb
  const { text, annotationId, reportId, call } = await annotatedSample(wb)
  const paragraphs = text.split('\n\n')
  const gone = paragraphs.findIndex((p) => p.includes('cháy rừng'))
  const revised = [OPENING, ...paragraphs.filter((_, i) => i !== gone)].join('\n\n')
  const before = await reportText(page)

  // The command is labelled and apart from import.
  await page.getByTestId('revisions-menu').click()
  await expect(page.getByTestId('revise')).toHaveText('Tải bản sửa đổi…')
  await page.keyboard.press('Escape')

  await chooseRevisionFile(page, 'ban-sua-doi.txt', revised)
  const preview = page.getByTestId('revision-preview')
  await expect(preview).toContainText('Từ: ban-sua-doi.txt')
  await expect(preview.getByTestId('preview-added')).toHaveText('1 đoạn thêm mới')
  await expect(preview.getByTestId('preview-removed')).toHaveText('1 đoạn bị bỏ')
  await expect(preview.getByTestId('preview-moved')).toHaveText('1 dời theo văn bản')
  await expect(preview.getByTestId('diff-added')).toContainText(OPENING)
  await shoot(page, 'revision-preview')

  await preview.getByTestId('revision-cancel').click()
  await expect(preview).toHaveCount(0)
  expect(await reportText(page)).toBe(before)
  expect(await highlightedText(page, annotationId)).toBe(PHRASE)
  const stored = await call<{ text: string }>('reports.get', { id: reportId })
  expect(stored.text).toBe(text)
  expect(await call<unknown[]>('reports.revisions', { reportId })).toHaveLength(1)

  await chooseRevisionFile(page, 'ban-sua-doi.txt', revised)
  await page.getByTestId('revision-apply').click()
  await expect(page.getByText(/Đã áp dụng bản sửa đổi 2: 1 chú thích định vị lại, 0 chưa định vị/)).toBeVisible()
  await expect(page.getByTestId('report-pane')).toContainText(OPENING)
  expect(await highlightedText(page, annotationId)).toBe(PHRASE)

  await page.getByTestId('report-pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('report-pane')).not.toContainText(OPENING)
  await expect.poll(() => reportText(page)).toBe(before)
  expect(await highlightedText(page, annotationId)).toBe(PHRASE)
  expect((await call<{ text: string }>('reports.get', { id: reportId })).text).toBe(text)
  expect(await call<unknown[]>('reports.revisions', { reportId })).toHaveLength(1)
})

test('a revised Word file is read like an import, previewed and applied; a refused file changes nothing', async ({ wb }) => {
  const { page } = wb
  const { text, annotationId, reportId, call } = await annotatedSample(wb)
  const paragraphs = text.split('\n\n')
  // The revised file also has a heading styled in Word, unnumbered and in ordinary case.
  const styledHeading = 'Về giáo dục và đào tạo'
  const docx = await makeDocx({ title: 'Báo cáo sửa đổi', paragraphs: [OPENING, ...paragraphs.slice(1)], styledHeading: { text: styledHeading, before: 2 } })
  await expect(page.getByTestId('revise-file')).toHaveAttribute('accept', /\.docx.*\.pdf.*\.html.*\.md.*\.txt/)

  await page.getByTestId('revise-file').setInputFiles({
    name: 'ban-sua-doi.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(docx),
  })
  const preview = page.getByTestId('revision-preview')
  await expect(preview).toContainText('Từ: ban-sua-doi.docx')
  await expect(preview.getByTestId('preview-added')).toHaveText('3 đoạn thêm mới')
  await expect(preview.getByTestId('diff-added').nth(1)).toContainText(OPENING)
  await expect(preview.getByTestId('preview-removed')).toHaveText('1 đoạn bị bỏ')
  // Nothing changed while the preview is open.
  expect((await call<{ text: string }>('reports.get', { id: reportId })).text).toBe(text)
  await shoot(page, 'revision-preview-docx')

  await preview.getByTestId('revision-apply').click()
  await expect(page.getByText(/Đã áp dụng bản sửa đổi 2/)).toBeVisible()
  await expect(page.getByTestId('report-pane')).toContainText(OPENING)
  // The revised file's own heading is drawn as a heading.
  await expect(page.getByTestId('report-block').filter({ hasText: styledHeading })).toHaveJSProperty('tagName', 'H2')
  expect(await highlightedText(page, annotationId)).toBe(PHRASE)
  const revisions = await call<{ revision: number; fileName: string; current: boolean }[]>('reports.revisions', { reportId })
  expect(revisions.find((r) => r.current)).toMatchObject({ revision: 2, fileName: 'ban-sua-doi.docx' })

  // While the file is read the dialog shows progress; Cancel stops it and nothing changes.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/rpc/imports.chunk', async (route) => {
    await held
    await route.continue()
  })
  await page.getByTestId('revise-file').setInputFiles({ name: 'ban-sua-doi-3.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(docx) })
  const reading = page.getByTestId('revise-reading')
  await expect(reading).toContainText('Đang tải tệp lên… 0%')
  await expect(reading).toContainText('ban-sua-doi-3.docx')
  await shoot(page, 'revision-reading')
  await reading.getByTestId('revise-reading-cancel').click()
  await expect(reading).toHaveCount(0)
  release()
  await expect(page.getByText('Đã hủy nhập tệp “ban-sua-doi-3.docx”, không có gì được tạo.')).toBeVisible()
  await page.unroute('**/rpc/imports.chunk')
  await expect(preview).toHaveCount(0)
  expect(await call<unknown[]>('reports.revisions', { reportId })).toHaveLength(2)

  // A picture under a text name is refused in one sentence and creates no revision.
  await page.getByTestId('revise-file').setInputFiles({ name: 'anh.txt', mimeType: 'text/plain', buffer: Buffer.from(pngBytes()) })
  await expect(page.getByText('Tệp “anh.txt” không phải là văn bản (có thể là ảnh hoặc tệp chương trình) nên không nhập được.')).toBeVisible()
  await expect(preview).toHaveCount(0)
  expect(await call<unknown[]>('reports.revisions', { reportId })).toHaveLength(2)
})

test('the history lists every revision and makes an earlier one current again as a new revision', async ({ wb }) => {
  const { page } = wb
  const { text, reportId, call } = await annotatedSample(wb)
  const edited = text.replace('kinh doanh xăng dầu', 'kinh doanh xăng dầu, khí đốt')
  await call('reports.revise', { reportId, text: `${OPENING}\n\n${edited}`, fileName: 'ban-sua-doi-lan-2.txt' })
  await wb.reload()
  await expect(page.getByTestId('report-pane')).toContainText(OPENING)

  await page.getByTestId('revisions-menu').click()
  await page.getByTestId('revision-history-open').click()
  const history = page.getByTestId('revision-history')
  const rows = history.getByTestId('revision-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Bản 2')
  await expect(rows.first()).toContainText('hiện tại')
  await expect(rows.first()).toContainText('ban-sua-doi-lan-2.txt')
  await expect(rows.first()).toContainText('+1 −0 ~1 đoạn')
  await expect(rows.first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
  await expect(history.getByTestId('diff-added')).toContainText(OPENING)
  await expect(history.getByTestId('diff-changed').locator('ins')).toContainText('khí đốt')
  await shoot(page, 'revision-history')

  await rows.nth(1).getByTestId('revision-restore').click()
  const preview = page.getByTestId('revision-preview')
  await expect(preview).toContainText('Khôi phục bản 1')
  await expect(preview.getByTestId('preview-removed')).toHaveText('1 đoạn bị bỏ')
  await preview.getByTestId('revision-apply').click()
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toContainText('khôi phục từ bản 1')
  await expect(page.getByTestId('report-pane')).not.toContainText(OPENING)
  const revisions = await call<{ revision: number; current: boolean }[]>('reports.revisions', { reportId })
  expect(revisions.map((r) => [r.revision, r.current])).toEqual([[1, false], [2, false], [3, true]])
})

test('reports are renamed, deleted to the trash and restored, and the picker tells long titles apart', async ({ wb }) => {
  const { page } = wb
  const call = rpc(wb)
  const [sample] = await call<{ id: number; title: string }[]>('reports.list', {})
  await call('reports.import', { title: LONG_A, text: 'Đoạn một của báo cáo huyện Con Cuông.\n\nĐoạn hai.' })
  const b = await call<{ id: number }>('reports.import', { title: LONG_B, text: 'Đoạn một của báo cáo huyện Tương Dương.\n\nĐoạn hai.' })
  await call('settings.update', { currentReportId: b.id })
  await wb.reload()

  const picker = page.getByTestId('report-picker')
  await expect(picker).toHaveAttribute('title', LONG_B)
  await expect(picker).toContainText(/Tương Dương$/)
  await picker.click()
  const options = page.getByTestId('report-option')
  await expect(options).toHaveCount(3)
  await expect(options.nth(0)).toContainText(/Tương Dương/)
  await expect(options.nth(1)).toContainText(/Con Cuông/)
  await expect(options.nth(1)).toHaveAttribute('title', LONG_A)
  await shoot(page, 'report-picker', async () => {
    // The top bar fits, and the button still names the district (shortened in the middle).
    const bar = await page.locator('header.topbar').evaluate((h) => ({ scroll: h.scrollWidth, client: h.clientWidth }))
    expect(bar.scroll).toBeLessThanOrEqual(bar.client)
    await expect(picker).toContainText(/Tương Dương$/)
    const label = await picker.locator('.picker-label').evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth }))
    expect(label.scroll).toBeLessThanOrEqual(label.client)
  })

  // Rename, with the date typed dd/mm/yyyy.
  await page.getByTestId('report-rename').click()
  await page.getByTestId('rename-title').fill('Báo cáo 6 tháng huyện Tương Dương (bản sửa)')
  await page.getByTestId('rename-date').fill('31/02/2022')
  await page.getByTestId('rename-save').click()
  await expect(page.getByRole('alert')).toContainText('dd/mm/yyyy')
  await page.getByTestId('rename-date').fill('15/07/2022')
  await page.getByTestId('rename-save').click()
  await expect(page.getByTestId('rename-dialog')).toHaveCount(0)
  await expect(picker).toHaveAttribute('title', 'Báo cáo 6 tháng huyện Tương Dương (bản sửa)')
  await expect(page.getByTestId('report-pane').locator('h1')).toHaveText('Báo cáo 6 tháng huyện Tương Dương (bản sửa)')
  expect((await call<{ id: number; date: string; title: string }[]>('reports.list', {})).find((r) => r.id === b.id)).toMatchObject({ date: '2022-07-15' })

  // Delete the open report: asked first, then another report opens.
  await picker.click()
  await page.getByTestId('report-delete').click()
  await page.getByTestId('confirm-cancel').click()
  expect((await call<unknown[]>('reports.list', {})).length).toBe(3)
  await picker.click()
  await page.getByTestId('report-delete').click()
  await page.getByTestId('confirm-ok').click()
  await expect(picker).toHaveAttribute('title', LONG_A)
  await expect(page.getByTestId('report-pane')).toContainText('huyện Con Cuông')
  await picker.click()
  await expect(options).toHaveCount(2)

  // The trash gives it back, as it was.
  await page.getByTestId('open-trash').click()
  const trash = page.getByTestId('trash-dialog')
  await expect(trash.getByTestId('trash-item')).toHaveCount(1)
  await expect(trash.getByTestId('trash-item')).toContainText('Báo cáo 6 tháng huyện Tương Dương (bản sửa)')
  await trash.getByTestId('trash-restore').click()
  await expect(trash.getByTestId('trash-empty')).toBeVisible()
  await expect(picker).toHaveAttribute('title', 'Báo cáo 6 tháng huyện Tương Dương (bản sửa)')
  await page.keyboard.press('Escape')
  expect((await call<unknown[]>('reports.list', {})).length).toBe(3)

  // Emptying the trash deletes for good, after asking.
  await call('reports.delete', { id: sample!.id })
  await picker.click()
  await page.getByTestId('open-trash').click()
  await expect(trash.getByTestId('trash-item')).toHaveCount(1)
  await trash.getByTestId('empty-trash').click()
  await page.getByTestId('confirm-ok').click()
  await expect(trash.getByTestId('trash-empty')).toBeVisible()
  expect(await call<unknown[]>('reports.trash', {})).toEqual([])
})
