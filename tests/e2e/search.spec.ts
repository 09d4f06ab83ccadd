// Search in the bundled Kỳ Sơn report: "sap nhap truong" (typed without diacritics, in words the
// report does not use) finds the school-consolidation passage through the synonym list, with the
// matched words marked; choosing the passage marks it in the report, choosing the proposal scrolls
// the checklist to it and opens it. Screenshots at 1280 and 900 px go to the test's output folder.
import { expect, test } from './fixtures'

const PASSAGE = 'gom các điểm trường'

test('"sap nhap truong" finds the school-consolidation passage and opens its proposal in the checklist', async ({ wb }, testInfo) => {
  // One flow of many steps with three screenshots: more than the default minute on a busy machine.
  test.slow()
  const { page } = wb
  // Start from the other tab and with the checklist scrolled to its top: choosing the proposal must undo both.
  await page.getByTestId('tab-annotations').click()

  await page.getByTestId('search-input').fill('sap nhap truong')
  const dropdown = page.getByTestId('search-results')
  const passage = dropdown.locator('[data-testid="search-result"][data-kind="report"]').filter({ hasText: PASSAGE })
  await expect(passage).toBeVisible()
  await expect(passage.getByTestId('search-mark')).toHaveText(['trường', 'gom', 'trường'])
  const proposal = dropdown.locator('[data-testid="search-result"][data-kind="proposal"]').filter({ hasText: 'gom các điểm trường' })
  await expect(proposal).toHaveCount(1)
  await expect(proposal.getByTestId('search-mark').first()).toBeVisible()

  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 })
    await expect(passage).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`search-results-${width}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 800 })

  await passage.click()
  await expect(page.locator('mark.source-mark')).toHaveText(PASSAGE)

  await page.getByTestId('search-input').click()
  await expect(proposal).toBeVisible()
  const proposalId = await proposal.getAttribute('data-result-id')
  await proposal.click()
  const item = page.locator(`[data-testid="proposal-item"][data-proposal-id="${proposalId}"]`)
  await expect(page.getByTestId('tab-checklist')).toHaveAttribute('aria-selected', 'true')
  await expect(item).toBeInViewport({ ratio: 0.9 })
  await expect(item.getByTestId('proposal-title')).toBeInViewport()
  await expect(item).toBeFocused()
  await expect(item.locator('button.expand')).toHaveAttribute('aria-expanded', 'true')
  await expect(item.locator('textarea[id$="-detail"]')).toHaveValue(/Ý kiến các sở, ngành/)

  await page.setViewportSize({ width: 900, height: 800 })
  await page.getByTestId('search-input').fill('xang dau')
  const fuel = page.locator('[data-testid="search-result"][data-kind="proposal"]').filter({ hasText: 'xăng dầu' }).first()
  await expect(fuel).toBeVisible()
  const fuelId = await fuel.getAttribute('data-result-id')
  await fuel.click()
  const fuelItem = page.locator(`[data-testid="proposal-item"][data-proposal-id="${fuelId}"]`)
  // Opened, the item is taller than the list at this size: its title comes first.
  await expect(fuelItem.getByTestId('proposal-title')).toBeInViewport()
  await expect(fuelItem.locator('button.expand')).toHaveAttribute('aria-expanded', 'true')
  await page.screenshot({ path: testInfo.outputPath('search-proposal-opened-900.png') })
})
