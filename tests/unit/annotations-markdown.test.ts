// The Markdown export: annotations grouped under the proposals they are linked to (checklist
// order), then the unlinked ones, then the unplaced ones, with Vietnamese headings and labels.
import { afterEach, describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/core/annotation-domain'
import { annotationsToMarkdown, UNLINKED_HEADING, UNPLACED_HEADING } from '../../src/core/annotations-markdown'
import { useTempDirs } from './helpers/temp-dirs'
import { annotateEveryKind } from './helpers/w3c'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'
import type { Workbench } from '../../src/backend/workbench'

function annotation(over: Partial<Annotation>): Annotation {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    reportId: 1,
    kind: 'note',
    colour: 'blue',
    body: '',
    tags: [],
    author: 'Hà',
    includeInMinutes: false,
    proposalIds: [],
    start: 0,
    end: 5,
    exact: 'trích',
    prefix: '',
    suffix: '',
    status: 'placed',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    version: 1,
    ...over,
  }
}

const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('#'))

describe('annotationsToMarkdown', () => {
  const proposals = [
    { id: 10, title: 'Đầu tư điện lưới' },
    { id: 11, title: 'Nước sạch' },
    { id: 12, title: 'Không có chú thích' },
  ]

  it('groups by proposal in checklist order, then unlinked, then unplaced', () => {
    const md = annotationsToMarkdown({
      report: { title: 'Báo cáo Kỳ Sơn' },
      proposals,
      annotations: [
        annotation({ id: 'b', kind: 'question', exact: 'nước sạch', start: 50, end: 59, proposalIds: [11] }),
        annotation({ id: 'a', kind: 'decision', exact: 'điện lưới', start: 20, end: 29, proposalIds: [10, 11], includeInMinutes: true }),
        annotation({ id: 'c', kind: 'highlight', colour: 'yellow', exact: 'cháy rừng', start: 5, end: 14 }),
        annotation({ id: 'd', kind: 'concern', exact: 'đoạn đã xoá', start: null, end: null, status: 'unplaced', proposalIds: [10] }),
      ],
    })
    expect(headings(md)).toEqual([
      '# Chú thích — Báo cáo Kỳ Sơn',
      '## Đề xuất 1: Đầu tư điện lưới',
      '### Quyết định',
      '## Đề xuất 2: Nước sạch',
      '### Quyết định',
      '### Câu hỏi',
      `## ${UNLINKED_HEADING}`,
      '### Đánh dấu',
      `## ${UNPLACED_HEADING}`,
      '### Vấn đề cần lưu ý',
    ])
    expect(md).toContain('Tổng số: 4 chú thích (3 đã định vị, 1 chưa định vị).')
    expect(md).toContain('> điện lưới')
    expect(md).toContain('**Loại:** Quyết định · **Màu:** xanh dương · **Người ghi:** Hà · **Đưa vào biên bản:** có')
    expect(md).toContain('**Đề xuất liên quan:** Đầu tư điện lưới')
  })

  it('writes quote, tags, author and note, escaping Markdown in user text', () => {
    const md = annotationsToMarkdown({
      report: { title: 'R' },
      proposals: [],
      annotations: [
        annotation({
          exact: '# Không phải tiêu đề\n- không phải danh sách',
          body: 'Dòng một *nhấn*\n1. không phải danh sách',
          tags: ['hạ_tầng', 'điện'],
          author: '',
        }),
      ],
    })
    expect(md).toContain('> \\# Không phải tiêu đề\n> \\- không phải danh sách')
    expect(md).toContain('**Thẻ:** hạ\\_tầng, điện')
    expect(md).toContain('**Người ghi:** (không rõ)')
    expect(md).toContain('**Nội dung:** Dòng một \\*nhấn\\*  \n1\\. không phải danh sách')
  })

  it('says so when there is nothing to export', () => {
    expect(annotationsToMarkdown({ report: { title: 'R' }, proposals, annotations: [] })).toContain('_Chưa có chú thích nào._')
  })
})

describe('annotations.exportMarkdown', () => {
  const tempDir = useTempDirs()
  let wb: Workbench
  afterEach(async () => {
    await wb.close()
  })

  it('exports the live annotations of a report', async () => {
    wb = openTestWorkbench(tempDir())
    const { reportId, annotations } = await annotateEveryKind(wb)
    const [first] = await callOk(wb, 'proposals.list', { reportId })
    const { markdown } = await callOk(wb, 'annotations.exportMarkdown', { reportId })
    expect(headings(markdown).filter((h) => h.startsWith('## '))).toEqual([
      `## Đề xuất 1: ${first!.title}`,
      '## Đề xuất 2: ' + (await callOk(wb, 'proposals.list', { reportId }))[1]!.title,
      `## ${UNLINKED_HEADING}`,
      `## ${UNPLACED_HEADING}`,
    ])
    for (const a of annotations) expect(markdown).toContain(`> ${a.exact}`)
    expect((await callError(wb, 'annotations.exportMarkdown', { reportId: 999 })).code).toBe('not_found')
  })
})

describe('annotationsToMarkdown escapes what users type', () => {
  it('turns no note, quote, tag or title into markup: links, images, HTML, emphasis, code, headings, lists, entities', () => {
    const hostile = [
      '[bấm vào đây](javascript:alert(1))',
      '![ảnh](https://example.vn/x.png)',
      '<img src=x onerror=alert(1)> <script>alert(1)</script>',
      '**đậm** _nghiêng_ ~~gạch~~ `mã`',
      '# Tiêu đề giả',
      '- mục giả',
      '1. mục số',
      '    khối mã thụt lề',
      '&lt;b&gt; &amp; | a | b |',
    ].join('\n')
    const md = annotationsToMarkdown({
      report: { title: '# Báo cáo *in đậm*' },
      annotations: [annotation({ body: hostile, exact: '<b>trích</b> [x](y)', tags: ['*thẻ*'], proposalIds: [10] })],
      proposals: [{ id: 10, title: '[Đề xuất](http://x)' }],
    })
    // Every markup character the user typed is preceded by a backslash.
    for (const raw of ['](', '![', '<img', '<script', '**đậm', '`m', '&lt;', '&amp;', '<b>', '~~']) {
      const unescaped = new RegExp(`(?<!\\\\)${raw[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${raw.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
      expect(md, raw).not.toMatch(unescaped)
    }
    expect(md).toContain('\\[bấm vào đây\\]\\(javascript:alert\\(1\\)\\)')
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>')
    expect(md).toContain('\\&lt;b\\&gt;')
    // Only our own headings and no line of the note starts a list, a heading or a code block.
    expect(headings(md).every((h) => /^#{1,3} (Chú thích|Đề xuất 1|Ghi chú)/.test(h))).toBe(true)
    const noteLines = md.split('\n').filter((l) => l.includes('mục') || l.includes('khối mã'))
    for (const line of noteLines) expect(line, line).not.toMatch(/^(\s{4}|- |\d+\. )/)
  })
})
