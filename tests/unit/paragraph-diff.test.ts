// The reader's diff of two report texts: paragraphs added, removed, changed (words marked),
// unchanged ones folded, and the counts kept whole when the listing stops at a limit.
import { describe, expect, it } from 'vitest'
import { diffParagraphs, diffWords } from '../../src/core/revisions/paragraph-diff'

const A = ['Mở đầu báo cáo của huyện.', 'Đoạn về giáo dục và đào tạo.', 'Đoạn về y tế cơ sở.', 'Kết luận.'].join('\n\n')

describe('diffParagraphs', () => {
  it('tells added, removed and edited paragraphs apart and folds the rest', () => {
    const b = ['Mở đầu báo cáo của huyện.', 'Đoạn mới về đường giao thông nông thôn.', 'Đoạn về giáo dục và đào tạo nghề.', 'Kết luận.'].join('\n\n')
    const diff = diffParagraphs(A, b)
    expect(diff.stats).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 2 })
    expect(diff.blocks.map((x) => x.kind)).toEqual(['same', 'added', 'changed', 'removed', 'same'])
    const changed = diff.blocks[2]!
    expect(changed.kind === 'changed' && changed.pieces).toEqual([
      { op: 'same', text: 'Đoạn về giáo dục và đào tạo' },
      { op: 'added', text: ' nghề' },
      { op: 'same', text: '.' },
    ])
  })

  it('counts everything but lists only up to the limit', () => {
    const b = A.split('\n\n').map((p) => `${p} Thêm.`).join('\n\n')
    const diff = diffParagraphs(A, b, { limit: 2 })
    expect(diff.stats.changed).toBe(4)
    expect(diff.blocks.filter((x) => x.kind === 'changed')).toHaveLength(2)
    expect(diff.truncated).toBe(true)
  })

  it('marks words with their diacritics intact', () => {
    expect(diffWords('Quản lý đất đai', 'Quản lý đất rừng')).toEqual([
      { op: 'same', text: 'Quản lý đất ' },
      { op: 'removed', text: 'đai' },
      { op: 'added', text: 'rừng' },
    ])
  })
})
