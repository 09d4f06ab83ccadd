// Reading the checklist the way a user sees it: titles (editable fields) and statuses in
// on-screen order, and finding an item by part of its title.
import type { Locator, Page } from '@playwright/test'

export async function checklistState(page: Page): Promise<{ title: string; status: string }[]> {
  return page.getByTestId('proposal-item').evaluateAll((items) =>
    items.map((item) => {
      const title = item.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-testid="proposal-title"]')
      const status = item.querySelector<HTMLSelectElement>('[data-testid="proposal-status"]')
      return { title: title?.value ?? title?.textContent ?? '', status: status?.value ?? '' }
    }),
  )
}

export async function itemWithTitle(page: Page, part: string | RegExp): Promise<Locator> {
  const state = await checklistState(page)
  const index = state.findIndex((p) => (typeof part === 'string' ? p.title.includes(part) : part.test(p.title)))
  if (index < 0) throw new Error(`no proposal whose title matches ${part}; titles: ${state.map((p) => p.title).join(' | ')}`)
  return page.getByTestId('proposal-item').nth(index)
}
