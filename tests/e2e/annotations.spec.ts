// Annotating the report: highlights with notes that survive a reload, overlapping highlights,
// links to proposals, diacritic-free search and highlights that follow a revised text.
import { test, expect } from './fixtures'
import { highlightedText, selectInReport } from './support/annotations'
import { itemWithTitle } from './support/checklist'
import { dragOnto } from './support/drag'

const PHRASE = 'tăng cường quản lý việc kinh doanh xăng dầu'

async function annotatePhrase(page: import('@playwright/test').Page, phrase: string, opts = {}): Promise<string> {
  const before = await page.getByTestId('annotation-highlight').evaluateAll((m) => m.map((x) => x.getAttribute('data-annotation-id')))
  await selectInReport(page, phrase, opts)
  await page.getByTestId('annotate').click()
  await expect(page.getByTestId('annotation-editor')).toBeVisible()
  const ids = await page.getByTestId('annotation-highlight').evaluateAll((m) => m.map((x) => x.getAttribute('data-annotation-id')))
  const id = ids.find((x) => !before.includes(x))
  expect(id).toBeTruthy()
  return id!
}

test('a highlight with a note stays on the same text after a reload', async ({ wb }) => {
  const { page } = wb
  const id = await annotatePhrase(page, PHRASE)
  expect(await highlightedText(page, id)).toBe(PHRASE)
  await page.getByTestId('annotation-editor').fill('Cần số liệu về các cửa hàng xăng dầu')
  await page.getByTestId('annotation-editor').blur()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('annotation-editor')).toHaveCount(0)

  await expect
    .poll(async () => {
      await wb.reload()
      return highlightedText(page, id)
    })
    .toBe(PHRASE)
  await page.locator(`[data-annotation-id="${id}"]`).first().click()
  await expect(page.getByTestId('annotation-editor')).toHaveValue('Cần số liệu về các cửa hàng xăng dầu')
})

test('two overlapping highlights both render and each opens its own editor', async ({ wb }) => {
  const { page } = wb
  const first = await annotatePhrase(page, PHRASE)
  await page.keyboard.press('Escape')
  // From "quản lý" to past the end of the first one.
  const second = await annotatePhrase(page, PHRASE + ', cố gắng', { from: 'tăng cường '.length })
  await page.keyboard.press('Escape')
  expect(await highlightedText(page, first)).toBe(PHRASE)
  expect(await highlightedText(page, second)).toMatch(/^quản lý việc kinh doanh xăng dầu/)
  // The overlap is drawn as one highlight nested in the other.
  await expect(page.locator(`[data-annotation-id="${first}"] [data-annotation-id="${second}"], [data-annotation-id="${second}"] [data-annotation-id="${first}"]`).first()).toBeVisible()

  await page.locator(`[data-annotation-id="${first}"]`).first().click()
  await expect(page.getByTestId('annotation-popover')).toHaveAttribute('data-annotation-id', first)
  await page.keyboard.press('Escape')
  await page.locator(`[data-annotation-id="${second}"]`).last().click()
  await expect(page.getByTestId('annotation-popover')).toHaveAttribute('data-annotation-id', second)
})

test('an annotation linked to a proposal is counted on it and listed in the panel', async ({ wb }) => {
  const { page } = wb
  const id = await annotatePhrase(page, PHRASE)
  await page.getByTestId('annotation-editor').fill('Đối chiếu với đề xuất')
  const linkSelect = page.getByTestId('annotation-link-select')
  const value = await linkSelect.locator('option').evaluateAll(
    (options) => (options as HTMLOptionElement[]).find((o) => o.textContent!.includes('xăng dầu'))?.value,
  )
  expect(value).toBeTruthy()
  await linkSelect.selectOption(value!)
  await expect(page.getByTestId('annotation-link')).toContainText('xăng dầu')
  await page.keyboard.press('Escape')

  const fuel = await itemWithTitle(page, 'xăng dầu')
  await expect(fuel.getByTestId('proposal-annotation-count')).toHaveText('1')

  await page.getByTestId('tab-annotations').click()
  const item = page.getByTestId('annotation-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(PHRASE)
  await expect(item).toContainText('Đối chiếu với đề xuất')
  await page.getByTestId('annotation-filter-text').fill('doi chieu')
  await expect(item).toHaveCount(1)
  await page.getByTestId('annotation-filter-text').fill('không có chữ này')
  await expect(item).toHaveCount(0)
  await page.getByTestId('annotation-filter-text').fill('')
  await item.click()
  await expect(page.getByTestId('annotation-popover')).toHaveAttribute('data-annotation-id', id)

  await wb.reload()
  await expect((await itemWithTitle(page, 'xăng dầu')).getByTestId('proposal-annotation-count')).toHaveText('1')
})

test('search without diacritics finds “xăng dầu” and Enter marks the passages in turn', async ({ wb }) => {
  const { page } = wb
  await page.getByTestId('search-input').fill('xang dau')
  const results = page.getByTestId('search-result')
  await expect(results.first()).toBeVisible()
  await expect(page.getByTestId('search-results')).toContainText('xăng dầu')
  await expect(page.locator('[data-testid="search-result"][data-kind="report"]').first()).toBeVisible()
  await page.getByTestId('search-input').press('Enter')
  await expect(page.locator('mark.source-mark').first()).toBeVisible()
  await expect(page.locator('mark.source-mark')).toHaveText(/^xăng dầu$/i)
})

test('a highlight follows its phrase into a revised text', async ({ wb }) => {
  const { page } = wb
  const id = await annotatePhrase(page, PHRASE)
  await page.keyboard.press('Escape')
  const startBefore = Number(await page.locator(`[data-annotation-id="${id}"]`).first().evaluate((m) => m.closest<HTMLElement>('[data-start]')!.dataset.start))

  const shell = wb.shell!
  const call = async (method: string, args: object) => {
    const res = await page.request.post(`http://127.0.0.1:${shell.port}/rpc/${method}`, {
      headers: { Authorization: `Bearer ${shell.token}` },
      data: args,
    })
    return ((await res.json()) as { value: unknown }).value
  }
  const [summary] = (await call('reports.list', {})) as { id: number }[]
  const { text } = (await call('reports.get', { id: summary!.id })) as { text: string }
  const at = text.lastIndexOf('\n', text.indexOf(PHRASE)) + 1
  const inserted = 'Đoạn văn mới được bổ sung trong bản sửa đổi, đứng trước đoạn có chú thích.\n\n'
  const revised = text.slice(0, at) + inserted + text.slice(at)

  await page.getByTestId('revise-file').setInputFiles({ name: 'ban-sua-doi.txt', mimeType: 'text/plain', buffer: Buffer.from(revised, 'utf8') })
  await page.getByTestId('revision-apply').click()
  await expect(page.getByText(/Đã áp dụng bản sửa đổi 2: 1 chú thích định vị lại, 0 chưa định vị/)).toBeVisible()
  await expect(page.getByTestId('report-pane')).toContainText('Đoạn văn mới được bổ sung')
  await expect.poll(() => highlightedText(page, id)).toBe(PHRASE)
  const startAfter = Number(await page.locator(`[data-annotation-id="${id}"]`).first().evaluate((m) => m.closest<HTMLElement>('[data-start]')!.dataset.start))
  expect(startAfter).toBe(startBefore + inserted.length)
})

test('creating, editing and deleting an annotation can be undone and redone', async ({ wb }) => {
  const { page } = wb
  const id = await annotatePhrase(page, PHRASE)
  await page.getByTestId('annotation-colour-green').click()
  await expect(page.locator(`[data-annotation-id="${id}"].anno-green`).first()).toBeVisible()
  await page.keyboard.press('Escape')
  const mark = page.locator(`[data-testid="annotation-highlight"][data-annotation-id="${id}"]`)

  await page.getByTestId('report-pane').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Control+z') // the colour
  await expect(page.locator(`[data-annotation-id="${id}"].anno-yellow`).first()).toBeVisible()
  await page.keyboard.press('Control+z') // the annotation itself
  await expect(mark).toHaveCount(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(mark.first()).toBeVisible()
  await page.keyboard.press('Control+Shift+z')
  await expect(page.locator(`[data-annotation-id="${id}"].anno-green`).first()).toBeVisible()

  await mark.first().click()
  await page.getByTestId('annotation-delete').click()
  await expect(mark).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(mark.first()).toBeVisible()
  await wb.reload()
  await expect(page.locator(`[data-annotation-id="${id}"].anno-green`).first()).toBeVisible()
})

test('an annotation whose text is gone from a revision is listed unplaced and can be reattached', async ({ wb }) => {
  const { page } = wb
  const gone = 'cố gắng giữ quy hoạch Cụm công nghiệp Chiêu Lưu'
  const id = await annotatePhrase(page, gone)
  await page.getByTestId('annotation-editor').fill('Ghi chú về cụm công nghiệp')
  await page.keyboard.press('Escape')

  const shell = wb.shell!
  const res = await page.request.post(`http://127.0.0.1:${shell.port}/rpc/reports.list`, {
    headers: { Authorization: `Bearer ${shell.token}` },
    data: {},
  })
  const [summary] = ((await res.json()) as { value: { id: number }[] }).value
  const got = await page.request.post(`http://127.0.0.1:${shell.port}/rpc/reports.get`, {
    headers: { Authorization: `Bearer ${shell.token}` },
    data: { id: summary!.id },
  })
  const { text } = ((await got.json()) as { value: { text: string } }).value
  const revised = text.replace(gone, 'mở rộng khu du lịch sinh thái tại Hữu Kiệm')
  await page.getByTestId('revise-file').setInputFiles({ name: 'sua-doi.txt', mimeType: 'text/plain', buffer: Buffer.from(revised, 'utf8') })
  await expect(page.getByTestId('preview-outcome-unplaced')).toHaveText('1 sẽ chưa định vị')
  await page.getByTestId('revision-apply').click()
  await expect(page.getByText(/0 chú thích định vị lại, 1 chưa định vị/)).toBeVisible()
  await expect(page.locator(`[data-annotation-id="${id}"]`)).toHaveCount(0)

  await page.getByTestId('tab-annotations').click()
  const unplaced = page.getByTestId('unplaced-annotations')
  await expect(unplaced).toContainText(gone)
  await expect(unplaced).toContainText('Ghi chú về cụm công nghiệp')
  await selectInReport(page, 'mở rộng khu du lịch sinh thái tại Hữu Kiệm')
  await unplaced.getByTestId('annotation-reattach').click()
  await expect(unplaced).toHaveCount(0)
  await expect.poll(() => highlightedText(page, id)).toBe('mở rộng khu du lịch sinh thái tại Hữu Kiệm')
})

test('a passage dragged onto a proposal is linked to it, from the report and from the list', async ({ wb }) => {
  const { page } = wb
  const fuel = await itemWithTitle(page, 'xăng dầu')
  await expect(fuel.getByTestId('proposal-annotation-count')).toHaveCount(0)

  // Selected text, dragged onto the proposal, becomes a highlight linked to it.
  await selectInReport(page, PHRASE)
  const block = page.getByTestId('report-block').filter({ hasText: PHRASE })
  await dragOnto(page, block, fuel, () => expect(fuel).toHaveClass(/drop-link/))
  await expect(fuel.getByTestId('proposal-annotation-count')).toHaveText('1')
  const id = await page.getByTestId('annotation-highlight').first().getAttribute('data-annotation-id')
  expect(await highlightedText(page, id!)).toBe(PHRASE)
  await expect(fuel).not.toHaveClass(/drop-link/)

  // The same passage again adds no second annotation.
  await selectInReport(page, PHRASE)
  await dragOnto(page, block, fuel)
  await expect(page.getByTestId('tab-annotations')).toContainText('(1)')

  // An annotation taken from the list: over the checklist tab, then onto another proposal.
  const other = page.getByTestId('proposal-item').nth(0)
  const otherId = await other.getAttribute('data-proposal-id')
  await page.getByTestId('tab-annotations').click()
  const item = page.getByTestId('annotation-item').first()
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer())
  await item.dispatchEvent('dragstart', { dataTransfer })
  await page.getByTestId('tab-checklist').dispatchEvent('dragover', { dataTransfer })
  const again = page.locator(`[data-testid="proposal-item"][data-proposal-id="${otherId}"]`)
  await expect(again).toBeVisible()
  await again.dispatchEvent('dragover', { dataTransfer })
  await again.dispatchEvent('drop', { dataTransfer })
  await expect(again.getByTestId('proposal-annotation-count')).toHaveText('1')
  await expect(fuel.getByTestId('proposal-annotation-count')).toHaveText('1')

  // Undone like any other link.
  await page.keyboard.press('Control+z')
  await expect(again.getByTestId('proposal-annotation-count')).toHaveCount(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(again.getByTestId('proposal-annotation-count')).toHaveText('1')

  await wb.reload()
  await expect(page.locator(`[data-testid="proposal-item"][data-proposal-id="${otherId}"]`).getByTestId('proposal-annotation-count')).toHaveText('1')
})
