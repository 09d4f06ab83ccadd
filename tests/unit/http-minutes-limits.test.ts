// The largest call of `minutes.saveEdits` the contract accepts fits the HTTP body limit: sent to a
// real server over a real workbench, it is read in full and reaches the contract and the service;
// one character more than the contract allows is a 400 with a sentence, not a 413 or a 500.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../src/backend/http/read-body'
import { createServer, type RunningServer } from '../../src/backend/http/server'
import type { Workbench } from '../../src/backend/workbench'
import { REPORT_TEXT_MAX_CHARS } from '../../src/core/domain'
import { MINUTES_SECTION_MAX_CHARS } from '../../src/core/methods/minutes'
import { useTempDirsOnce } from './helpers/temp-dirs'
import { callOk, openTestWorkbench } from './helpers/workbench'

const TOKEN = 'minutes-limits-token-0123456789abcdefghijkl'
const tempDir = useTempDirsOnce('workbench-minutes-limits-')
let wb: Workbench
let server: RunningServer

beforeAll(async () => {
  const dir = tempDir()
  const staticDir = join(dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Workbench</title>')
  wb = openTestWorkbench(join(dir, 'data'))
  server = await createServer({ handlers: wb.handlers, staticDir, token: TOKEN, port: 0 })
}, 30_000)
afterAll(async () => {
  await server?.close()
  await wb?.close()
})

async function saveEdits(edits: { key: string; text: string | null; expectedEdit?: string | null }[]): Promise<{ status: number; bytes: number; body: { ok: boolean; error?: { message: string } } }> {
  const body = JSON.stringify({ meetingId: 1, kind: 'bienban', edits })
  const res = await fetch(`${server.url}rpc/minutes.saveEdits`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body,
  })
  return { status: res.status, bytes: Buffer.byteLength(body), body: (await res.json()) as { ok: boolean; error?: { message: string } } }
}

describe('minutes.saveEdits and the HTTP body limit', () => {
  it('takes the largest call the contract accepts, in the worst JSON encoding, through the HTTP layer', async () => {
    // 2,000 edits (the most), keys of 100 characters (the longest), each naming the edit it was
    // made on, and texts together as long as the longest report, every character one JSON must
    // escape as \u0001 (6 bytes).
    const each = REPORT_TEXT_MAX_CHARS / 2_000 / 2
    const edits = Array.from({ length: 2_000 }, (_, i) => ({
      key: `item:${i}`.padEnd(100, 'x'),
      text: '\u0001'.repeat(each),
      expectedEdit: '\u0001'.repeat(each),
    }))
    const largest = await saveEdits(edits)
    expect(largest.bytes).toBeGreaterThan(REPORT_TEXT_MAX_CHARS * 6)
    expect(largest.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES)
    // Read in full and valid by the contract: the service itself answers that these sections do not exist.
    console.log(`[limits] largest minutes.saveEdits body ${largest.bytes} bytes, HTTP limit ${MAX_BODY_BYTES}`)
    expect(largest.status).toBe(400)
    expect(largest.body.error!.message).toMatch(/^No section item:0x+, item:1x+/)
  }, 60_000)

  it('stores the longest section the contract allows, and refuses one character more with a sentence', async () => {
    const keys = (await callOk(wb, 'minutes.preview', { meetingId: 1, kind: 'bienban' })).sections.map((s) => s.key)
    const letters = 'ạ'.repeat(MINUTES_SECTION_MAX_CHARS)
    const count = REPORT_TEXT_MAX_CHARS / MINUTES_SECTION_MAX_CHARS
    const ok = await saveEdits([{ key: keys[0]!, text: letters }])
    expect(ok.body.error?.message).toBeUndefined()
    expect(ok.status).toBe(200)
    expect(ok.body.ok).toBe(true)

    const tooMuch = Array.from({ length: count }, (_, i) => ({ key: keys[i % keys.length]!, text: letters }))
    tooMuch.push({ key: keys[0]!, text: 'x' })
    const over = await saveEdits(tooMuch)
    expect(over.status).toBe(400)
    expect(over.body.error!.message).toContain('the edited sections together are longer than 5,000,000 characters (the longest report)')

    const longSection = await saveEdits([{ key: keys[0]!, text: 'a'.repeat(MINUTES_SECTION_MAX_CHARS + 1) }])
    expect(longSection.status).toBe(400)
    const badKey = await saveEdits([{ key: 'mục 1', text: 'x' }])
    expect(badKey.status).toBe(400)
    expect(badKey.body.error!.message).toContain('a section key is letters, digits and : . _ -')
  }, 60_000)
})
