// Revisions that move and edit paragraphs, and the list of annotations to review ("cần xem lại")
// when a revision changed their text too much: old and new text side by side, confirm and delete,
// each undoable.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { highlightedText, selectInReport } from './support/annotations'

const PHRASE = 'tăng cường quản lý việc kinh doanh xăng dầu'
const OLD = 'tốc độ tăng trưởng'
const NEW = 'tốc độ phát triển'

async function annotate(page: Page, phrase: string, note: string): Promise<string> {
  const before = await page.getByTestId('annotation-highlight').evaluateAll((m) => m.map((x) => x.getAttribute('data-annotation-id')))
  await selectInReport(page, phrase)
  await page.getByTestId('annotate').click()
  await expect(page.getByTestId('annotation-editor')).toBeVisible()
  await page.getByTestId('annotation-editor').fill(note)
  await page.keyboard.press('Escape')
  const ids = await page.getByTestId('annotation-highlight').evaluateAll((m) => m.map((x) => x.getAttribute('data-annotation-id')))
  return ids.find((x) => !before.includes(x))!
}

async function reportText(page: Page, shell: { port: number; token: string }): Promise<string> {
  const call = async (method: string, args: object) => {
    const res = await page.request.post(`http://127.0.0.1:${shell.port}/rpc/${method}`, { headers: { Authorization: `Bearer ${shell.token}` }, data: args })
    return ((await res.json()) as { value: unknown }).value
  }
  const [summary] = (await call('reports.list', {})) as { id: number }[]
  return ((await call('reports.get', { id: summary!.id })) as { text: string }).text
}

async function revise(page: Page, text: string, name: string): Promise<void> {
  await page.getByTestId('revise-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
  // A revision is previewed first and applied on confirmation.
  await page.getByTestId('revision-preview').getByTestId('revision-apply').click()
}

test('a paragraph moved to the end and edited there keeps its highlight', async ({ wb }) => {
  const { page } = wb
  const id = await annotate(page, PHRASE, 'Theo dõi xăng dầu')
  const text = await reportText(page, wb.shell!)
  const paragraphs = text.split('\n\n')
  const at = paragraphs.findIndex((p) => p.includes(PHRASE))
  const moved = paragraphs[at]!.replace('du lịch sinh thái', 'du lịch sinh thai').replace('đã đóng góp', 'đã góp')
  const revised = [...paragraphs.slice(0, at), ...paragraphs.slice(at + 1), moved].join('\n\n')

  await revise(page, revised, 'chuyen-doan.txt')
  await expect(page.getByText(/Đã áp dụng bản sửa đổi 2: 1 chú thích định vị lại, 0 chưa định vị/)).toBeVisible()
  await expect.poll(() => highlightedText(page, id)).toBe(PHRASE)
  // On the last paragraph now, where the passage went.
  await expect(page.getByTestId('report-block').last().locator(`[data-annotation-id="${id}"]`)).toHaveCount(1)
})

test('an annotation whose words were mostly replaced waits for review with old and new text; confirm and delete are undoable', async ({ wb }) => {
  const { page } = wb
  const id = await annotate(page, OLD, 'Vì sao tăng trưởng thấp?')
  const text = await reportText(page, wb.shell!)
  await revise(page, text.replace(OLD, NEW), 'sua-tu.txt')
  await expect(page.getByText(/Đã tải bản sửa đổi 2: 0 chú thích định vị lại, 1 cần xem lại, 0 chưa định vị/)).toBeVisible()
  await expect(page.locator(`[data-testid="annotation-highlight"][data-annotation-id="${id}"]`)).toHaveCount(0)

  await page.getByTestId('tab-annotations').click()
  const review = page.getByTestId('review-annotations')
  await expect(review).toContainText('Cần xem lại (1)')
  await expect(review.getByTestId('review-old')).toHaveText(OLD)
  await expect(review.getByTestId('review-new')).toHaveText(NEW)
  await expect(review).toContainText('Vì sao tăng trưởng thấp?')
  await expect(page.getByTestId('unplaced-annotations')).toHaveCount(0)
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 })
    await review.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath(`review-list-${width}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })

  // Confirm: the highlight is on the new words; undo puts it back in the list.
  await review.getByTestId('review-confirm').click()
  await expect(review).toHaveCount(0)
  await expect.poll(() => highlightedText(page, id)).toBe(NEW)
  await page.getByTestId('report-pane').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Control+z')
  await expect(review.getByTestId('review-new')).toHaveText(NEW)
  await expect(page.locator(`[data-testid="annotation-highlight"][data-annotation-id="${id}"]`)).toHaveCount(0)

  // Delete: gone from the list (and after a reload); undo brings it back to review.
  await review.getByTestId('review-delete').click()
  await expect(review).toHaveCount(0)
  await page.getByTestId('report-pane').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Control+z')
  await expect(review.getByTestId('review-old')).toHaveText(OLD)
  await review.getByTestId('review-delete').click()
  await expect(review).toHaveCount(0)
  await wb.reload()
  await page.getByTestId('tab-annotations').click()
  await expect(page.getByTestId('annotations-panel')).toBeVisible()
  await expect(page.getByTestId('review-annotations')).toHaveCount(0)
})
