// `window.workbench` is generated from the contract in both shells: every method must be
// reachable as workbench.<domain>.<verb>, and replies must unwrap into values or coded errors.
import { describe, expect, it } from 'vitest'
import { buildBridge, METHODS, unwrapBridge, type Method } from '../../src/core/contract'
import { WorkbenchError, type RpcReply } from '../../src/core/errors'

function recordingBridge(reply: (method: Method, args: unknown) => RpcReply<unknown>) {
  const calls: [Method, unknown][] = []
  const bridge = buildBridge(async (method, args) => {
    calls.push([method, args])
    return reply(method, args)
  })
  return { bridge, calls }
}

const lookup = (api: unknown, method: Method) => {
  const [domain, verb] = method.split('.') as [string, string]
  return (api as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>)[domain]![verb]!
}

describe('buildBridge', () => {
  it('exposes every contract method as domain.verb and nothing else', async () => {
    const { bridge, calls } = recordingBridge((method) => ({ ok: true, value: method }))
    const exposed = Object.entries(bridge as unknown as Record<string, Record<string, unknown>>).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}.${verb}`),
    )
    expect(exposed.sort()).toEqual([...METHODS].sort())
    for (const m of METHODS) {
      expect(await lookup(bridge, m)({ probe: m })).toEqual({ ok: true, value: m })
    }
    expect(calls.map(([m]) => m)).toEqual(METHODS)
    expect(calls.every(([m, args]) => (args as { probe: string }).probe === m)).toBe(true)
  })

  it('sends {} when called without arguments', async () => {
    const { bridge, calls } = recordingBridge(() => ({ ok: true, value: null }))
    await lookup(bridge, 'app.info')()
    expect(calls).toEqual([['app.info', {}]])
  })

  it('returns plain reply objects, which survive structured cloning (IPC, contextBridge)', async () => {
    const { bridge } = recordingBridge(() => ({ ok: false, error: { code: 'not_found', message: 'gone' } }))
    const reply = await lookup(bridge, 'reports.get')({ id: 1 })
    expect(structuredClone(reply)).toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } })
  })
})

describe('unwrapBridge', () => {
  it('resolves to the value of a successful reply', async () => {
    const { bridge } = recordingBridge((method) => ({ ok: true, value: { from: method } }))
    const api = unwrapBridge(bridge)
    for (const m of METHODS) expect(await lookup(api, m)({})).toEqual({ from: m })
  })

  it('throws a WorkbenchError carrying the code of a failed reply', async () => {
    const { bridge } = recordingBridge(() => ({ ok: false, error: { code: 'conflict', message: 'Đã có người sửa' } }))
    const api = unwrapBridge(bridge)
    const err = await api.proposals.update({ id: 1, patch: {} }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WorkbenchError)
    expect((err as WorkbenchError).name).toBe('WorkbenchError')
    expect((err as WorkbenchError).code).toBe('conflict')
    expect((err as WorkbenchError).message).toBe('Đã có người sửa')
  })
})
