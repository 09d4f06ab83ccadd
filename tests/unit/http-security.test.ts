// The pure checks behind the browser shell's refusals, including the cases a socket test
// cannot produce (a non-loopback peer).
import { describe, expect, it } from 'vitest'
import { bearerMatches, isAllowedHost, isAllowedOrigin, isLoopbackAddress } from '../../src/backend/http/security'
import { cacheControlFor, contentTypeFor } from '../../src/backend/http/static-files'

describe('isLoopbackAddress', () => {
  it('accepts loopback in every spelling', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true)
  })
  it('refuses everything else', () => {
    for (const a of ['192.168.1.10', '10.0.0.1', '0.0.0.0', '::', '::ffff:192.168.1.1', 'fe80::1', '', undefined, '128.0.0.1', '127.0.0.1.evil'])
      expect(isLoopbackAddress(a), String(a)).toBe(false)
  })
})

describe('isAllowedHost', () => {
  it('allows only our port on 127.0.0.1 or localhost', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true)
    for (const h of ['127.0.0.1:4001', 'localhost', '127.0.0.1', 'evil.example:4000', 'localhost.evil.example:4000', '[::1]:4000', undefined, ''])
      expect(isAllowedHost(h, 4000), String(h)).toBe(false)
  })
})

describe('isAllowedOrigin', () => {
  it('allows a missing Origin and our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true)
    for (const o of ['null', '', 'http://127.0.0.1:4001', 'https://127.0.0.1:4000', 'http://evil.example', 'app://workbench'])
      expect(isAllowedOrigin(o, 4000), o).toBe(false)
  })
})

describe('bearerMatches', () => {
  const token = 'abcdefghijklmnopqrstuvwxyz012345'
  it('needs the exact token after "Bearer"', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true)
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true)
    for (const h of [undefined, '', 'Bearer', 'Bearer ', token, `Bearer ${token} extra`, `Bearer ${token.toUpperCase()}`, `Bearer ${token}0`])
      expect(bearerMatches(h, token), String(h)).toBe(false)
  })
})

describe('static file metadata', () => {
  it('names content types and keeps the page out of caches', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/x/a.CSS')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream')
    expect(cacheControlFor('/x/index.html')).toBe('no-store')
    expect(cacheControlFor('/x/app.js')).toBe('no-cache')
    expect(cacheControlFor('/x/assets/index-CQDbRhYF.js')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('C:\\app\\assets\\tinos-latin-400-normal-rilFpyjL.woff2')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/x/assets/logo.svg')).toBe('no-cache')
  })
})
