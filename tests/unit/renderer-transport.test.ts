// The browser shell's client side: every HTTP outcome becomes an RpcReply, and the launch
// token moves from the address into session storage.
import { describe, expect, it } from 'vitest'
import { takeLaunchToken } from '../../src/renderer/api/launchToken'
import { createHttpCall } from '../../src/renderer/api/transport'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('createHttpCall', () => {
  it('posts JSON with the bearer token and returns the reply', async () => {
    let seen: { url: string; init: RequestInit } | null = null
    const call = createHttpCall(async (url, init) => {
      seen = { url, init }
      return json(200, { ok: true, value: [1, 2] })
    }, 'tok')
    expect(await call('reports.list', {})).toEqual({ ok: true, value: [1, 2] })
    expect(seen!.url).toBe('/rpc/reports.list')
    expect(seen!.init.method).toBe('POST')
    expect((seen!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok')
    expect(seen!.init.body).toBe('{}')
  })

  it('passes error replies through with their code', async () => {
    const call = createHttpCall(async () => json(401, { ok: false, error: { code: 'unauthorized', message: 'no' } }), 'x')
    expect(await call('settings.get', {})).toEqual({ ok: false, error: { code: 'unauthorized', message: 'no' } })
  })

  it('turns network failures and non-JSON answers into internal errors', async () => {
    const down = createHttpCall(async () => {
      throw new TypeError('Failed to fetch')
    }, 'x')
    const r1 = await down('settings.get', {})
    expect(r1.ok).toBe(false)
    if (!r1.ok) expect(r1.error).toMatchObject({ code: 'internal', message: expect.stringContaining('Failed to fetch') })

    const html = createHttpCall(async () => new Response('<html>', { status: 502 }), 'x')
    const r2 = await html('settings.get', {})
    expect(r2.ok).toBe(false)
    if (!r2.ok) expect(r2.error).toMatchObject({ code: 'internal', message: expect.stringContaining('502') })

    const odd = createHttpCall(async () => json(200, { hello: 1 }), 'x')
    expect((await odd('settings.get', {})).ok).toBe(false)
  })
})

describe('takeLaunchToken', () => {
  const memory = () => {
    const data = new Map<string, string>()
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
  }

  it('reads the token once, stores it and removes it from the address', () => {
    const storage = memory()
    let replaced = ''
    expect(takeLaunchToken('http://127.0.0.1:5199/?token=abc&x=1#h', storage, (u) => (replaced = u))).toBe('abc')
    expect(replaced).toBe('/?x=1#h')
    expect(takeLaunchToken('http://127.0.0.1:5199/', storage, () => {
      throw new Error('the address has no token to remove')
    })).toBe('abc')
  })

  it('prefers a new token in the address to the stored one', () => {
    const storage = memory()
    storage.setItem('workbench.token', 'old')
    expect(takeLaunchToken('http://127.0.0.1:1/?token=new', storage, () => {})).toBe('new')
    expect(takeLaunchToken('http://127.0.0.1:1/', storage, () => {})).toBe('new')
  })

  it('returns null when there is no token anywhere', () => {
    expect(takeLaunchToken('http://127.0.0.1:1/', memory(), () => {})).toBeNull()
  })
})
