// The sample meeting: stored with the sample report on first use (in the same transaction), and
// added once to a data directory seeded before meetings existed.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { configure, openDatabase } from '../../src/backend/db/connection'
import { DATABASE_FILE_NAME } from '../../src/backend/workbench'
import { SampleMeeting } from '../../src/core/data-files'
import { openAtVersion, previousVersion } from './helpers/migrations'
import { countRows, queryFile } from './helpers/raw-db'
import { useTempDirs } from './helpers/temp-dirs'
import { BUNDLED_DATA_DIR, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
const sample = SampleMeeting.parse(JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'samples/ky-son-2022-05-26/meeting.json'), 'utf8')))

/** A data directory as a release before meetings left it: the seeded report and checklist, one schema step before 0030. */
async function preMeetingsDataDir(): Promise<string> {
  const source = tempDir()
  const seeded = openTestWorkbench(source)
  await seeded.close()
  const dataDir = tempDir()
  const db = openAtVersion(join(dataDir, DATABASE_FILE_NAME), previousVersion(30))
  db.prepare('ATTACH DATABASE ? AS src').run(join(source, DATABASE_FILE_NAME))
  db.exec(`
    INSERT INTO reports (id, title, source, date, text, raw_text, imported_at)
      SELECT id, title, source, date, text, raw_text, imported_at FROM src.reports;
    INSERT INTO report_revisions (report_id, revision, text, imported_at)
      SELECT report_id, revision, text, imported_at FROM src.report_revisions;
    INSERT INTO proposals (id, report_id, sector, title, detail, status, owner, due_date, priority, notes, sort_order,
                           source_start, source_end, source_exact, created_at, updated_at, deleted_at)
      SELECT id, report_id, sector, title, detail, status, owner, due_date, priority, notes, sort_order,
             source_start, source_end, source_exact, created_at, updated_at, deleted_at FROM src.proposals;
  `)
  db.prepare('DETACH DATABASE src').run()
  db.close()
  return dataDir
}

describe('the sample meeting on first use', () => {
  it('is stored with the sample report, as the report tells it', async () => {
    const wb = openTestWorkbench(tempDir())
    const [summary] = await callOk(wb, 'meetings.list', { reportId: 1 })
    const meeting = await callOk(wb, 'meetings.get', { id: summary!.id })
    expect(meeting).toMatchObject({
      title: 'Buổi làm việc của Chủ tịch UBND tỉnh với huyện Kỳ Sơn',
      number: '05',
      startedAt: '2022-05-26T08:00',
      chair: { name: 'Nguyễn Đức Trung', post: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh' },
    })
    expect(meeting.attendees.map((a) => a.name)).toContain('Nguyễn Hữu Minh')
    const proposals = await callOk(wb, 'proposals.list', { reportId: 1 })
    const titles = new Map(proposals.map((p) => [p.id, p.title]))
    expect(meeting.agenda.map((i) => titles.get(i.proposalId))).toEqual(sample.agenda.map((a) => a.proposal))
    expect(meeting.entries).toHaveLength(sample.entries.length)
    expect(meeting.entries.filter((e) => e.kind === 'action').every((e) => e.owner === 'UBND huyện Kỳ Sơn')).toBe(true)
    // The seeded checklist keeps its starting statuses.
    expect(new Set(proposals.map((p) => p.status))).toEqual(new Set(['proposed']))
    await wb.close()
  })

  it('is all or nothing with the sample report', () => {
    const dataDir = tempDir()
    const dbPath = join(dataDir, DATABASE_FILE_NAME)
    const db = openDatabase(dbPath)
    db.exec(`CREATE TRIGGER fail_tenth BEFORE INSERT ON minute_entries WHEN (SELECT count(*) FROM minute_entries) >= 9
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
    db.close()
    expect(() => openTestWorkbench(dataDir)).toThrow(/injected failure/)
    for (const table of ['reports', 'proposals', 'meetings', 'minute_entries']) expect(countRows(dbPath, table), table).toBe(0)
  })
})

describe('a data directory seeded before meetings existed', () => {
  it('gets the sample meeting once; deleting it is not undone by the next start', async () => {
    const dataDir = await preMeetingsDataDir()
    const first = openTestWorkbench(dataDir)
    const meetings = await callOk(first, 'meetings.list', { reportId: 1 })
    expect(meetings.map((m) => m.title)).toEqual([sample.title])
    expect((await callOk(first, 'meetings.get', { id: meetings[0]!.id })).entries).toHaveLength(sample.entries.length)
    await first.close()

    const second = openTestWorkbench(dataDir)
    expect(await callOk(second, 'meetings.list', { reportId: 1 })).toHaveLength(1)
    await callOk(second, 'meetings.delete', { id: meetings[0]!.id })
    await second.close()

    const third = openTestWorkbench(dataDir)
    expect(await callOk(third, 'meetings.list', { reportId: 1 })).toEqual([])
    expect(countRows(third.dbPath, 'pending_seeds')).toBe(0)
    await third.close()
  })

  it('is left alone, without an error, when the user renamed a proposal of the agenda', async () => {
    const dataDir = await preMeetingsDataDir()
    const raw = new Database(join(dataDir, DATABASE_FILE_NAME))
    configure(raw)
    raw.prepare('UPDATE proposals SET title = ? WHERE title = ?').run('Đã đổi tên', sample.agenda[0]!.proposal)
    raw.close()
    const wb = openTestWorkbench(dataDir)
    expect(await callOk(wb, 'meetings.list', { reportId: 1 })).toEqual([])
    expect(queryFile(wb.dbPath, 'SELECT count(*) AS n FROM pending_seeds')).toEqual([{ n: 0 }])
    await wb.close()
  })
})
