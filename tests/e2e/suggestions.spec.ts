// Suggestions on a report written for this test: each shows its responsible body and deadline,
// the panel filters by body and sector and groups by section, and accepting one puts owner and
// due date on the proposal. Screenshots of the panel at 1280 and 900 px.
import { test, expect } from './fixtures'
import { checklistState, itemWithTitle } from './support/checklist'

const REPORT = [
  'date 2023-05-20 Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Hòa An',
  '',
  'Chiều 19/5, Chủ tịch UBND tỉnh đã làm việc với huyện Hòa An. Năm tháng qua, thu ngân sách đạt 120 tỷ đồng, tăng 8%.',
  '',
  'I. ĐẤT ĐAI VÀ GIAO THÔNG',
  '',
  'Chủ tịch UBND tỉnh giao UBND huyện Hòa An:',
  '- Rà soát, hoàn thiện quy hoạch sử dụng đất giai đoạn 2021-2030, trình UBND tỉnh trước ngày 30/6/2023.',
  '- Khẩn trương hoàn thành giải phóng mặt bằng dự án đường tỉnh 208 trong quý III.',
  '',
  'Yêu cầu Công an tỉnh tăng cường tuần tra, xử lý các hành vi vi phạm trật tự an toàn giao thông trên quốc lộ 34.',
  '',
  'II. Y TẾ VÀ GIÁO DỤC',
  '',
  'Sở Y tế chủ trì, phối hợp với UBND các huyện tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.',
  '',
  'Sở Giáo dục và Đào tạo có trách nhiệm hướng dẫn huyện sắp xếp lại các điểm trường lẻ trước 15/8.',
].join('\n')

test('suggestions show body and deadline, filter and group, and accepting one fills owner and due date', async ({ wb }, testInfo) => {
  const { page } = wb
  await page.getByTestId('import-report').setInputFiles({ name: 'ket-luan-hoa-an.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) })
  await page.getByTestId('import-confirm').click({ timeout: 45_000 })
  const panel = page.getByTestId('suggestions')
  const items = page.getByTestId('suggestion-item')
  await expect(items.first()).toBeVisible()
  const count = await items.count()
  expect(count).toBeGreaterThanOrEqual(5)
  // The account of results is not offered.
  await expect(items.filter({ hasText: '120 tỷ' })).toHaveCount(0)

  const land = items.filter({ hasText: 'Rà soát, hoàn thiện quy hoạch sử dụng đất' })
  await expect(land.getByTestId('suggestion-owner')).toHaveText('UBND huyện Hòa An')
  await expect(land.getByTestId('suggestion-due')).toHaveText(/^Hạn 30\/0?6\/2023$/)
  await expect(items.filter({ hasText: 'giải phóng mặt bằng' }).getByTestId('suggestion-due')).toHaveText(/^Hạn 30\/0?9\/2023$/)
  const food = items.filter({ hasText: 'an toàn thực phẩm' })
  await expect(food.getByTestId('suggestion-owner')).toHaveText('Sở Y tế')
  await expect(food).toContainText('Phối hợp: UBND các huyện')

  // Most confident first, then by section with the report's headings.
  await page.getByTestId('suggestion-order').selectOption('section')
  await expect(panel.getByTestId('suggestion-section')).toHaveText(['I. ĐẤT ĐAI VÀ GIAO THÔNG', 'II. Y TẾ VÀ GIÁO DỤC'])
  await expect(items.first()).toContainText('quy hoạch sử dụng đất')

  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 900 })
    await panel.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: testInfo.outputPath(`suggestions-${width}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 900 })

  // Filters: by body, then by sector; "all" brings every suggestion back.
  await page.getByTestId('suggestion-body-filter').selectOption('Sở Y tế')
  await expect(items).toHaveCount(1)
  await expect(items).toContainText('an toàn thực phẩm')
  await page.getByTestId('suggestion-body-filter').selectOption({ index: 0 })
  await expect(items).toHaveCount(count)
  await page.getByTestId('suggestion-sector-filter').selectOption({ label: 'Giao thông vận tải' })
  await expect(items.filter({ hasText: 'quốc lộ 34' })).toHaveCount(1)
  expect(await items.count()).toBeLessThan(count)
  await page.getByTestId('suggestion-sector-filter').selectOption({ index: 0 })
  await expect(items).toHaveCount(count)

  // Accept: the proposal carries the body and the deadline, after a reload too.
  await land.getByTestId('accept-suggestion').click()
  await expect(items).toHaveCount(count - 1)
  for (const pass of ['now', 'after reload']) {
    if (pass === 'after reload') await wb.reload()
    await expect.poll(async () => (await checklistState(page)).some((p) => p.title.includes('quy hoạch sử dụng đất'))).toBe(true)
    const proposal = await itemWithTitle(page, 'quy hoạch sử dụng đất')
    await expect(proposal, pass).toContainText('UBND huyện Hòa An')
    await expect(proposal, pass).toContainText(/Hạn 30\/0?6\/2023/)
  }
})
