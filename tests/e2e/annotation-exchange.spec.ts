// Exchanging annotations through the panel: a W3C JSON-LD export that brings a deleted
// highlight back when imported, a second import that adds nothing, and a Markdown export.
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { highlightedText, selectInReport } from './support/annotations'

const PHRASE = 'tăng cường quản lý việc kinh doanh xăng dầu'

async function annotate(page: Page, phrase: string): Promise<string> {
  await selectInReport(page, phrase)
  await page.getByTestId('annotate').click()
  await expect(page.getByTestId('annotation-editor')).toBeVisible()
  const id = await page.getByTestId('annotation-highlight').first().getAttribute('data-annotation-id')
  expect(id).toBeTruthy()
  await page.keyboard.press('Escape')
  return id!
}

async function downloadOf(page: Page, testId: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const path = await download.path()
  return { download, text: await readFile(path, 'utf8') }
}

test('a JSON-LD export brings a deleted highlight back, and importing it again adds nothing', async ({ wb }) => {
  const { page } = wb
  const id = await annotate(page, PHRASE)
  await page.getByTestId('tab-annotations').click()
  await expect(page.getByTestId('annotation-item')).toHaveCount(1)

  const { download, text } = await downloadOf(page, 'annotations-export-w3c')
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.annotations\.jsonld$/)
  const doc = JSON.parse(text)
  expect([doc['@context']].flat()).toContain('http://www.w3.org/ns/anno.jsonld')
  const selectors = JSON.stringify(doc)
  expect(selectors).toContain('"TextQuoteSelector"')
  expect(selectors).toContain(`"exact":${JSON.stringify(PHRASE)}`)
  const saved = await download.path()

  await page.locator(`[data-annotation-id="${id}"]`).first().click()
  await page.getByTestId('annotation-delete').click()
  await expect(page.getByTestId('annotation-highlight')).toHaveCount(0)
  await expect(page.getByTestId('annotation-item')).toHaveCount(0)

  await page.getByTestId('annotations-import-file').setInputFiles(saved)
  await expect.poll(() => highlightedText(page, id)).toBe(PHRASE)
  await expect(page.getByText(/Đã nhập chú thích: 1 mới, 0 cập nhật, 0 không đổi/)).toBeVisible()
  await expect(page.getByTestId('annotation-item')).toHaveCount(1)

  await page.getByTestId('annotations-import-file').setInputFiles(saved)
  await expect(page.getByText(/Đã nhập chú thích: 0 mới, 0 cập nhật, 1 không đổi/)).toBeVisible()
  await expect(page.getByTestId('annotation-item')).toHaveCount(1)
  expect(await highlightedText(page, id)).toBe(PHRASE)
})

test('a file that is not JSON is refused with a message and changes nothing', async ({ wb }) => {
  const { page } = wb
  await annotate(page, PHRASE)
  await page.getByTestId('tab-annotations').click()
  await page.getByTestId('annotations-import-file').setInputFiles({
    name: 'hong.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from('{ "@context": '),
  })
  await expect(page.getByText('Tệp “hong.jsonld” không phải JSON hợp lệ; chưa nhập gì.')).toBeVisible()
  await expect(page.getByTestId('annotation-item')).toHaveCount(1)
})

test('the Markdown export holds the annotated quote', async ({ wb }) => {
  const { page } = wb
  await annotate(page, PHRASE)
  await page.getByTestId('tab-annotations').click()
  const { download, text } = await downloadOf(page, 'annotations-export-markdown')
  expect(download.suggestedFilename()).toMatch(/\.md$/)
  expect(text.normalize('NFC')).toContain(PHRASE)
})

test('a pasted revised text replaces the report and the highlight follows it', async ({ wb }) => {
  const { page } = wb
  const id = await annotate(page, PHRASE)
  await page.getByTestId('revisions-menu').click()
  await page.getByTestId('revise-paste').click()
  const text = await page.getByTestId('report-pane').evaluate((pane) =>
    [...pane.querySelectorAll('[data-testid="report-block"]')].map((b) => b.textContent).join('\n\n'),
  )
  await page.getByTestId('paste-text').fill('Phần bổ sung mở đầu của bản sửa đổi.\n\n' + text)
  await page.getByTestId('paste-submit').click()
  // Pasted text goes through the same preview as a file.
  await expect(page.getByTestId('preview-added')).toHaveText('1 đoạn thêm mới')
  await expect(page.getByTestId('paste-text')).toHaveCount(0)
  await page.getByTestId('revision-apply').click()
  await expect(page.getByText(/Đã áp dụng bản sửa đổi 2: 1 chú thích định vị lại, 0 chưa định vị/)).toBeVisible()
  await expect(page.getByText('Phần bổ sung mở đầu của bản sửa đổi.')).toBeVisible()
  expect(await highlightedText(page, id)).toBe(PHRASE)
})
