// The minutes model and its one HTML template (core, no I/O): every section of Mẫu 1.9 and
// Mẫu 1.4 is there, numbered, dated the Vietnamese way, with the settings in the header and the
// user's edits in place of the generated text.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SampleMeeting } from '../../src/core/data-files'
import type { Meeting, MinutesSettings } from '../../src/core/meeting-domain'
import { MinutesSettings as SettingsSchema } from '../../src/core/meeting-domain'
import { buildMinutes } from '../../src/core/minutes/build'
import { sectionText } from '../../src/core/minutes/edits'
import { renderMinutesHtml } from '../../src/core/minutes/html'
import type { MinutesInput } from '../../src/core/minutes/model'

const settings: MinutesSettings = SettingsSchema.parse(JSON.parse(readFileSync('data/minutes-settings.json', 'utf8')))

function meeting(overrides: Partial<Meeting> = {}): MinutesInput['meeting'] {
  return {
    id: 1,
    reportId: 1,
    title: 'Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn',
    number: '5',
    noticeNumber: '123',
    noticeDate: null,
    place: 'Trụ sở UBND huyện Kỳ Sơn',
    startedAt: '2022-05-26T08:00',
    endedAt: '2022-05-26T11:30',
    chair: { name: 'Nguyễn Đức Trung', post: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh' },
    secretary: { name: 'Trần Thị Bình', post: 'Chuyên viên' },
    attendees: [
      { id: 1, name: 'Nguyễn Hữu Minh', post: 'Chủ tịch UBND huyện Kỳ Sơn', organisation: 'UBND huyện Kỳ Sơn', sortOrder: 0, version: 1 },
      { id: 2, name: '', post: 'Lãnh đạo các sở, ban, ngành', organisation: '', sortOrder: 1, version: 1 },
    ],
    agenda: [
      { id: 11, proposalId: 101, sortOrder: 0, startedAt: '2022-05-26T09:30', endedAt: '2022-05-26T10:05' },
      { id: 12, proposalId: 102, sortOrder: 1, startedAt: null, endedAt: null },
      { id: 13, proposalId: 103, sortOrder: 2, startedAt: null, endedAt: null },
    ],
    entries: [
      { id: 1, agendaItemId: null, kind: 'discussion', speaker: 'Nguyễn Hữu Minh', text: 'Báo cáo tình hình năm 2021', proposalStatus: null, owner: '', due: null, at: null, sortOrder: 0, version: 1 },
      { id: 2, agendaItemId: 11, kind: 'discussion', speaker: 'Sở Giáo dục và Đào tạo', text: 'Đề nghị gom các điểm trường', proposalStatus: null, owner: '', due: null, at: null, sortOrder: 1, version: 1 },
      { id: 3, agendaItemId: 11, kind: 'decision', speaker: 'Chủ tịch UBND tỉnh', text: 'Thống nhất gom điểm trường', proposalStatus: 'accepted', owner: '', due: null, at: null, sortOrder: 2, version: 1 },
      { id: 4, agendaItemId: 11, kind: 'action', speaker: '', text: 'Rà soát hệ thống trường lớp', proposalStatus: null, owner: 'UBND huyện Kỳ Sơn', due: '2022-09-05', at: null, sortOrder: 3, version: 1 },
      { id: 5, agendaItemId: 13, kind: 'action', speaker: '', text: 'Hoàn thiện quy hoạch sử dụng đất', proposalStatus: null, owner: 'Sở Tài nguyên và Môi trường', due: null, at: null, sortOrder: 4, version: 1 },
    ],
    createdAt: '2022-05-26T00:00:00.000Z',
    updatedAt: '2022-05-26T00:00:00.000Z',
    version: 1,
    ...overrides,
  }
}

const proposals = new Map([
  [101, { title: 'Rà soát hệ thống trường lớp, gom các điểm trường' }],
  [102, { title: 'Tăng cường quản lý kinh doanh xăng dầu' }],
  [103, { title: 'Hoàn thiện quy hoạch sử dụng đất' }],
])

const input = (kind: MinutesInput['kind'], extra: Partial<MinutesInput> = {}): MinutesInput => ({ kind, meeting: meeting(), proposals, settings, ...extra })
const html = (doc: ReturnType<typeof buildMinutes>) => renderMinutesHtml(doc, { fontFaceCss: '' })
const textOf = (markup: string) => markup.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

describe('biên bản (Mẫu 1.9)', () => {
  const doc = buildMinutes(input('bienban'))
  const text = textOf(html(doc))

  it('has the header, title, body lines, numbered items, closing, signatures and recipients in order', () => {
    const expected = [
      'UBND TỈNH NGHỆ AN',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BB-VPUB',
      'BIÊN BẢN',
      'Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn',
      'Thời gian bắt đầu: 8 giờ 00, ngày 26 tháng 5 năm 2022.',
      'Địa điểm: Trụ sở UBND huyện Kỳ Sơn.',
      'Thành phần tham dự:',
      '- Nguyễn Hữu Minh - Chủ tịch UBND huyện Kỳ Sơn;',
      '- Lãnh đạo các sở, ban, ngành.',
      'Chủ trì (chủ tọa): Nguyễn Đức Trung - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.',
      'Thư ký (người ghi biên bản): Trần Thị Bình - Chuyên viên.',
      'Nội dung (theo diễn biến cuộc họp):',
      'Nguyễn Hữu Minh: Báo cáo tình hình năm 2021.',
      '1. Rà soát hệ thống trường lớp, gom các điểm trường',
      'Thời gian: từ 9 giờ 30 đến 10 giờ 05.',
      'Sở Giáo dục và Đào tạo: Đề nghị gom các điểm trường.',
      'Kết luận của Chủ tịch UBND tỉnh (thống nhất): Thống nhất gom điểm trường.',
      'Nhiệm vụ: Rà soát hệ thống trường lớp. Giao UBND huyện Kỳ Sơn chủ trì thực hiện; thời hạn hoàn thành: ngày 5 tháng 9 năm 2022.',
      '2. Tăng cường quản lý kinh doanh xăng dầu',
      'Không có ý kiến được ghi nhận.',
      '3. Hoàn thiện quy hoạch sử dụng đất',
      'Cuộc họp kết thúc vào 11 giờ 30, ngày 26 tháng 5 năm 2022./.',
      'THƯ KÝ',
      'Trần Thị Bình',
      'Nơi nhận:',
      '- Chủ tịch, các Phó Chủ tịch UBND tỉnh;',
      '- Lưu: VT, Hồ sơ.',
      'CHỦ TỌA',
      'Nguyễn Đức Trung',
    ]
    let at = 0
    for (const piece of expected) {
      const found = text.indexOf(piece, at)
      expect(found, `"${piece}" after position ${at}`).toBeGreaterThanOrEqual(0)
      at = found + piece.length
    }
    // Mẫu 1.9 has no place/date line.
    expect(text).not.toMatch(/Nghệ An, ngày/)
  })

  it('lists its editable sections with stable keys', () => {
    expect([doc.subject, ...doc.body, doc.recipients].map((s) => s.key)).toEqual([
      'subject', 'opening', 'attendees', 'presiding', 'general', 'item:11', 'item:12', 'item:13', 'closing', 'recipients',
    ])
  })

  it('prints A4 with the decree margins, 14 pt justified body, page numbers from page 2', () => {
    const markup = html(doc)
    expect(markup).toContain('size: A4')
    expect(markup).toContain('margin: 25mm 15mm 20mm 30mm')
    expect(markup).toMatch(/@top-center \{ content: counter\(page\)/)
    expect(markup).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/)
    expect(markup).toMatch(/font-size: 14pt/)
    expect(markup).toMatch(/p\.body, p\.heading \{ margin: 6pt 0 0; text-indent: 1cm; text-align: justify;/)
    expect(markup).toMatch(/\.recipients-label \{[^}]*font-size: 12pt; font-weight: bold; font-style: italic;/)
    expect(markup).toMatch(/\.recipients-line \{[^}]*font-size: 11pt/)
    expect(markup).toMatch(/\.national \{ font-size: 13pt; font-weight: bold;/)
  })

  it('leaves blanks to fill in by hand where the meeting has no data', () => {
    const bare = buildMinutes({ ...input('bienban'), meeting: meeting({ number: '', startedAt: null, endedAt: null, place: '', secretary: { name: '', post: '' } }) })
    const t = textOf(html(bare))
    expect(t).toContain('Thời gian bắt đầu: …… giờ ……, ngày …… tháng …… năm …….')
    expect(t).toContain('Cuộc họp kết thúc vào …… giờ ……, ngày …… tháng …… năm ……./.')
    expect(t).toContain('Thư ký (người ghi biên bản): …….')
    expect(t).toMatch(/Số: \u00a0+\/BB-VPUB/)
  })

  it('quotes annotations flagged for the minutes under their item', () => {
    const annotated = buildMinutes(
      input('bienban', { annotations: [{ kind: 'note', quote: 'kinh doanh xăng dầu', note: 'Cần số liệu cụ thể', author: 'Lê An', proposalIds: [102] }] }),
    )
    const item = annotated.body.find((s) => s.key === 'item:12')!
    expect(item.text).toBe('2. Tăng cường quản lý kinh doanh xăng dầu\nGhi chú của Lê An về đoạn “kinh doanh xăng dầu”: Cần số liệu cụ thể.')
  })

  it('escapes what users typed', () => {
    const doc2 = buildMinutes({ ...input('bienban'), meeting: meeting({ title: 'Họp <b>"A & B"</b>' }) })
    expect(html(doc2)).toContain('Họp &lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;')
  })
})

describe('thông báo kết luận (Mẫu 1.4)', () => {
  const doc = buildMinutes(input('thongbao'))
  const text = textOf(html(doc))

  it('has the place/date line, THÔNG BÁO, the trích yếu, numbered conclusions with body and deadline, ./. and the signer', () => {
    const expected = [
      'UBND TỈNH NGHỆ AN',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 123/TB-VPUB',
      'Nghệ An, ngày 26 tháng 5 năm 2022',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kỳ Sơn',
      'Ngày 26 tháng 5 năm 2022, tại Trụ sở UBND huyện Kỳ Sơn, đồng chí Nguyễn Đức Trung - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã chủ trì buổi làm việc với huyện Kỳ Sơn.',
      'Tham dự có: Nguyễn Hữu Minh - Chủ tịch UBND huyện Kỳ Sơn; Lãnh đạo các sở, ban, ngành.',
      'kết luận như sau:',
      '1. Rà soát hệ thống trường lớp, gom các điểm trường',
      'Thống nhất gom điểm trường.',
      'Rà soát hệ thống trường lớp. Giao UBND huyện Kỳ Sơn chủ trì thực hiện; thời hạn hoàn thành: ngày 5 tháng 9 năm 2022.',
      '2. Hoàn thiện quy hoạch sử dụng đất',
      'Hoàn thiện quy hoạch sử dụng đất. Giao Sở Tài nguyên và Môi trường chủ trì thực hiện.',
      'Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.',
      'Nơi nhận:',
      '- Lưu: VT, TH.',
      'TL. CHỦ TỊCH',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
    ]
    let at = 0
    for (const piece of expected) {
      const found = text.indexOf(piece, at)
      expect(found, `"${piece}" after position ${at}`).toBeGreaterThanOrEqual(0)
      at = found + piece.length
    }
    // Discussion is the biên bản's business; an item without conclusions is not numbered.
    expect(text).not.toContain('Đề nghị gom các điểm trường')
    expect(text).not.toContain('xăng dầu')
  })

  it('dates the notice on its own date when it has one', () => {
    const dated = buildMinutes({ ...input('thongbao'), meeting: meeting({ noticeDate: '2022-06-03' }) })
    expect(dated.header.placeDateLine).toBe('Nghệ An, ngày 03 tháng 6 năm 2022')
  })
})

describe('nothing of the issuing body is in code', () => {
  it('takes the header, codes, signer lines and recipients from the settings', () => {
    const other: MinutesSettings = {
      parentBody: '',
      issuingBody: 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ',
      issuingBodyInText: 'UBND thành phố',
      bodyCode: 'UBND-VP',
      placeName: 'Thừa Thiên Huế',
      bienban: { recipients: ['Thường trực Thành ủy'], archive: 'VT, TH' },
      thongbao: {
        authorityLines: ['TM. ỦY BAN NHÂN DÂN'],
        signerTitle: 'CHỦ TỊCH',
        signerName: 'Phan Thiên Định',
        recipients: ['Các phòng, ban'],
        archive: 'VT',
        closingSentence: 'UBND thành phố thông báo để các đơn vị biết, thực hiện',
      },
    }
    const tb = buildMinutes(input('thongbao', { settings: other }))
    expect(tb.header).toEqual({
      parentBody: null,
      issuingBodyLines: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HUẾ'],
      numberLine: 'Số: 123/TB-UBND-VP',
      placeDateLine: 'Thừa Thiên Huế, ngày 26 tháng 5 năm 2022',
    })
    expect(tb.signatures.right).toEqual({ titleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Phan Thiên Định' })
    expect(tb.recipients.text).toBe('- Các phòng, ban;\n- Lưu: VT.')
    expect(tb.body.at(-1)!.text).toBe('UBND thành phố thông báo để các đơn vị biết, thực hiện./.')
    const markup = html(tb)
    expect(markup).toContain('ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HUẾ')
    expect(markup).not.toContain('NGHỆ AN')
    expect(buildMinutes(input('bienban', { settings: other })).recipients.text).toBe('- Thường trực Thành ủy;\n- Lưu: VT, TH.')
  })

  it('has no body or place name written into the minutes code', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
    const code = [...files('src/core/minutes'), ...files('src/backend/docx'), ...files('src/backend/pdf'), 'src/backend/services/minutes.ts']
    for (const file of code) {
      const source = readFileSync(file, 'utf8')
      for (const word of ['UBND huyện', 'UBND HUYỆN', 'Nghệ An', 'NGHỆ AN', 'Kỳ Sơn', 'VĂN PHÒNG', 'Văn phòng UBND']) {
        expect(source.includes(word), `${file} contains "${word}"`).toBe(false)
      }
    }
  })
})

describe("the user's edits", () => {
  it('replace a section, flag it stale when the meeting changes, and read numbered lines as headings', () => {
    const first = buildMinutes(input('bienban'))
    const closing = first.body.find((s) => s.key === 'closing')!
    const item = first.body.find((s) => s.key === 'item:12')!
    const edits = [
      { sectionKey: 'closing', text: 'Cuộc họp kết thúc lúc 11 giờ 45 cùng ngày./.', baseText: closing.generatedText },
      { sectionKey: 'item:12', text: '2. Quản lý xăng dầu\nĐã thảo luận ngắn.', baseText: item.generatedText },
    ]
    const edited = buildMinutes(input('bienban', { edits }))
    const editedClosing = edited.body.find((s) => s.key === 'closing')!
    expect(editedClosing).toMatchObject({ edited: true, stale: false, text: 'Cuộc họp kết thúc lúc 11 giờ 45 cùng ngày./.' })
    expect(editedClosing.generatedText).toBe(closing.generatedText)
    expect(edited.body.find((s) => s.key === 'item:12')!.paragraphs.map((p) => p.style)).toEqual(['heading', 'body'])
    expect(textOf(html(edited))).toContain('Cuộc họp kết thúc lúc 11 giờ 45 cùng ngày./.')

    const later = buildMinutes({ ...input('bienban', { edits }), meeting: meeting({ endedAt: '2022-05-26T12:00' }) })
    expect(later.body.find((s) => s.key === 'closing')!.stale).toBe(true)
    expect(later.body.find((s) => s.key === 'item:12')!.stale).toBe(false)
    expect(sectionText(later.body.find((s) => s.key === 'closing')!.paragraphs)).toBe('Cuộc họp kết thúc lúc 11 giờ 45 cùng ngày./.')
  })
})

describe('the sample meeting file', () => {
  it('validates, and refuses entries on proposals that are not on the agenda', () => {
    const raw = JSON.parse(readFileSync('data/samples/ky-son-2022-05-26/meeting.json', 'utf8'))
    expect(SampleMeeting.safeParse(raw).success).toBe(true)
    const broken = { ...raw, entries: [{ agendaItem: 'Không có trong chương trình', kind: 'discussion', text: 'x' }] }
    expect(SampleMeeting.safeParse(broken).success).toBe(false)
    const status = { ...raw, entries: [{ agendaItem: null, kind: 'decision', text: 'x', proposalStatus: 'accepted' }] }
    expect(SampleMeeting.safeParse(status).success).toBe(false)
  })
})

describe('annotations flagged "Đưa vào biên bản"', () => {
  const longQuote =
    'Tăng cường công tác quản lý nhà nước đối với hoạt động kinh doanh xăng dầu trên địa bàn huyện, kiểm tra định kỳ các cửa hàng bán lẻ ở các xã vùng cao biên giới'
  const longNote = 'Đề nghị Sở Công Thương báo cáo số liệu cụ thể về số cửa hàng được kiểm tra trong năm, số vụ vi phạm và mức xử phạt, để làm căn cứ cho kết luận của cuộc họp'
  const notes = [
    { kind: 'note', quote: longQuote, note: longNote, author: 'Lê An', proposalIds: [102] },
    { kind: 'decision', quote: 'quy hoạch sử dụng đất', note: 'Thống nhất hoàn thành trong quý IV', author: '', proposalIds: [999, 103] },
    { kind: 'question', quote: 'nguồn vốn đối ứng', note: 'Nguồn vốn lấy từ đâu?', author: 'Trần Bình', proposalIds: [] },
    { kind: 'decision', quote: 'chợ biên giới', note: 'Giao huyện lập đề án chợ biên giới', author: '', proposalIds: [] },
  ]
  const bienban = buildMinutes(input('bienban', { annotations: notes }))
  const thongbao = buildMinutes(input('thongbao', { annotations: notes }))
  const section = (doc: typeof bienban, key: string) => doc.body.find((s) => s.key === key)

  it('puts a linked note under the agenda item of its proposal, quote shortened, note in full', () => {
    const item = section(bienban, 'item:12')!
    const line = item.text.split('\n')[1]!
    expect(line.startsWith('Ghi chú của Lê An về đoạn “Tăng cường công tác quản lý')).toBe(true)
    expect(line).toContain('…”: ')
    expect(line).not.toContain('vùng cao biên giới')
    expect(line.endsWith(`${longNote}.`)).toBe(true)
    // The first agenda item among the linked proposals takes it (999 is not on the agenda).
    expect(section(bienban, 'item:13')!.text).toContain('Kết luận về đoạn “quy hoạch sử dụng đất”: Thống nhất hoàn thành trong quý IV.')
  })

  it('gives notes linked to no agenda item a section of their own before the closing line', () => {
    const keys = bienban.body.map((s) => s.key)
    expect(keys.slice(-2)).toEqual(['notes', 'closing'])
    expect(section(bienban, 'notes')!.text).toBe(
      [
        '4. Ý kiến ghi chú trên báo cáo',
        'Câu hỏi của Trần Bình về đoạn “nguồn vốn đối ứng”: Nguồn vốn lấy từ đâu?',
        'Kết luận về đoạn “chợ biên giới”: Giao huyện lập đề án chợ biên giới.',
      ].join('\n'),
    )
  })

  it('says in the preview where each came from, as a screen-only label', () => {
    const markup = html(bienban)
    expect(markup).toContain('class="body from-note" data-origin="Từ chú thích trên báo cáo của Lê An"')
    const screenCss = markup.slice(markup.indexOf('@media screen'), markup.indexOf('table.layout'))
    expect(screenCss).toContain('p.from-note::before { content: attr(data-origin)')
  })

  it('carries only conclusions into the thông báo, under their item or in their own section', () => {
    const t = thongbao.body.map((s) => s.text).join('\n')
    expect(t).not.toContain('Nguồn vốn lấy từ đâu')
    expect(t).not.toContain(longNote)
    expect(section(thongbao, 'item:13')!.text).toContain('Về nội dung “quy hoạch sử dụng đất”: Thống nhất hoàn thành trong quý IV.')
    const own = section(thongbao, 'notes')!
    expect(own.text).toBe('3. Các nội dung khác\nVề nội dung “chợ biên giới”: Giao huyện lập đề án chợ biên giới.')
  })

  it('changes nothing when no annotation is flagged', () => {
    expect(buildMinutes(input('bienban', { annotations: [] })).body.map((s) => s.text)).toEqual(buildMinutes(input('bienban')).body.map((s) => s.text))
  })
})

describe('item times in the biên bản', () => {
  it('never prints a zero-length span: start and end in the same minute read as one moment', () => {
    const doc = buildMinutes({
      ...input('bienban'),
      meeting: meeting({
        agenda: [
          { id: 11, proposalId: 101, sortOrder: 0, startedAt: '2022-05-26T09:30', endedAt: '2022-05-26T09:30' },
          { id: 12, proposalId: 102, sortOrder: 1, startedAt: '2022-05-26T09:30', endedAt: '2022-05-26T10:05' },
          { id: 13, proposalId: 103, sortOrder: 2, startedAt: null, endedAt: null },
        ],
      }),
    })
    const text = doc.body.map((s) => s.text).join('\n')
    expect(text).toContain('Thời gian: lúc 9 giờ 30.')
    expect(text).toContain('Thời gian: từ 9 giờ 30 đến 10 giờ 05.')
    expect(text).not.toMatch(/từ (\d+ giờ \d+) đến \1/)
    expect(doc.body.find((s) => s.key === 'item:13')!.text).not.toContain('Thời gian')
  })
})
