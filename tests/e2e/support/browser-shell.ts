// Starts the browser shell (`src/backend/serve.ts`) as a child process, exactly as
// `npm run serve` does after its build step, and waits for its ready line.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

export const READY_LINE = /^Workbench ready: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/m

export interface RunningShell {
  url: string
  port: number
  token: string
  stop(): Promise<void>
}

export async function startBrowserShell(dataDir: string, port = 0): Promise<RunningShell> {
  const tsx = resolve('node_modules/.bin/tsx')
  const child = spawn(tsx, ['src/backend/serve.ts', '--data-dir', dataDir, '--port', String(port)], {
    cwd: resolve('.'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  let out = ''
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const match = await new Promise<RegExpMatchArray>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser shell did not start in 30 s:\n${out}\n${err}`)), 30_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = out.match(READY_LINE)
      if (m) {
        clearTimeout(timer)
        ok(m)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`browser shell exited with ${code}:\n${out}\n${err}`))
    })
  })
  return {
    url: match[0].slice('Workbench ready: '.length),
    port: Number(match[1]),
    token: match[2]!,
    stop: () => stopChild(child),
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      done()
    })
    child.kill('SIGTERM')
  })
}
