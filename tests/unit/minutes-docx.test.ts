// DOCX export of the sample meeting, read back: mammoth finds every section in order, and the
// package itself has the decree's page (A4, margins, Times New Roman 14 pt), borderless layout
// tables and a PAGE field at the top of every page but the first.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { useTempDirs } from './helpers/temp-dirs'
import { callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()

async function exportDocx(wb: Workbench, kind: 'bienban' | 'thongbao'): Promise<{ file: string; text: string }> {
  const result = await callOk(wb, 'minutes.export', { meetingId: 1, kind, format: 'docx' })
  expect(result.fileName).toMatch(/\.docx$/)
  const bytes = Buffer.from(result.base64!, 'base64')
  expect(result.size).toBe(bytes.byteLength)
  const file = join(tempDir(), result.fileName)
  writeFileSync(file, bytes)
  const { value } = await mammoth.extractRawText({ buffer: bytes })
  return { file, text: value }
}

const part = (file: string, name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' })

function expectInOrder(text: string, pieces: string[]): void {
  let at = 0
  for (const piece of pieces) {
    const found = text.indexOf(piece, at)
    expect(found, `"${piece}" after position ${at}`).toBeGreaterThanOrEqual(0)
    at = found + piece.length
  }
}

describe('DOCX minutes of the sample meeting', () => {
  it('biên bản: every section, numbered, in order', async () => {
    const wb = openTestWorkbench(tempDir())
    const { text } = await exportDocx(wb, 'bienban')
    expect(text).toBe(text.normalize('NFC'))
    expectInOrder(text, [
      'UBND TỈNH NGHỆ AN', 'VĂN PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 05/BB-VPUB',
      'BIÊN BẢN', 'Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn',
      'Thời gian bắt đầu: 8 giờ 00, ngày 26 tháng 5 năm 2022.', 'Địa điểm:', 'Thành phần tham dự:', '- Nguyễn Hữu Minh - Chủ tịch UBND huyện Kỳ Sơn',
      'Chủ trì (chủ tọa): Nguyễn Đức Trung - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.', 'Thư ký (người ghi biên bản):',
      'Nội dung (theo diễn biến cuộc họp):', '1. Phát triển du lịch sinh thái gắn với du lịch mạo hiểm', '2. ', '33. Tăng cường hợp tác, hữu nghị',
      'Cuộc họp kết thúc vào 11 giờ 30, ngày 26 tháng 5 năm 2022./.', 'THƯ KÝ', 'Nơi nhận:', '- Lưu: VT, Hồ sơ.', 'CHỦ TỌA', 'Nguyễn Đức Trung',
    ])
    await wb.close()
  })

  it('thông báo: place and date, conclusions with the responsible body, ./., signer lines', async () => {
    const wb = openTestWorkbench(tempDir())
    const { text } = await exportDocx(wb, 'thongbao')
    expectInOrder(text, [
      'Số:', '/TB-VPUB', 'Nghệ An, ngày 26 tháng 5 năm 2022', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kỳ Sơn',
      'kết luận như sau:', '1. Giữ vững “3 yên”', 'Giao UBND huyện Kỳ Sơn chủ trì thực hiện.', '24. Tăng cường hợp tác, hữu nghị',
      'thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.', 'Nơi nhận:', '- Lưu: VT, TH.', 'TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG',
    ])
    expect(text).not.toContain('25. ')
    await wb.close()
  })

  it('lays out an A4 page with the decree margins, borderless tables and page numbers from page 2', async () => {
    const wb = openTestWorkbench(tempDir())
    const { file } = await exportDocx(wb, 'bienban')
    const document = part(file, 'word/document.xml')
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(document).toMatch(/<w:pgMar w:top="1417" w:right="850" w:bottom="1134" w:left="1701"/)
    expect(document).toContain('<w:titlePg/>')
    const tables = document.match(/<w:tblBorders>.*?<\/w:tblBorders>/g) ?? []
    expect(tables.length).toBe(2)
    for (const borders of tables) expect(borders.match(/w:val="none"/g)).toHaveLength(6)

    const rels = part(file, 'word/_rels/document.xml.rels')
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(document)![1]
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!
    }
    const everyPage = part(file, `word/${target('default')}`)
    const firstPage = part(file, `word/${target('first')}`)
    expect(everyPage).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>')
    expect(everyPage).toContain('<w:jc w:val="center"/>')
    expect(firstPage).not.toContain('PAGE')

    const styles = part(file, 'word/styles.xml')
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/)
    await wb.close()
  })
})
