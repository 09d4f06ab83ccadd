// The RPC endpoint of the browser shell over a real socket: token, JSON body, size limit and
// the mapping of contract errors to HTTP statuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/backend/http/server'
import { CONTENT_SECURITY_POLICY } from '../../src/backend/http/security'
import { REPORT_TEXT_MAX_CHARS, type Settings } from '../../src/core/domain'
import { MAX_BODY_BYTES } from '../../src/backend/http/read-body'
import { rawRequest, startTestServer, TOKEN, type TestServer } from './http-test-support'

let t: TestServer
let server: RunningServer
let base: string
let calls: string[]

beforeAll(async () => {
  t = await startTestServer()
  ;({ server, base, calls } = t)
})
afterAll(() => t?.stop())

const rpc = (method: string, body: unknown = {}, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${base}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('RPC endpoint', () => {
  it('listens on 127.0.0.1 and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.port).toBeGreaterThan(0)
  })

  it('refuses calls without the token or with a wrong one, before running them', async () => {
    calls.length = 0
    const missing = await rpc('app.info', {}, {})
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)

    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const wrong = await rpc('app.info', {}, { Authorization: authorization })
      expect(wrong.status, authorization).toBe(401)
    }
    expect(calls).toEqual([])
  })

  it('answers a call with the token', async () => {
    const res = await rpc('app.info')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ ok: true, value: { version: '9.9.9', shell: 'browser', dataDir: '/data' } })
  })

  it('passes the JSON body through the contract (text arrives NFC-normalised)', async () => {
    const decomposed = 'Nguyễn Văn Đức'.normalize('NFD')
    const res = await rpc('settings.update', { authorName: decomposed, zoom: 1.25 })
    expect(res.status).toBe(200)
    const reply = (await res.json()) as { ok: true; value: Settings }
    expect(reply.value.authorName).toBe('Nguyễn Văn Đức'.normalize('NFC'))
    expect(reply.value.authorName).not.toBe(decomposed)
    expect(reply.value.zoom).toBe(1.25)
  })

  it('accepts an empty body as no arguments', async () => {
    const res = await fetch(`${base}/rpc/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(res.status).toBe(200)
  })

  it('maps errors to 4xx statuses with a stable code', async () => {
    const badJson = await fetch(`${base}/rpc/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"unclosed": ',
    })
    expect(badJson.status).toBe(400)
    expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } })

    calls.length = 0
    const badArgs = await rpc('reports.get', { id: 'x' })
    expect(badArgs.status).toBe(400)
    const badArgsBody = (await badArgs.json()) as { error: { code: string; message: string } }
    expect(badArgsBody.error.code).toBe('bad_request')
    expect(badArgsBody.error.message).toMatch(/id/)
    expect(calls).toEqual([]) // the handler never saw invalid arguments

    const outOfRange = await rpc('settings.update', { zoom: 40 })
    expect(outOfRange.status).toBe(400)

    const notFound = await rpc('reports.get', { id: 7 })
    expect(notFound.status).toBe(404)
    expect(await notFound.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'No report 7' } })

    const unknown = await rpc('reports.explode')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'not_found' } })

    const plainText = await fetch(`${base}/rpc/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(plainText.status).toBe(415)
  })

  it('only allows POST', async () => {
    const get = await fetch(`${base}/rpc/x`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    const put = await rawRequest(server.port, { method: 'PUT', path: '/rpc/app.info', headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(put.status).toBe(405)
  })

  it('refuses bodies over the limit the contract implies, and takes the largest report the contract accepts', async () => {
    calls.length = 0
    const over = MAX_BODY_BYTES + 1024
    const huge = JSON.stringify({ authorName: 'a'.repeat(over) })
    const declared = await rawRequest(server.port, {
      method: 'POST',
      path: '/rpc/settings.update',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: huge,
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } })

    const streamed = await rawRequest(server.port, {
      method: 'POST',
      path: '/rpc/settings.update',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      chunks: Array.from({ length: Math.ceil(over / (1024 * 1024)) }, () => Buffer.alloc(1024 * 1024, 0x20)),
    })
    expect(streamed.status).toBe(413)

    const viaFetch = await rpc('settings.update', { authorName: 'a'.repeat(over) })
    expect(viaFetch.status).toBe(413)
    expect(calls).toEqual([])

    // Under the limit is read in full (and rejected by the contract, not the transport).
    const under = await rpc('settings.update', { authorName: 'a'.repeat(MAX_BODY_BYTES - 1024 * 1024) })
    expect(under.status).toBe(400)
    expect(((await under.json()) as { error: { message: string } }).error.message).toMatch(/authorName/)

    // A report of 5,000,000 three-byte letters, and one of 5,000,000 characters JSON must escape,
    // reach the dispatcher (reports.get ignores the extra field and answers 404, not 413).
    for (const letter of ['ạ', '\u0001']) {
      const text = letter.repeat(REPORT_TEXT_MAX_CHARS)
      const res = await rpc('reports.get', { id: 1, text })
      expect(res.status, JSON.stringify(letter)).toBe(404)
    }
  })
})
