// Meetings end to end: the seeded sample meeting's minutes, then a meeting prepared, run
// item by item and exported to PDF, the PDF checked with poppler, and everything still
// there after a reload.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import mammoth from 'mammoth'
import { test, expect } from './fixtures'
import { checklistState } from './support/checklist'

const preview = (page: Page) => page.frameLocator('[data-testid="minutes-preview"]').locator('body')
const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ')

async function pickAgenda(page: Page, part: string): Promise<string> {
  const option = page.getByTestId('agenda-pick').locator('option', { hasText: part }).first()
  const value = (await option.getAttribute('value'))!
  const title = (await option.textContent())!.trim()
  await page.getByTestId('agenda-pick').selectOption(value)
  await page.getByTestId('agenda-add').click()
  return title
}

test('the sample meeting shows its minutes of 26 May 2022', async ({ wb }) => {
  const { page } = wb
  await page.getByTestId('view-meetings').click()
  await page.getByTestId('meeting-row').first().getByRole('button').first().click()
  await expect(page.getByTestId('meeting-title')).toHaveValue(/Kỳ Sơn/)
  await page.getByTestId('meeting-tab-minutes').click()
  await expect(preview(page)).toContainText('BIÊN BẢN')
  await expect(preview(page)).toContainText('ngày 26 tháng 5 năm 2022')
  await page.getByTestId('minutes-kind-thongbao').click()
  await expect(preview(page)).toContainText('THÔNG BÁO')
})

test('a meeting is deleted only after the confirmation is accepted', async ({ wb }) => {
  const { page } = wb
  await page.getByTestId('view-meetings').click()
  const rows = page.getByTestId('meeting-row')
  await expect(rows).toHaveCount(1)
  await page.getByTestId('new-meeting').click()
  await expect(rows).toHaveCount(2)
  const fresh = rows.filter({ hasText: 'Cuộc họp rà soát' })
  page.once('dialog', (dialog) => void dialog.dismiss())
  await fresh.getByRole('button', { name: 'Xóa cuộc họp' }).click()
  await expect(rows).toHaveCount(2)
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Cuộc họp rà soát')
    void dialog.accept()
  })
  await fresh.getByRole('button', { name: 'Xóa cuộc họp' }).click()
  await expect(rows).toHaveCount(1)
  await wb.reload()
  await page.getByTestId('view-meetings').click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Kỳ Sơn')
})

test('minutes sections are edited, reset and flagged stale; settings and DOCX export', async ({ wb }) => {
  const { page } = wb
  await page.getByTestId('view-meetings').click()
  await page.getByTestId('meeting-row').first().getByRole('button').first().click()
  await page.getByTestId('meeting-tab-minutes').click()
  await expect(preview(page)).toContainText('Buổi làm việc của Chủ tịch UBND tỉnh')

  const subject = page.getByTestId('minutes-section').filter({ has: page.getByRole('textbox', { name: 'Trích yếu' }) })
  await subject.getByRole('textbox').fill('Buổi làm việc về rà soát quy hoạch huyện Kỳ Sơn')
  await subject.getByRole('textbox').press('Tab')
  await expect(preview(page)).toContainText('Buổi làm việc về rà soát quy hoạch huyện Kỳ Sơn')
  await expect(subject).toContainText('Đã sửa')
  await subject.getByTestId('section-reset').click()
  await expect(preview(page)).not.toContainText('rà soát quy hoạch huyện Kỳ Sơn')
  await expect(subject.getByRole('textbox')).toHaveValue(/Buổi làm việc của Chủ tịch UBND tỉnh/)

  // An edited section whose meeting data then changes is flagged.
  const time = page.getByTestId('minutes-section').filter({ has: page.getByRole('textbox', { name: 'Thời gian, địa điểm' }) })
  await time.getByRole('textbox').fill('Thời gian bắt đầu: 8 giờ 00, ngày 26 tháng 5 năm 2022.\nĐịa điểm: Hội trường huyện Kỳ Sơn.')
  await time.getByRole('textbox').press('Tab')
  await expect(preview(page)).toContainText('Hội trường huyện Kỳ Sơn')
  await page.getByTestId('meeting-tab-details').click()
  await page.getByTestId('meeting-place').fill('Nhà văn hóa huyện Kỳ Sơn')
  await page.getByTestId('meeting-place').press('Enter')
  await page.getByTestId('meeting-tab-minutes').click()
  await expect(time.getByRole('status')).toContainText('Cuộc họp đã thay đổi')

  await page.getByTestId('minutes-settings').click()
  await page.getByTestId('settings-issuing-body').fill('ỦY BAN NHÂN DÂN\nHUYỆN KỲ SƠN')
  await page.getByTestId('settings-save').click()
  await expect(preview(page)).toContainText('HUYỆN KỲ SƠN')

  const downloading = page.waitForEvent('download')
  await page.getByTestId('export-minutes-docx').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.docx$/)
  const dir = mkdtempSync(join(tmpdir(), 'wb-minutes-'))
  try {
    const file = join(dir, 'minutes.docx')
    await download.saveAs(file)
    const { value } = await mammoth.extractRawText({ path: file })
    expect(oneLine(value)).toContain('HUYỆN KỲ SƠN')
    expect(oneLine(value)).toContain('Hội trường huyện Kỳ Sơn')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a meeting is prepared, run, exported to PDF and kept', async ({ wb }) => {
  const { page } = wb
  const meetingTitle = 'Họp rà soát đề xuất công thương và nông nghiệp'
  const said = ['Đề nghị kiểm tra các cửa hàng xăng dầu ở xã Mỹ Lý', 'Cần quy hoạch vùng trồng cây ăn quả tập trung']
  const decided = ['Giao Sở Công Thương kiểm tra trong quý III', 'Tạm hoãn, chờ quy hoạch sử dụng đất được duyệt']
  const people = [
    { name: 'Lê Thị Hồng Nhung', post: 'Giám đốc', org: 'Sở Công Thương' },
    { name: 'Vi Văn Sơn', post: 'Phó Chủ tịch', org: 'UBND huyện Kỳ Sơn' },
  ]

  await page.getByTestId('view-meetings').click()
  await page.getByTestId('new-meeting').click()
  await page.getByTestId('meeting-title').fill(meetingTitle)
  await page.getByTestId('meeting-title').press('Enter')
  await page.getByTestId('meeting-place').fill('Trụ sở UBND huyện Kỳ Sơn')
  await page.getByTestId('meeting-started-date').fill('15/6/2022')
  await page.getByTestId('meeting-started-time').fill('8:30')
  await page.getByTestId('meeting-started-time').press('Enter')
  await page.getByTestId('chair-name').fill('Nguyễn Văn Đệ')
  await page.getByTestId('chair-post').fill('Phó Chủ tịch UBND tỉnh')
  await page.getByTestId('chair-post').press('Enter')

  for (const p of people) {
    await page.getByTestId('attendee-name').fill(p.name)
    await page.getByTestId('attendee-post').fill(p.post)
    await page.getByTestId('attendee-org').fill(p.org)
    await page.getByTestId('attendee-org').press('Enter')
    // Enter adds the person and puts the cursor back at the start of the entry row.
    await expect(page.getByTestId('attendee-name')).toBeFocused()
    await expect(page.getByTestId('attendee-name')).toHaveValue('')
  }
  await expect(page.getByTestId('attendee-row')).toHaveCount(2)

  const fuel = await pickAgenda(page, 'xăng dầu')
  const fruit = await pickAgenda(page, 'cây ăn quả')
  await expect(page.getByTestId('agenda-item')).toHaveCount(2)

  await page.getByTestId('start-meeting').click()
  const mode = page.getByTestId('meeting-mode')
  await expect(mode).toBeVisible()
  const statuses = ['accepted', 'deferred'] as const
  for (const [i, title] of [fuel, fruit].entries()) {
    await expect(page.getByTestId('current-item-title')).toHaveText(title)
    await page.getByTestId('entry-speaker').fill(people[i]!.name)
    await page.getByTestId('entry-text').fill(said[i]!)
    await page.getByTestId('entry-text').press('Enter')
    await expect(page.getByTestId('entry-speaker')).toBeFocused()
    await page.getByTestId('decision-text').fill(decided[i]!)
    await page.getByTestId('decision-status').selectOption(statuses[i]!)
    await page.getByTestId('decision-text').press('Enter')
    await expect(page.getByTestId('item-entries').getByTestId('entry')).toHaveCount(2)
    await expect(page.getByTestId('item-entries')).toContainText(said[i]!)
    await expect(page.getByTestId('current-item-status')).toHaveText(i === 0 ? 'Chấp thuận' : 'Tạm hoãn')
    await expect(page.getByTestId('item-time')).not.toHaveText('–')
    // One key moves on, even from a capture field.
    if (i === 0) await page.keyboard.press('PageDown')
  }
  await mode.getByRole('button', { name: 'Về thông tin cuộc họp' }).click()

  // The decisions changed the proposals' statuses in the checklist.
  await page.getByTestId('view-report').click()
  const checklist = await checklistState(page)
  expect(checklist.find((p) => p.title === fuel)?.status).toBe('accepted')
  expect(checklist.find((p) => p.title === fruit)?.status).toBe('deferred')

  await page.getByTestId('view-meetings').click()
  await page.getByTestId('meeting-tab-minutes').click()
  for (const text of [...said, ...decided]) await expect(preview(page)).toContainText(text)

  const dir = mkdtempSync(join(tmpdir(), 'wb-minutes-'))
  try {
    const downloading = page.waitForEvent('download')
    await page.getByTestId('export-minutes').click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)
    const pdf = join(dir, 'minutes.pdf')
    await download.saveAs(pdf)

    const text = oneLine(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }))
    for (const typed of [meetingTitle, ...said, ...decided, ...people.map((p) => p.name), 'Nguyễn Văn Đệ']) {
      expect(text, typed).toContain(oneLine(typed))
    }
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const row of fonts) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes')
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/)
    // Every word inside the side margins: left ≥ 30 mm, right ≥ 15 mm (A4 is 210 mm wide).
    const mm = 72 / 25.4
    const boxes = [...execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
      .matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)]
      .map((m) => ({ left: Number(m[1]) / mm, right: Number(m[2]) / mm }))
    expect(boxes.length).toBeGreaterThan(100)
    expect(Math.min(...boxes.map((b) => b.left))).toBeGreaterThanOrEqual(29.5)
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(210 - 14.5)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // Saved as typed: after a reload the meeting, its people, agenda and entries are back.
  await wb.reload()
  await page.getByTestId('view-meetings').click()
  await page.getByTestId('meeting-row').filter({ hasText: meetingTitle }).getByRole('button').first().click()
  await expect(page.getByTestId('meeting-place')).toHaveValue('Trụ sở UBND huyện Kỳ Sơn')
  await expect(page.getByTestId('meeting-started-date')).toHaveValue('15/06/2022')
  await expect(page.getByTestId('meeting-started-time')).toHaveValue('08:30')
  await expect(page.getByTestId('attendee-row')).toHaveCount(2)
  await expect(page.getByTestId('agenda-item')).toHaveCount(2)
  await page.getByTestId('meeting-tab-minutes').click()
  for (const text of [...said, ...decided]) await expect(preview(page)).toContainText(text)
  // Meeting mode opens again on the item the secretary was on.
  await page.getByTestId('start-meeting').click()
  await expect(page.getByTestId('current-item-title')).toHaveText(fruit)
  await expect(page.getByTestId('item-entries').getByTestId('entry')).toHaveCount(2)
  await expect(page.getByTestId('item-entries')).toContainText(said[1]!)
})
