// Applying and undoing a revision writes in batches and only the anchors that change. Here the
// result is held against writing every anchor one by one (helpers/revision-reference.ts) on a copy
// of the same database, for a revision that moves hundreds of annotations: the same rows in every
// table and search index, versions moved on exactly for what changed, and a change event naming
// exactly those records.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { generateAnnotations } from '../../bench/corpus'
import { reviseReport as editReport } from '../../bench/revision'
import { subscribeChanges } from '../../src/backend/db/change-feed'
import { openDatabase, type Db } from '../../src/backend/db/connection'
import { insertAnnotation } from '../../src/backend/db/annotations'
import { revisedText, reviseReport, undoRevision } from '../../src/backend/services/revisions'
import type { ChangeEvent } from '../../src/core/changes'
import { rangeOf, sampleReport } from './helpers/annotations'
import { referenceRevise, referenceUndo } from './helpers/revision-reference'
import { useTempDirs } from './helpers/temp-dirs'
import { callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()

beforeEach(() => {
  // Reviews and revisions carry the time they were written; both ways must see the same clock.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-03-04T05:06:07.000Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

type Row = Record<string, unknown>

const DUMPS: Record<string, string> = {
  reports: 'SELECT * FROM reports ORDER BY id',
  report_revisions: 'SELECT * FROM report_revisions ORDER BY report_id, revision',
  revision_anchors: 'SELECT * FROM revision_anchors ORDER BY report_id, revision, item_kind, item_id',
  annotations: 'SELECT * FROM annotations ORDER BY seq',
  annotation_tags: 'SELECT * FROM annotation_tags ORDER BY annotation_id, position',
  annotation_proposals: 'SELECT * FROM annotation_proposals ORDER BY annotation_id, proposal_id',
  annotation_reviews: 'SELECT * FROM annotation_reviews ORDER BY annotation_id',
  proposals: 'SELECT * FROM proposals ORDER BY id',
  annotation_search: 'SELECT rowid, body, quote, tags, folded FROM annotation_search ORDER BY rowid',
  report_text_search: 'SELECT rowid, original, folded, report_id, block_start FROM report_text_search ORDER BY rowid',
  proposal_search: 'SELECT rowid, title, detail, notes, folded FROM proposal_search ORDER BY rowid',
}

/** Every table a revision touches, record versions set aside (compared on their own). */
function dump(db: Db): Record<string, Row[]> {
  const out: Record<string, Row[]> = {}
  for (const [table, sql] of Object.entries(DUMPS)) out[table] = (db.prepare(sql).all() as Row[]).map(({ version: _v, ...rest }) => rest)
  return out
}

function versions(db: Db, table: 'annotations' | 'proposals'): Map<string, number> {
  return new Map((db.prepare(`SELECT id, version FROM ${table}`).all() as { id: string | number; version: number }[]).map((r) => [String(r.id), r.version]))
}

const ANCHOR_COLUMNS = ['status', 'position_start', 'position_end', 'exact', 'prefix', 'suffix'] as const
const SOURCE_COLUMNS = ['source_start', 'source_end', 'source_exact'] as const

/** Ids whose columns differ between two dumps of a table. */
function changedIds(before: Row[], after: Row[], columns: readonly string[]): Set<string> {
  const was = new Map(before.map((r) => [String(r.id), r]))
  return new Set(after.filter((r) => columns.some((c) => was.get(String(r.id))?.[c] !== r[c])).map((r) => String(r.id)))
}

/** Versions moved on by `writes` for the changed records, left alone for the rest. */
function expectVersions(before: Map<string, number>, after: Map<string, number>, changed: Set<string>, writes = 1): void {
  for (const [id, version] of after) expect(version, id).toBe(before.get(id)! + (changed.has(id) ? writes : 0))
}

function recordsOf(events: ChangeEvent[], kind: string): Map<string, number | null> {
  return new Map(events.flatMap((e) => e.records.filter((r) => r.kind === kind).map((r) => [String(r.id), r.version] as const)))
}

function expectSearchIndexSound(db: Db): void {
  for (const table of ['annotation_search', 'report_text_search', 'proposal_search']) db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run()
}

/**
 * The sample report with 400 annotations (some with tags, links and notes, some deleted, some
 * left unplaced and some waiting for review by an earlier revision), closed and copied twice.
 */
async function preparedCopies(): Promise<{ files: [string, string]; reportId: number; text: string }> {
  const dir = tempDir()
  const wb = openTestWorkbench(join(dir, 'data'))
  const { reportId, text } = await sampleReport(wb)
  const proposals = await callOk(wb, 'proposals.list', { reportId })
  const fuel = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'kinh doanh xăng dầu'), body: 'Theo dõi xăng dầu', tags: ['xăng dầu', 'kiểm tra'], proposalIds: [proposals[0]!.id] })
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'không để xảy ra cháy rừng'), body: 'Rừng', tags: ['rừng'] })
  const growth = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'tốc độ tăng trưởng'), body: 'Vì sao thấp?' })
  const paragraphs = text.split('\n\n').reduce<{ start: number; end: number }[]>((list, p) => {
    const start = list.length ? list.at(-1)!.end + 2 : 0
    return [...list, { start, end: start + p.length }]
  }, [])
  const db = openDatabase(wb.dbPath)
  const at = new Date().toISOString()
  const generated = generateAnnotations({ text, paragraphs }, 400, 11)
  db.transaction(() => {
    generated.forEach((a, i) =>
      insertAnnotation(db, {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        reportId,
        kind: i % 3 ? 'highlight' : 'note',
        colour: 'yellow',
        body: i % 3 ? '' : `Ghi chú ${i}`,
        includeInMinutes: i % 5 === 0,
        author: 'Thư ký',
        status: 'placed',
        positionStart: a.start,
        positionEnd: a.end,
        exact: text.slice(a.start, a.end),
        prefix: text.slice(Math.max(0, a.start - 32), a.start),
        suffix: text.slice(a.end, a.end + 32),
        createdAt: at,
        updatedAt: at,
      }),
    )
  })()
  db.close()
  for (let i = 0; i < 400; i += 37) await callOk(wb, 'annotations.delete', { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })
  // An earlier revision: a paragraph dropped (its annotations unplaced), a phrase mostly replaced (one to review).
  const second = text
    .split('\n\n')
    .filter((p) => !p.includes('cháy rừng'))
    .join('\n\n')
    .replace('tốc độ tăng trưởng', 'tốc độ phát triển')
  const outcome = await callOk(wb, 'reports.revise', { reportId, text: second })
  expect(outcome.unplaced).toBeGreaterThan(10)
  expect(outcome.review).toBeGreaterThanOrEqual(2)
  // One review resolved (re-attached), which the next revision forgets.
  await callOk(wb, 'annotations.reattach', { id: growth.id, ...rangeOf(second, 'tốc độ phát triển') })
  await callOk(wb, 'annotations.update', { id: fuel.id, patch: { body: 'Theo dõi kinh doanh xăng dầu' } })
  const current = (await callOk(wb, 'reports.get', { id: reportId })).text
  await wb.close()
  const files: [string, string] = [join(dir, 'batched.sqlite'), join(dir, 'reference.sqlite')]
  for (const file of files) copyFileSync(wb.dbPath, file)
  return { files, reportId, text: current }
}

describe('revision writes in batches', () => {
  it('leave the database as writing every anchor one by one does, for a revision moving hundreds of annotations, and undo as exactly', async () => {
    const { files, reportId, text } = await preparedCopies()
    const batched = openDatabase(files[0])
    const reference = openDatabase(files[1])
    try {
      const paragraphs = text.split('\n\n').reduce<{ start: number; end: number }[]>((list, p) => {
        const start = list.length ? list.at(-1)!.end + 2 : 0
        return [...list, { start, end: start + p.length }]
      }, [])
      const raw = editReport({ text, paragraphs }, 0.06, 5).text
      const before = dump(batched)
      const annotationVersions = versions(batched, 'annotations')
      const proposalVersions = versions(batched, 'proposals')
      const events: ChangeEvent[] = []
      subscribeChanges(batched, (e) => events.push(e))

      const outcome = reviseReport(batched, { reportId, text: raw })
      referenceRevise(reference, reportId, revisedText(raw).text)

      const after = dump(batched)
      expect(before.annotation_reviews!.filter((r) => r.resolved_at !== null)).toHaveLength(1)
      expect(after.annotation_reviews!.filter((r) => r.resolved_at !== null)).toHaveLength(0)
      expect(after).toEqual(dump(reference))
      expectSearchIndexSound(batched)
      const moved = changedIds(before.annotations!, after.annotations!, ANCHOR_COLUMNS)
      expect(moved.size).toBeGreaterThan(200)
      expect(moved.size).toBeLessThan(before.annotations!.length)
      expect([...moved].filter((id) => before.annotations!.find((a) => a.id === id)!.exact !== after.annotations!.find((a) => a.id === id)!.exact).length).toBeGreaterThan(20)
      const movedSources = changedIds(before.proposals!, after.proposals!, SOURCE_COLUMNS)
      expect(movedSources.size).toBeGreaterThan(5)
      expectVersions(annotationVersions, versions(batched, 'annotations'), moved)
      expectVersions(proposalVersions, versions(batched, 'proposals'), movedSources)
      // Other windows hear of exactly the records that changed, at the version now stored.
      const now = versions(batched, 'annotations')
      expect(recordsOf(events, 'annotation')).toEqual(new Map([...moved].map((id) => [id, now.get(id)!])))
      expect(new Set(recordsOf(events, 'proposal').keys())).toEqual(movedSources)
      expect(events.some((e) => e.records.some((r) => r.kind === 'report' && r.id === reportId))).toBe(true)
      const live = after.annotations!.filter((a) => a.deleted_at === null)
      const open = new Set(after.annotation_reviews!.filter((r) => r.resolved_at === null).map((r) => r.annotation_id))
      expect(outcome).toMatchObject({
        revision: 3,
        placed: live.filter((a) => a.status === 'placed').length,
        unplaced: live.filter((a) => a.status === 'unplaced').length,
        review: live.filter((a) => a.status === 'unplaced' && open.has(a.id)).length,
      })

      events.length = 0
      undoRevision(batched, reportId, 3)
      referenceUndo(reference, reportId)
      const undone = dump(batched)
      expect(undone).toEqual(dump(reference))
      expectSearchIndexSound(batched)
      // Every anchor and proposal source is back exactly; only the records that moved were written twice.
      const anchors = (rows: Row[]) => rows.map((r) => [r.id, ...ANCHOR_COLUMNS.map((c) => r[c])])
      expect(anchors(undone.annotations!)).toEqual(anchors(before.annotations!))
      expect(undone.proposals).toEqual(before.proposals)
      expect(undone.reports).toEqual(before.reports)
      expect(undone.annotation_search).toEqual(before.annotation_search)
      expect(undone.report_text_search).toEqual(before.report_text_search)
      expectVersions(annotationVersions, versions(batched, 'annotations'), moved, 2)
      expect([...recordsOf(events, 'annotation').keys()].sort()).toEqual([...moved].sort())
    } finally {
      batched.close()
      reference.close()
    }
  })
})
