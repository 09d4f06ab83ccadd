// Live windows: what announcing every committed write costs a save, and how long a change takes
// from the saving request to another page's event stream over loopback (the browser shell's
// real server, a real SQLite file), each the median of repeated runs.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { configure } from '../../src/backend/db/connection'
import { createServer } from '../../src/backend/http/server'
import { loadSectors } from '../../src/backend/services/bundled-data'
import { updateProposal } from '../../src/backend/services/proposals'
import { createSectorCatalog } from '../../src/backend/services/sectors'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench } from '../../src/backend/workbench'
import type { Proposal } from '../../src/core/domain'
import { median, type BenchRow } from '../table'

export const name = 'live-changes'

const TOKEN = 'bench-token-0123456789abcdefghijklmnop'
const ms = (v: number) => `${v.toFixed(2)} ms`

async function call<T>(handlers: Parameters<typeof dispatch>[0], method: string, args: unknown): Promise<T> {
  const reply = await dispatch(handlers, method, args)
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.value as T
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-live-'))
  const wb = openWorkbench({ dataDir: join(dir, 'data'), bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
  const server = await createServer({ handlers: wb.handlers, staticDir: dir, token: TOKEN, port: 0, subscribeChanges: wb.onChange })
  try {
    const list = await call<Proposal[]>(wb.handlers, 'proposals.list', { reportId: 1 })
    const first = list[0]!

    // One save, with its change captured and published (no listener yet, then one stream).
    const saves: number[] = []
    for (let i = 0; i < 200; i++) {
      const t = performance.now()
      await call(wb.handlers, 'proposals.update', { id: first.id, patch: { notes: `ghi chú ${i}` } })
      saves.push(performance.now() - t)
    }
    // The same save through the same service on a second connection that captures nothing.
    const plain = new Database(wb.dbPath)
    configure(plain)
    const ctx = { db: plain, sectors: createSectorCatalog(loadSectors(resolve('data'))) }
    const plainSaves: number[] = []
    const capturedSaves: number[] = []
    for (let i = 0; i < 200; i++) {
      let t = performance.now()
      updateProposal(ctx, first.id, { notes: `không ghi ${i}` })
      plainSaves.push(performance.now() - t)
      t = performance.now()
      await call(wb.handlers, 'proposals.update', { id: first.id, patch: { notes: `ghi ${i}` } })
      capturedSaves.push(performance.now() - t)
    }
    plain.close()
    const reorders: number[] = []
    const ids = list.map((p) => p.id)
    for (let i = 0; i < 30; i++) {
      const t = performance.now()
      await call(wb.handlers, 'proposals.reorder', { reportId: 1, orderedIds: i % 2 ? ids : [...ids].reverse() })
      reorders.push(performance.now() - t)
    }

    // Request sent → the change event read by another client of the stream.
    const latencies: number[] = []
    await new Promise<void>((done, fail) => {
      let sentAt = 0
      let round = 0
      const send = () => {
        sentAt = performance.now()
        const body = JSON.stringify({ id: first.id, patch: { title: `Tiêu đề ${round}` } })
        const req = request({
          host: '127.0.0.1', port: server.port, method: 'POST', path: '/rpc/proposals.update',
          headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        }, (res) => res.resume())
        req.on('error', fail)
        req.end(body)
      }
      const stream = request({ host: '127.0.0.1', port: server.port, path: '/events', headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          if (chunk.includes('event: ready')) return send()
          if (!chunk.includes('event: change')) return
          latencies.push(performance.now() - sentAt)
          if (++round === 100) {
            stream.destroy()
            done()
          } else send()
        })
      })
      stream.on('error', fail)
      stream.end()
    })

    return [
      { figure: 'proposals.update with its change captured and published', median: ms(median(saves)), target: '< 5 ms', note: '200 saves, through the dispatcher' },
      {
        figure: 'same save, interleaved: without capture → with capture and dispatch',
        median: `${ms(median(plainSaves))} → ${ms(median(capturedSaves))}`,
        target: '—',
        note: 'the difference is the change log, the zod check and the reply',
      },
      { figure: `proposals.reorder of ${ids.length} (one event, ${ids.length} records)`, median: ms(median(reorders)), target: '< 20 ms', note: '30 reorders' },
      { figure: 'save request sent → change event read by another stream', median: ms(median(latencies)), target: '< 1000 ms', note: '100 saves over loopback HTTP' },
    ]
  } finally {
    await server.close()
    await wb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
