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
