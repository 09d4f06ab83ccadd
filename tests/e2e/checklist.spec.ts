// The checklist beside the report: the bundled proposals, and every kind of edit stored at
// once so that it survives a reload and a restart of the app.
import { test, expect } from './fixtures'
import { checklistState, itemWithTitle } from './support/checklist'

test('starts with the proposals of the sample report, grouped by sector', async ({ wb }) => {
  const { page } = wb
  const checklist = page.getByTestId('checklist')
  await expect(checklist.getByTestId('proposal-item').first()).toBeVisible()
  const titles = (await checklistState(page)).map((p) => p.title)
  expect(titles.length).toBeGreaterThanOrEqual(20)
  expect(titles.some((t) => /trường/.test(t) && /gom/i.test(t))).toBe(true)
  expect(titles.some((t) => /xăng dầu/.test(t))).toBe(true)
  expect(titles.some((t) => /quy hoạch sử dụng đất/.test(t))).toBe(true)
  for (const part of ['Chiêu Lưu', 'du lịch sinh thái', 'dược liệu', 'cây ăn quả', 'Mường Xén', 'chất lượng công trình', 'sạt lở']) {
    expect(titles.some((t) => t.includes(part)), part).toBe(true)
  }
  // Sector groups name their lead departments, from data/sectors.json.
  await expect(checklist).toContainText('Sở Giáo dục và Đào tạo')
  await expect(checklist).toContainText('Sở Công Thương')
  await expect(checklist).toContainText('Sở Tài nguyên và Môi trường')
  await expect(checklist).toContainText(`0/${titles.length}`)
})

test('edit, status, add, delete and reorder survive a reload and a restart', async ({ wb }) => {
  const { page } = wb
  const initial = await checklistState(page)

  const fuel = await itemWithTitle(page, 'xăng dầu')
  const fuelTitle = fuel.getByTestId('proposal-title')
  await fuelTitle.fill('Tăng cường quản lý kinh doanh xăng dầu ở các xã biên giới')
  await fuelTitle.press('Enter')
  await fuel.getByTestId('proposal-status').selectOption('accepted')

  await page.getByTestId('add-proposal').click()
  const focused = page.locator(':focus')
  await expect(focused).toHaveAttribute('data-testid', 'proposal-title')
  await page.keyboard.type('Kiểm tra nguồn nước sạch ở các bản vùng cao')
  await page.keyboard.press('Enter')

  const town = await itemWithTitle(page, 'Mường Xén')
  await town.getByRole('button', { name: /xóa/i }).first().click()

  const first = page.getByTestId('proposal-item').first()
  await first.focus()
  await page.keyboard.press('Alt+ArrowDown')

  await expect.poll(async () => (await checklistState(page)).length).toBe(initial.length)
  const expected = await checklistState(page)
  expect(expected.map((p) => p.title)).toContain('Kiểm tra nguồn nước sạch ở các bản vùng cao')
  expect(expected.map((p) => p.title)).toContain('Tăng cường quản lý kinh doanh xăng dầu ở các xã biên giới')
  expect(expected.some((p) => p.title.includes('Mường Xén'))).toBe(false)
  expect(expected[1]!.title).toBe(initial[0]!.title)
  expect(expected.find((p) => p.title.includes('xăng dầu'))!.status).toBe('accepted')
  await expect(page.getByTestId('checklist')).toContainText(`1/${expected.length}`)

  // Saved at once: a reload (renderer starts over) and a restart (new server) show the same.
  await expect
    .poll(async () => {
      await wb.reload()
      return checklistState(page)
    })
    .toEqual(expected)
  await wb.restart()
  expect(await checklistState(wb.page)).toEqual(expected)
})

test('a deleted proposal comes back with undo', async ({ wb }) => {
  const { page } = wb
  const before = await checklistState(page)
  const item = await itemWithTitle(page, 'cây ăn quả')
  await item.getByRole('button', { name: /xóa/i }).first().click()
  await expect.poll(async () => (await checklistState(page)).length).toBe(before.length - 1)
  await page.getByRole('button', { name: /hoàn tác/i }).click()
  await expect.poll(() => checklistState(page)).toEqual(before)
  await wb.reload()
  expect(await checklistState(page)).toEqual(before)
})

test('checklist edits are undone and redone with the keyboard, in the order they were made', async ({ wb }) => {
  const { page } = wb
  const before = await checklistState(page)
  const fuel = await itemWithTitle(page, 'xăng dầu')
  await fuel.getByTestId('proposal-status').selectOption('accepted')
  const land = await itemWithTitle(page, 'cây ăn quả')
  await land.getByRole('button', { name: /xóa/i }).first().click()
  await expect.poll(async () => (await checklistState(page)).length).toBe(before.length - 1)
  const afterBoth = await checklistState(page)

  // Outside any field (a field keeps Ctrl+Z for its own text).
  await page.getByTestId('report-pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z') // the deletion
  await expect.poll(async () => (await checklistState(page)).length).toBe(before.length)
  await page.keyboard.press('Control+z') // the status
  await expect.poll(() => checklistState(page)).toEqual(before)
  await page.keyboard.press('Control+Shift+z')
  await page.keyboard.press('Control+y')
  await expect.poll(() => checklistState(page)).toEqual(afterBoth)
  await wb.reload()
  expect(await checklistState(page)).toEqual(afterBoth)
})

test('filters by status and switches the interface to English', async ({ wb }) => {
  const { page } = wb
  const item = await itemWithTitle(page, 'quy hoạch sử dụng đất')
  await item.getByTestId('proposal-status').selectOption('done')
  const all = (await checklistState(page)).length
  await page.getByTestId('checklist').getByRole('button', { name: /hoàn thành/i }).first().click()
  await expect.poll(async () => (await checklistState(page)).map((p) => p.status)).toEqual(['done'])
  await page.getByTestId('checklist').getByRole('button', { name: /hoàn thành/i }).first().click()
  await expect.poll(async () => (await checklistState(page)).length).toBe(all)

  await page.getByRole('button', { name: 'EN' }).click()
  await expect(page.getByTestId('add-proposal')).toContainText(/add/i)
  await wb.reload()
  await expect(page.getByTestId('add-proposal')).toContainText(/add/i)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
