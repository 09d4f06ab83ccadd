// Shared by the browser-shell HTTP tests: a real server over a temp renderer folder, and raw
// requests (node:http sends the exact Host header and request target fetch would normalise).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type RunningServer } from '../../src/backend/http/server'
import type { Handlers } from '../../src/core/contract'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/domain'
import { WorkbenchError } from '../../src/core/errors'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] },
): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', fail)
      },
    )
    req.on('error', fail)
    // Chunks go out with Transfer-Encoding: chunked, so the server cannot rely on Content-Length.
    for (const chunk of options.chunks ?? []) req.write(chunk)
    req.end(options.body)
  })
}

export const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv'
export const SECRET = 'outside-the-renderer-folder'

export interface TestServer {
  server: RunningServer
  base: string
  /** Names of handlers that ran, to prove refused calls never reached one. */
  calls: string[]
  stop(): Promise<void>
}

/** A real server on port 0 over a temp renderer folder, with a secret file beside it. */
export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-http-'))
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Workbench</title>')
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")')
  writeFileSync(join(staticDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(join(dir, 'secret.txt'), SECRET)
  symlinkSync(join(dir, 'secret.txt'), join(staticDir, 'assets', 'link.txt'))

  const calls: string[] = []
  let settings: Settings = { ...DEFAULT_SETTINGS }
  // Only the methods these tests call; the HTTP layer never looks at the others.
  const handlers = {
    'app.info': () => {
      calls.push('app.info')
      return { version: '9.9.9', shell: 'browser' as const, dataDir: '/data' }
    },
    'settings.get': () => settings,
    'settings.update': (changes: Partial<Settings>) => {
      calls.push('settings.update')
      settings = { ...settings, ...changes }
      return settings
    },
    'reports.get': ({ id }: { id: number }) => {
      calls.push('reports.get')
      throw new WorkbenchError('not_found', `No report ${id}`)
    },
  } as Partial<Handlers> as Handlers

  const server = await createServer({ handlers, staticDir, token: TOKEN, port: 0 })
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    calls,
    stop: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
