// Change events on a real SQLite file and a real loopback server: published once per committed
// write with the new versions, after the commit (another connection already sees the data),
// never for a write that rolled back; and `GET /events` streams them only to a caller with the
// token, on our own Host and Origin.
import Database from 'better-sqlite3'
import { request, type IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { subscribeChanges } from '../../src/backend/db/change-feed'
import { openDatabase } from '../../src/backend/db/connection'
import { inWriteTransaction } from '../../src/backend/db/transaction'
import { createServer, type RunningServer } from '../../src/backend/http/server'
import type { Workbench } from '../../src/backend/workbench'
import type { ChangeEvent } from '../../src/core/changes'
import { rawRequest, TOKEN } from './http-test-support'
import { useTempDirs } from './helpers/temp-dirs'
import { callError, callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs()
let wb: Workbench | null = null
let server: RunningServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
  await wb?.close()
  wb = null
})

function recordEvents(workbench: Workbench): ChangeEvent[] {
  const events: ChangeEvent[] = []
  workbench.onChange((e) => events.push(e))
  return events
}

describe('change events', () => {
  it('tell the domain, report, records and new versions of each committed write, once it is visible to others', async () => {
    const dir = tempDir()
    wb = openTestWorkbench(dir)
    const [p] = await callOk(wb, 'proposals.list', { reportId: 1 })
    const other = new Database(wb.dbPath, { readonly: true })
    const seenByOther: string[] = []
    const stop = wb.onChange(() => seenByOther.push((other.prepare('SELECT title FROM proposals WHERE id = ?').get(p!.id) as { title: string }).title))
    const events = recordEvents(wb)

    await callOk(wb, 'proposals.update', { id: p!.id, patch: { title: 'Tiêu đề mới' } })
    expect(events).toEqual([{ seq: 1, domain: 'proposals', reportId: 1, records: [{ kind: 'proposal', id: p!.id, version: 2 }] }])
    expect(seenByOther).toEqual(['Tiêu đề mới'])
    stop()
    other.close()

    const note = await callOk(wb, 'annotations.create', { reportId: 1, start: 0, end: 8 })
    expect(events.at(-1)).toEqual({ seq: 2, domain: 'annotations', reportId: 1, records: [{ kind: 'annotation', id: note.id, version: 1 }] })

    const meeting = await callOk(wb, 'meetings.create', { reportId: 1, title: 'Họp' })
    const { entry } = await callOk(wb, 'meetings.addEntry', { meetingId: meeting.id, kind: 'discussion', text: 'Ý kiến' })
    expect(events.at(-1)).toMatchObject({
      domain: 'meetings',
      reportId: 1,
      records: expect.arrayContaining([{ kind: 'entry', id: entry.id, version: 1, meetingId: meeting.id }]),
    })
    // Reads publish nothing.
    const count = events.length
    await callOk(wb, 'proposals.list', { reportId: 1 })
    await callOk(wb, 'meetings.get', { id: meeting.id })
    expect(events).toHaveLength(count)
  })

  it('are not published for refused or rolled-back writes', async () => {
    wb = openTestWorkbench(tempDir())
    const [p] = await callOk(wb, 'proposals.list', { reportId: 1 })
    const events = recordEvents(wb)
    expect((await callError(wb, 'proposals.update', { id: p!.id, patch: { title: 'x' }, expectedVersion: 9 })).code).toBe('conflict')
    expect((await callError(wb, 'proposals.update', { id: p!.id, patch: { dueDate: '2026-02-30' } })).code).toBe('bad_request')
    // A write that has already changed rows and then fails rolls back its change log too
    // (shown on a second connection of its own, which publishes to its own listeners).
    const db = openDatabase(wb.dbPath)
    const ownEvents: ChangeEvent[] = []
    subscribeChanges(db, (e) => ownEvents.push(e))
    expect(() =>
      inWriteTransaction(db, () => {
        db.prepare("UPDATE proposals SET title = 'bỏ' WHERE id = ?").run(p!.id)
        throw new Error('fails after writing')
      }),
    ).toThrow('fails after writing')
    expect(ownEvents).toEqual([])
    inWriteTransaction(db, () => db.prepare("UPDATE proposals SET notes = 'ghi' WHERE id = ?").run(p!.id))
    expect(ownEvents).toEqual([{ seq: 1, domain: 'proposals', reportId: 1, records: [{ kind: 'proposal', id: p!.id, version: 2 }] }])
    db.close()
    expect(events).toEqual([])
    const stored = (await callOk(wb, 'proposals.list', { reportId: 1 })).find((x) => x.id === p!.id)!
    expect(stored).toMatchObject({ title: p!.title, notes: 'ghi', version: 2 })
    // The next real write is reported alone, with nothing left over from the failed ones.
    await callOk(wb, 'proposals.update', { id: p!.id, patch: { priority: 'high' } })
    expect(events).toEqual([{ seq: 1, domain: 'proposals', reportId: 1, records: [{ kind: 'proposal', id: p!.id, version: 3 }] }])
  })
})

/** Opens the event stream and collects its events until closed. */
function openStream(port: number, headers: Record<string, string>): Promise<{ res: IncomingMessage; events: { type: string; data: string }[]; close(): void }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/events', headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const events: { type: string; data: string }[] = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const type = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (type && data !== undefined) events.push({ type, data })
        }
      })
      done({ res, events, close: () => req.destroy() })
    })
    req.on('error', fail)
    req.end()
  })
}

async function until(check: () => boolean, ms = 1000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('GET /events', () => {
  async function start(): Promise<number> {
    wb = openTestWorkbench(tempDir())
    server = await createServer({ handlers: wb.handlers, staticDir: tempDir(), token: TOKEN, port: 0, subscribeChanges: wb.onChange })
    return server.port
  }

  it('refuses a caller without the token, with a foreign Host or Origin, and other methods', async () => {
    const port = await start()
    const host = `127.0.0.1:${port}`
    const none = await rawRequest(port, { path: '/events', headers: { Host: host } })
    expect(none.status).toBe(401)
    expect(none.headers['content-type']).toContain('application/json')
    expect((await rawRequest(port, { path: '/events', headers: { Host: host, Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401)
    expect((await rawRequest(port, { path: `/events?token=${TOKEN}`, headers: { Host: host } })).status).toBe(401)
    expect((await rawRequest(port, { path: '/events', headers: { Host: `evil.example:${port}`, Authorization: `Bearer ${TOKEN}` } })).status).toBe(403)
    expect(
      (await rawRequest(port, { path: '/events', headers: { Host: host, Origin: 'http://evil.example', Authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(403)
    expect((await rawRequest(port, { method: 'POST', path: '/events', headers: { Host: host, Authorization: `Bearer ${TOKEN}` } })).status).toBe(405)
  })

  it('streams each committed change to every open stream within a second', async () => {
    const port = await start()
    const auth = { Authorization: `Bearer ${TOKEN}` }
    const a = await openStream(port, auth)
    const b = await openStream(port, { ...auth, Origin: `http://127.0.0.1:${port}` })
    try {
      expect(a.res.statusCode).toBe(200)
      expect(a.res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
      expect(a.res.headers['content-security-policy']).toBeTruthy()
      await until(() => a.events.length > 0 && b.events.length > 0)
      expect(a.events[0]!.type).toBe('ready')

      const [p] = await callOk(wb!, 'proposals.list', { reportId: 1 })
      const sent = Date.now()
      const reply = await rawRequest(port, {
        method: 'POST',
        path: '/rpc/proposals.update',
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify({ id: p!.id, patch: { status: 'accepted' }, expectedVersion: 1 }),
      })
      expect(reply.status).toBe(200)
      await until(() => a.events.length > 1 && b.events.length > 1)
      expect(Date.now() - sent).toBeLessThan(1000)
      for (const s of [a, b]) {
        expect(s.events[1]!.type).toBe('change')
        expect(JSON.parse(s.events[1]!.data)).toEqual({ seq: 1, domain: 'proposals', reportId: 1, records: [{ kind: 'proposal', id: p!.id, version: 2 }] })
      }
      // A stale edit answers 409 with the current record and streams nothing.
      const stale = await rawRequest(port, {
        method: 'POST',
        path: '/rpc/proposals.update',
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify({ id: p!.id, patch: { status: 'rejected' }, expectedVersion: 1 }),
      })
      expect(stale.status).toBe(409)
      expect(JSON.parse(stale.body).error).toMatchObject({ code: 'conflict', current: { id: p!.id, status: 'accepted', version: 2 } })
      await new Promise((r) => setTimeout(r, 100))
      expect(a.events).toHaveLength(2)
    } finally {
      a.close()
      b.close()
    }
  })
})
