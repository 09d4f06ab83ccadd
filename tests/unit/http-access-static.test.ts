// Who may talk to the browser shell (Host, Origin) and what it serves from the renderer
// folder: headers, content types, and no way out of that folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/backend/http/server'
import { CONTENT_SECURITY_POLICY } from '../../src/backend/http/security'
import { rawRequest, SECRET, startTestServer, TOKEN, type TestServer } from './http-test-support'

let t: TestServer
let server: RunningServer
let base: string

beforeAll(async () => {
  t = await startTestServer()
  ;({ server, base } = t)
})
afterAll(() => t?.stop())

const rpc = (method: string, headers: Record<string, string>) =>
  fetch(`${base}/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' })

describe('request origin checks', () => {
  it('refuses a foreign Host header on every path (DNS rebinding)', async () => {
    for (const path of ['/rpc/app.info', '/', '/index.html']) {
      const res = await rawRequest(server.port, {
        method: path.startsWith('/rpc') ? 'POST' : 'GET',
        path,
        headers: { Host: `evil.example:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: path.startsWith('/rpc') ? '{}' : undefined,
      })
      expect(res.status, path).toBe(403)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    }
    const otherPort = await rawRequest(server.port, { path: '/', headers: { Host: `127.0.0.1:${server.port + 1}` } })
    expect(otherPort.status).toBe(403)
    const noPort = await rawRequest(server.port, { path: '/', headers: { Host: '127.0.0.1' } })
    expect(noPort.status).toBe(403)
  })

  it('accepts both loopback spellings of our own Host', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      const res = await rawRequest(server.port, { path: '/', headers: { Host: host } })
      expect(res.status, host).toBe(200)
    }
  })

  it('refuses a foreign Origin and accepts our own', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const res = await rpc('app.info', { Authorization: `Bearer ${TOKEN}`, Origin: origin })
      expect(res.status, origin).toBe(403)
    }
    const page = await rawRequest(server.port, { path: '/', headers: { Origin: 'http://evil.example' } })
    expect(page.status).toBe(403)
    const ours = await rpc('app.info', { Authorization: `Bearer ${TOKEN}`, Origin: `http://127.0.0.1:${server.port}` })
    expect(ours.status).toBe(200)
    const localhost = await rpc('app.info', { Authorization: `Bearer ${TOKEN}`, Origin: `http://localhost:${server.port}` })
    expect(localhost.status).toBe(200)
  })
})

describe('static files', () => {
  it('serves index.html for / with the security headers and no caching', async () => {
    const res = await fetch(`${base}/?token=abc`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Workbench</title>')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const csp = res.headers.get('content-security-policy')
    expect(csp).toBe(CONTENT_SECURITY_POLICY)
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain('unsafe-eval')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
  })

  it('gives assets their content type', async () => {
    const js = await fetch(`${base}/assets/app-1234.js`)
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
    const font = await fetch(`${base}/assets/font.woff2`)
    expect(font.headers.get('content-type')).toBe('font/woff2')
    const head = await fetch(`${base}/assets/app-1234.js`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String('console.log("app")'.length))
  })

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '/assets/link.txt',
      '/%00index.html',
      '//etc/passwd',
      '/.%2e/secret.txt',
    ]
    for (const path of attempts) {
      const res = await rawRequest(server.port, { path })
      expect([400, 404], path).toContain(res.status)
      expect(res.body, path).not.toContain(SECRET)
      expect(res.body, path).not.toContain('"devDependencies"')
    }
  })

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await fetch(`${base}/nothing-here.js`)).status).toBe(404)
    expect((await fetch(`${base}/assets/`)).status).toBe(404)
    expect((await fetch(`${base}/`, { method: 'DELETE' })).status).toBe(405)
  })
})
