// Pure renderer logic: checklist grouping and ordering, source marks, dates, zoom keys
// and the debounce behind field saving.
import { describe, expect, it, vi } from 'vitest'
import type { Proposal, Sector } from '../../src/core/domain'
import {
  countByStatus,
  decidedCount,
  groupProposals,
  moveId,
  neighbourInGroup,
  sortProposals,
} from '../../src/renderer/lib/checklist'
import { debounce } from '../../src/renderer/lib/debounce'
import { parseReportDate } from '../../src/renderer/lib/reportDate'
import { resolveAnchor, segmentBlock } from '../../src/renderer/lib/sourceMark'
import { nextZoom, zoomAction } from '../../src/renderer/lib/zoom'

const sector = (code: string): Sector => ({
  code,
  nameVi: code,
  nameEn: code,
  leadBodyVi: 'Sở',
  leadBodyEn: 'Dept',
  keywords: [],
})

let nextId = 1
const proposal = (over: Partial<Proposal>): Proposal => ({
  id: nextId++,
  reportId: 1,
  sector: 'edu',
  title: 't',
  detail: '',
  status: 'proposed',
  owner: '',
  dueDate: null,
  priority: 'normal',
  notes: '',
  sortOrder: 0,
  source: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
  ...over,
})

describe('checklist grouping', () => {
  const sectors = [sector('plan'), sector('edu'), sector('trade')]
  const list = sortProposals([
    proposal({ id: 1, sector: 'trade', sortOrder: 0 }),
    proposal({ id: 2, sector: 'edu', sortOrder: 1, status: 'accepted' }),
    proposal({ id: 3, sector: 'plan', sortOrder: 2, status: 'done' }),
    proposal({ id: 4, sector: 'edu', sortOrder: 3 }),
    proposal({ id: 5, sector: 'zzz-unknown', sortOrder: 4, status: 'rejected' }),
  ])

  it('orders groups by taxonomy, unknown sectors last, items by sort order', () => {
    const groups = groupProposals(list, sectors, { sector: null, statuses: [] })
    expect(groups.map((g) => g.code)).toEqual(['plan', 'edu', 'trade', 'zzz-unknown'])
    expect(groups[1]!.items.map((p) => p.id)).toEqual([2, 4])
    expect(groups[3]!.sector).toBeNull()
  })

  it('filters by sector and by any of several statuses', () => {
    expect(groupProposals(list, sectors, { sector: 'edu', statuses: [] }).map((g) => g.code)).toEqual(['edu'])
    const byStatus = groupProposals(list, sectors, { sector: null, statuses: ['done', 'rejected'] })
    expect(byStatus.flatMap((g) => g.items.map((p) => p.id))).toEqual([3, 5])
  })

  it('counts statuses and decided proposals', () => {
    expect(countByStatus(list)).toEqual({ proposed: 2, accepted: 1, in_progress: 0, done: 1, rejected: 1, deferred: 0 })
    expect(decidedCount(list)).toBe(3)
  })

  it('moves an id before or after another', () => {
    expect(moveId([1, 2, 3, 4], 4, 2, 'before')).toEqual([1, 4, 2, 3])
    expect(moveId([1, 2, 3, 4], 1, 3, 'after')).toEqual([2, 3, 1, 4])
    expect(moveId([1, 2, 3], 2, 2, 'after')).toEqual([1, 2, 3])
    expect(moveId([1, 2, 3], 9, 2, 'after')).toEqual([1, 2, 3])
  })

  it('finds the neighbour within the same sector only', () => {
    const groups = groupProposals(list, sectors, { sector: null, statuses: [] })
    expect(neighbourInGroup(groups, 2, 1)).toEqual({ targetId: 4, where: 'after' })
    expect(neighbourInGroup(groups, 4, -1)).toEqual({ targetId: 2, where: 'before' })
    expect(neighbourInGroup(groups, 4, 1)).toBeNull()
    expect(neighbourInGroup(groups, 3, -1)).toBeNull()
  })
})

describe('source marks', () => {
  const text = 'Đầu. Rà soát hệ thống trường lớp. Cuối.'
  const block = { start: 5, end: 33, text: text.slice(5, 33) }

  it('cuts a block into plain and marked pieces', () => {
    expect(segmentBlock(block, { start: 18, end: 33 })).toEqual([
      { text: 'Rà soát hệ th', marked: false },
      { text: 'ống trường lớp.', marked: true },
    ])
    expect(segmentBlock(block, { start: 0, end: 100 })).toEqual([{ text: block.text, marked: true }])
    expect(segmentBlock(block, { start: 35, end: 39 })).toEqual([{ text: block.text, marked: false }])
  })

  it('uses offsets that still hold the quote, else the nearest copy of the quote', () => {
    expect(resolveAnchor(text, { start: 5, end: 12, exact: 'Rà soát' })).toEqual({ start: 5, end: 12 })
    const shifted = 'Thêm. ' + text
    expect(resolveAnchor(shifted, { start: 5, end: 12, exact: 'Rà soát' })).toEqual({ start: 11, end: 18 })
    expect(resolveAnchor(text, { start: 5, end: 12, exact: 'không có' })).toBeNull()
  })
})

describe('report dates', () => {
  it('parses full dates and months, refuses anything else', () => {
    expect(parseReportDate('2022-05-26')).toEqual({ year: 2022, month: 5, day: 26 })
    expect(parseReportDate('2022-05')).toEqual({ year: 2022, month: 5, day: null })
    expect(parseReportDate('')).toBeNull()
    expect(parseReportDate('2022-13-01')).toBeNull()
    expect(parseReportDate('26/5/2022')).toBeNull()
  })
})

describe('zoom keys', () => {
  const key = (k: string, over: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; code: string }> = {}) => ({
    key: k,
    ctrlKey: true,
    metaKey: false,
    altKey: false,
    ...over,
  })
  it('reads Ctrl or Cmd with + = − 0, not plain keys', () => {
    expect(zoomAction(key('='))).toBe('in')
    expect(zoomAction(key('+', { ctrlKey: false, metaKey: true }))).toBe('in')
    expect(zoomAction(key('-'))).toBe('out')
    expect(zoomAction(key('0'))).toBe('reset')
    expect(zoomAction(key('=', { ctrlKey: false }))).toBeNull()
    expect(zoomAction(key('z'))).toBeNull()
  })
  it('steps by 10 % within 60–200 %', () => {
    expect(nextZoom(1, 'in')).toBe(1.1)
    expect(nextZoom(0.6, 'out')).toBe(0.6)
    expect(nextZoom(2, 'in')).toBe(2)
    expect(nextZoom(1.7, 'reset')).toBe(1)
  })
})

describe('debounce', () => {
  it('fires once after a pause, at once on flush, never after cancel', () => {
    vi.useFakeTimers()
    const seen: string[] = []
    const save = debounce((v: string) => seen.push(v), 400)
    save('a')
    save('ab')
    vi.advanceTimersByTime(399)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual(['ab'])
    save('abc')
    save.flush()
    expect(seen).toEqual(['ab', 'abc'])
    save('x')
    save.cancel()
    vi.advanceTimersByTime(1000)
    expect(seen).toEqual(['ab', 'abc'])
    vi.useRealTimers()
  })
})
