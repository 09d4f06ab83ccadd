// Entry point of the browser shell (`npm run serve`): opens the workbench, serves the built
// renderer and the RPC endpoint on 127.0.0.1, and prints the one line a user or test needs.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { WorkbenchError } from '../core/errors'
import { CliArgsError, parseServeArgs, SERVE_USAGE } from './cli-args'
import { createServer } from './http/server'
import { bundledDataDir, defaultDataDir, rendererDir, repoRoot } from './paths'
import { DamagedDatabaseError } from './db/preflight'
import { offerBackup, startNotices } from './storage/start-notices'
import { openWorkbench, type Workbench } from './workbench'

// stdout carries exactly one machine-read line (the ready line); every other log goes to stderr.
console.log = console.error
console.info = console.error

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`)
  process.exit(exitCode)
}

function appVersion(): string {
  const pkg = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')))
  return pkg.version
}

async function main(): Promise<void> {
  let args
  try {
    args = parseServeArgs(process.argv.slice(2))
  } catch (err) {
    if (err instanceof CliArgsError) fail(`${err.message}\n${SERVE_USAGE}`, 2)
    throw err
  }
  if (args.help) {
    process.stderr.write(`${SERVE_USAGE}\n`)
    return
  }

  const dataDir = args.dataDir ?? defaultDataDir()
  let workbench: Workbench
  try {
    workbench = openWorkbench({
      dataDir,
      bundledDataDir: bundledDataDir(),
      host: { shell: 'browser', version: appVersion() },
      lockOwner: 'the browser shell',
    })
  } catch (err) {
    if (err instanceof DamagedDatabaseError) fail(`${err.message}\n${offerBackup(dataDir)}`, 1)
    if (err instanceof WorkbenchError) fail(err.message, 1)
    fail(`Could not open the data directory ${dataDir}: ${err instanceof Error ? err.message : String(err)}`, 1)
  }

  const staticDir = rendererDir()
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`Warning: ${staticDir}/index.html is missing; run "npx electron-vite build" (npm run serve does it for you).`)
  }

  const token = randomBytes(32).toString('base64url')
  let server
  try {
    server = await createServer({
      handlers: workbench.handlers,
      staticDir,
      token,
      host: '127.0.0.1',
      port: args.port,
      subscribeChanges: workbench.onChange,
    })
  } catch (err) {
    workbench.close()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') fail(`Port ${args.port} is already in use; choose another with --port or use --port 0.`, 1)
    fail(`Could not start the server: ${err instanceof Error ? err.message : String(err)}`, 1)
  }

  console.error(`Data directory: ${workbench.dataDir}`)
  for (const line of startNotices(workbench)) console.error(line)
  process.stdout.write(`Workbench ready: http://127.0.0.1:${server.port}/?token=${token}\n`)
  // While the page loads its script, read what it will ask for first.
  setImmediate(() => workbench.warmUp())

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130) // a second Ctrl+C does not wait
    stopping = true
    console.error(`${signal}: shutting down`)
    server
      .close()
      .catch((err: unknown) => console.error('Closing the server failed:', err))
      .finally(() => {
        void workbench.close().finally(() => process.exit(0))
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => fail(`Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, 1))
