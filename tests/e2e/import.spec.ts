// Importing a report file: its title comes from the text (the file name is a slug), and the
// proposals the text makes are offered as suggestions, one click from the checklist. Word, PDF,
// HTML, Markdown and legacy-encoded files, by the file chooser and by drag and drop, and the
// files refused: import-documents.spec.ts.
import { resolve } from 'node:path'
import { test, expect } from './fixtures'
import { checklistState } from './support/checklist'

const SAMPLE = resolve('tests/fixtures/samples/04-nghe-an-con-cuong.txt')
const BRIDGE = 'Xây dựng cầu cứng qua sông Lam'

test('an imported report is titled by its first sentence and offers suggestions to accept', async ({ wb }) => {
  const { page } = wb
  await page.getByTestId('import-report').setInputFiles(SAMPLE)
  await expect(page.getByTestId('import-read-as')).toHaveText('Đã nhập từ tệp văn bản.', { timeout: 45_000 })
  await page.getByTestId('import-confirm').click()

  const title = page.getByTestId('report-pane').getByRole('heading', { level: 1 })
  await expect(title).toHaveText(/^Đ\/c Nguyễn Xuân Đường - Phó Bí thư Tỉnh uỷ, Chủ tịch UBND tỉnh làm việc với .*…$/)
  await expect(title).not.toContainText(/nghe an|con cuong/i)
  await expect(page.getByTestId('report-block').first()).toContainText('Đ/c Nguyễn Xuân Đường')

  // A new report has no proposals yet, so the suggestions are open.
  const suggestions = page.getByTestId('suggestion-item')
  await expect(suggestions.first()).toBeVisible()
  const count = await suggestions.count()
  expect(count).toBeGreaterThanOrEqual(3)
  expect(await checklistState(page)).toEqual([])
  await expect(page.getByTestId('suggestions')).toContainText(`Gợi ý từ báo cáo (${count})`)

  const bridge = suggestions.filter({ hasText: BRIDGE })
  await expect(bridge).toContainText('Giao thông vận tải')
  // The quote marks its passage in the report.
  await bridge.getByRole('button', { name: /cầu cứng qua sông Lam/ }).click()
  await expect(page.getByTestId('report-pane').locator('mark')).toContainText('xây dựng cầu cứng qua sông Lam')

  await bridge.getByTestId('accept-suggestion').click()
  await expect.poll(() => checklistState(page)).toEqual([{ title: BRIDGE, status: 'proposed' }])
  await expect(suggestions).toHaveCount(count - 1)
  await expect(suggestions.filter({ hasText: BRIDGE })).toHaveCount(0)
  const group = page.getByTestId('checklist').locator('section', { has: page.getByRole('heading', { name: 'Giao thông vận tải' }) })
  await expect(group.getByTestId('proposal-item')).toHaveCount(1)

  // Stored: after a reload the proposal is still there, with its source, and not suggested again.
  await wb.reload()
  await expect(page.getByTestId('report-pane').getByRole('heading', { level: 1 })).toHaveText(/^Đ\/c Nguyễn Xuân Đường/)
  await expect.poll(() => checklistState(page)).toEqual([{ title: BRIDGE, status: 'proposed' }])
  const section = page.getByTestId('suggestions')
  await expect(section).toContainText(`(${count - 1})`)
  // The checklist is no longer empty, so the suggestions start collapsed.
  await expect(suggestions.first()).toBeHidden()
  await section.getByRole('button', { name: /Gợi ý từ báo cáo/ }).click()
  await expect(suggestions.first()).toBeVisible()
  await expect(suggestions).toHaveCount(count - 1)
  await expect(suggestions.filter({ hasText: BRIDGE })).toHaveCount(0)
})

test('a dismissed suggestion is hidden, and comes back with undo', async ({ wb }) => {
  const { page } = wb
  await page.getByTestId('import-report').setInputFiles(SAMPLE)
  await page.getByTestId('import-confirm').click({ timeout: 45_000 })
  const suggestions = page.getByTestId('suggestion-item')
  await expect(suggestions.first()).toBeVisible()
  const count = await suggestions.count()
  await suggestions.filter({ hasText: BRIDGE }).getByRole('button', { name: 'Bỏ qua gợi ý' }).click()
  await expect(suggestions).toHaveCount(count - 1)
  await expect(suggestions.filter({ hasText: BRIDGE })).toHaveCount(0)
  expect(await checklistState(page)).toEqual([])
  await page.getByRole('button', { name: /hoàn tác/i }).click()
  await expect(suggestions).toHaveCount(count)
  await expect(suggestions.filter({ hasText: BRIDGE })).toHaveCount(1)
})
