// Runs the real browser shell (`tsx src/backend/serve.ts`) as `npm run serve` does after its
// build step: one ready line on stdout, a working RPC with the printed token, a clean exit.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const READY_LINE = /^Workbench ready: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/
const TSX = resolve('node_modules/.bin/tsx')
const SERVE = resolve('src/backend/serve.ts')

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-serve-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('serve.ts as a process', () => {
  it('prints one ready line, answers app.info with the token, and stops on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'fresh data')
    const child = spawn(TSX, [SERVE, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    try {
      const ready = await new Promise<RegExpMatchArray>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ready line in 30 s\n${stdout}\n${stderr}`)), 30_000)
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString()
          const line = stdout.split('\n')[0]!
          const match = READY_LINE.exec(line)
          if (match && stdout.includes('\n')) {
            clearTimeout(timer)
            done(match)
          }
        })
        child.on('exit', (code) => fail(new Error(`serve exited with ${code}\n${stdout}\n${stderr}`)))
      })
      const [, port, token] = ready
      expect(token!.length).toBeGreaterThanOrEqual(43) // 32 random bytes in base64url

      const res = await fetch(`http://127.0.0.1:${port}/rpc/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      })
      expect(res.status).toBe(200)
      const reply = (await res.json()) as { ok: boolean; value: { shell: string; dataDir: string; version: string } }
      expect(reply.ok).toBe(true)
      expect(reply.value.shell).toBe('browser')
      expect(reply.value.dataDir).toBe(dataDir)
      expect(reply.value.version).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version)
      expect(existsSync(dataDir)).toBe(true)

      const unauthorized = await fetch(`http://127.0.0.1:${port}/rpc/app.info`, { method: 'POST', body: '{}' })
      expect(unauthorized.status).toBe(401)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
  }, 60_000)

  it('uses a new token at every launch', async () => {
    const dataDir = tempDir()
    const tokens: string[] = []
    for (let i = 0; i < 2; i++) {
      const child = spawn(TSX, [SERVE, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
      const line = await new Promise<string>((done, fail) => {
        let out = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          if (out.includes('\n')) done(out.split('\n')[0]!)
        })
        child.on('exit', (code) => fail(new Error(`exited with ${code}`)))
      })
      tokens.push(READY_LINE.exec(line)![2]!)
      const exited = new Promise((done) => child.on('exit', done))
      child.kill('SIGINT')
      await exited
    }
    expect(tokens[0]).not.toBe(tokens[1])
  }, 60_000)

  it('exits 2 with a clear message on an unknown flag', () => {
    const run = spawnSync(TSX, [SERVE, '--datadir', tempDir()], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/--datadir/)
    expect(run.stderr).toMatch(/Usage: npm run serve/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 1 with one line and leaves a foreign database file untouched', () => {
    const dataDir = tempDir()
    const foreign = join(dataDir, 'workbench.sqlite')
    writeFileSync(foreign, 'not a database, keep me')
    const run = spawnSync(TSX, [SERVE, '--data-dir', dataDir], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/workbench\.sqlite/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(foreign, 'utf8')).toBe('not a database, keep me')
  })
})
