// Drag and drop by dispatching the HTML drag events with one shared DataTransfer. Playwright's
// mouse-driven drag starts no drag in this Chromium (not even on a draggable element), so the
// specs drive the page's own handlers this way; the browser's gesture itself is not covered.
import type { Locator, Page } from '@playwright/test'

export async function dragOnto(page: Page, source: Locator, target: Locator, during?: () => Promise<void>): Promise<void> {
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer())
  await source.dispatchEvent('dragstart', { dataTransfer })
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  await during?.()
  await target.dispatchEvent('drop', { dataTransfer })
  await source.dispatchEvent('dragend', { dataTransfer })
}
