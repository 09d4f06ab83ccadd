// Starts the real browser shell (`tsx src/backend/serve.ts`) on a data directory and waits for its
// ready line (one node process, so its pid is the lock's and a SIGKILL hits the shell itself); for tests that need a second process, a kill, or the exit message.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const READY_LINE = /^Workbench ready: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/m
const SERVE = resolve('src/backend/serve.ts')

export interface ServeProcess {
  child: ChildProcess
  port: number
  token: string
  stderr: () => string
  exited: Promise<number | null>
  rpc(method: string, args?: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>
}

/** Resolves when the ready line arrives; rejects with the exit code and stderr when the shell stops first. */
export function startServe(dataDir: string, as: { uid?: number; gid?: number } = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], ...as })
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new ServeExit(null, `no ready line in 40 s\n${stderr}`)), 40_000)
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString()
      const match = READY_LINE.exec(stdout)
      if (!match) return
      clearTimeout(timer)
      const port = Number(match[1])
      const token = match[2]!
      ready({
        child,
        port,
        token,
        stderr: () => stderr,
        exited,
        rpc: async (method, args = {}) => {
          const res = await fetch(`http://127.0.0.1:${port}/rpc/${method}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(args),
          })
          return { status: res.status, body: (await res.json()) as never }
        },
      })
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new ServeExit(code, stderr))
    })
  })
}

export class ServeExit extends Error {
  constructor(
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`serve exited with ${code}: ${stderr}`)
  }
}

export async function stopServe(p: ServeProcess): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM')
  await p.exited
}
