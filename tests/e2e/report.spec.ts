// The report pane shows the bundled Kỳ Sơn report as a document.
import { test, expect } from './fixtures'

const HEADINGS = ['GIỮ YÊN BIÊN GIỚI, YÊN ĐỊA BÀN, YÊN DÂN', 'BIẾN CÁC KHÓ KHĂN, BẤT LỢI THÀNH LỢI THẾ PHÁT TRIỂN']

test('shows the sample report with its headings, date header and no metadata fragment', async ({ wb }) => {
  const pane = wb.page.getByTestId('report-pane')
  const blocks = pane.getByTestId('report-block')
  await expect(blocks.first()).toBeVisible()
  for (const heading of HEADINGS) {
    await expect(pane.locator('h2[data-testid="report-block"]', { hasText: heading })).toHaveCount(1)
  }
  await expect(pane.locator('h2[data-testid="report-block"]')).toHaveCount(HEADINGS.length)
  expect(await blocks.count()).toBeGreaterThan(20)
  await expect(pane).not.toContainText('date 2022-05')
  // The metadata fragment becomes the header's date, in Vietnamese form.
  await expect(pane).toContainText('26 tháng 5 năm 2022')
  await expect(blocks.first()).toContainText('Sáng 26/5')
})

test('the outline jumps to a section and zoom keys scale the text', async ({ wb }) => {
  const { page } = wb
  const heading = page.locator('h2[data-testid="report-block"]', { hasText: HEADINGS[1]! })
  await page.getByRole('navigation').getByText(HEADINGS[1]!, { exact: false }).first().click()
  await expect(heading).toBeInViewport()

  const paragraph = page.locator('p[data-testid="report-block"]').first()
  const size = async () => parseFloat(await paragraph.evaluate((el) => getComputedStyle(el).fontSize))
  const before = await size()
  await page.keyboard.press('Control+Equal')
  await expect.poll(size).toBeGreaterThan(before)
  await page.keyboard.press('Control+0')
  await expect.poll(size).toBeCloseTo(before, 1)
})
