// Honest storage seen by the user: the data folder is moved away while the app runs, an edit is
// refused with one sentence, and what was typed stays in the field and on this computer (across a
// reload) until the folder is back and "Lưu lại" saves it.
import { readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { test, expect } from './fixtures'
import { checklistState, itemWithTitle } from './support/checklist'

const TYPED = 'Tăng cường kiểm tra kinh doanh xăng dầu dọc tuyến biên giới Nậm Cắn'

test('a refused save keeps the typed text, says why in one sentence, and saves it once the folder is back', async ({ wb }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'moves the data folder of the browser shell')
  test.setTimeout(150_000) // a reload and a restart of the shell
  const { page } = wb
  const moved = `${wb.dataDir}-moved`
  renameSync(wb.dataDir, moved)
  try {
    const fuel = await itemWithTitle(page, 'xăng dầu')
    const title = fuel.getByTestId('proposal-title')
    await title.fill(TYPED)
    await title.press('Enter')

    const banner = page.getByTestId('storage-banner')
    await expect(banner).toContainText('Không lưu được: tệp dữ liệu đã bị di chuyển hoặc xoá trong khi ứng dụng đang chạy')
    await expect(banner).toContainText('Có 1 thay đổi chưa lưu được, đang giữ trên máy này.')
    await expect(title).toHaveValue(TYPED)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.screenshot({ path: testInfo.outputPath('storage-refused-1280.png') })
    await page.setViewportSize({ width: 900, height: 800 })
    await page.screenshot({ path: testInfo.outputPath('storage-refused-900.png') })
    await page.setViewportSize({ width: 1280, height: 800 })

    // A reload (the renderer starts over) still shows the typed text, from the local draft.
    await wb.reload()
    await expect.poll(async () => (await checklistState(page)).some((p) => p.title === TYPED)).toBe(true)
    await expect(page.getByTestId('storage-banner')).toContainText('Có 1 thay đổi chưa lưu được')
  } finally {
    renameSync(moved, wb.dataDir)
    for (const name of readdirSync(dirname(wb.dataDir))) {
      if (name.startsWith(`${basename(wb.dataDir)}-rescued-`)) rmSync(join(dirname(wb.dataDir), name), { force: true })
    }
  }

  // The folder is back where it was opened: saving again stores it, the banner goes.
  await page.getByTestId('storage-retry').click()
  await expect(page.getByTestId('storage-banner')).toHaveCount(0)
  await wb.restart()
  await expect.poll(async () => (await checklistState(wb.page)).some((p) => p.title === TYPED)).toBe(true)
  expect(await wb.page.evaluate(() => localStorage.getItem('workbench.drafts.v1'))).toBeNull()
})

test('backups in the preferences: back up now, then restore it over a later edit', async ({ wb }) => {
  test.setTimeout(120_000) // the restore reloads the whole window
  const { page } = wb
  const before = 'Tên đề xuất trong bản sao lưu'
  const fuel = await itemWithTitle(page, 'xăng dầu')
  await fuel.getByTestId('proposal-title').fill(before)
  await fuel.getByTestId('proposal-title').press('Enter')
  await expect.poll(async () => (await checklistState(page)).some((p) => p.title === before)).toBe(true)

  await page.getByTestId('preferences').click()
  const backups = page.getByTestId('backups')
  await expect(backups).toContainText('Chưa có bản sao lưu nào.')
  await backups.getByTestId('backup-now').click()
  await expect(backups.getByTestId('backup-item')).toHaveCount(1)
  await expect(backups.getByTestId('backup-item')).toContainText(/\d\d\/\d\d\/\d{4} \d\d:\d\d\s*sao lưu tay/)
  await page.screenshot({ path: test.info().outputPath('backups-menu-1280.png') })

  const later = await itemWithTitle(page, before)
  await later.getByTestId('proposal-title').fill('Sửa sau khi sao lưu')
  await later.getByTestId('proposal-title').press('Enter')
  await expect.poll(async () => (await checklistState(page)).some((p) => p.title === 'Sửa sau khi sao lưu')).toBe(true)

  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByTestId('preferences').click()
  const reloaded = page.waitForEvent('load')
  await page.getByTestId('backup-item').getByRole('button', { name: 'Khôi phục' }).click()
  await reloaded // the window starts over on the restored database
  await expect(page.getByTestId('report-pane')).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => (await checklistState(page)).some((p) => p.title === before), { timeout: 20_000 }).toBe(true)
  expect((await checklistState(page)).some((p) => p.title === 'Sửa sau khi sao lưu')).toBe(false)
})
