// `npm run minutes`: exports a meeting's biên bản or thông báo to PDF or DOCX from the command
// line. The data directory is created and seeded when new, like every entry point. The file is
// written atomically. Exit codes: 0 written, 1 other failure, 2 bad flags, 3 no such meeting,
// 4 the output cannot be written.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { Args, Method, Result } from '../../core/contract'
import { WorkbenchError } from '../../core/errors'
import { writeFileAtomic } from '../atomic-file'
import { bundledDataDir, defaultDataDir, repoRoot } from '../paths'
import { dispatch } from '../rpc'
import { openWorkbench, type Workbench } from '../workbench'
import { MINUTES_USAGE, MinutesArgsError, parseMinutesArgs, type MinutesArgs } from './minutes-args'

export const EXIT = { ok: 0, failed: 1, usage: 2, noMeeting: 3, unwritable: 4 } as const

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
  }
}

async function call<M extends Method>(wb: Workbench, method: M, args: Args<M>): Promise<Result<M>> {
  const reply = await dispatch(wb.handlers, method, args)
  if (!reply.ok) throw new WorkbenchError(reply.error.code, reply.error.message)
  return reply.value as Result<M>
}

/** The output's folder must exist and be writable before anything is opened or printed. */
function checkOutput(out: string): void {
  const dir = dirname(out)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliFailure(`Cannot write ${out}: the folder ${dir} does not exist`, EXIT.unwritable)
  if (existsSync(out) && statSync(out).isDirectory()) throw new CliFailure(`Cannot write ${out}: it is a folder`, EXIT.unwritable)
  try {
    accessSync(dir, constants.W_OK)
  } catch {
    throw new CliFailure(`Cannot write ${out}: the folder ${dir} is not writable`, EXIT.unwritable)
  }
}

async function resolveMeetingId(wb: Workbench, meeting: MinutesArgs['meeting']): Promise<number> {
  if (meeting !== 'latest') {
    try {
      return (await call(wb, 'meetings.get', { id: meeting })).id
    } catch (err) {
      if (err instanceof WorkbenchError && err.code === 'not_found') throw new CliFailure(`Meeting ${meeting} does not exist`, EXIT.noMeeting)
      throw err
    }
  }
  const all = []
  for (const report of await call(wb, 'reports.list', {})) all.push(...(await call(wb, 'meetings.list', { reportId: report.id })))
  const latest = all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id)[0]
  if (!latest) throw new CliFailure('There is no meeting in this data directory', EXIT.noMeeting)
  return latest.id
}

export async function runMinutesCli(argv: readonly string[]): Promise<{ exitCode: number; message: string }> {
  let args: MinutesArgs
  try {
    const parsed = parseMinutesArgs(argv)
    if ('help' in parsed) return { exitCode: EXIT.ok, message: MINUTES_USAGE }
    args = parsed
  } catch (err) {
    if (err instanceof MinutesArgsError) return { exitCode: EXIT.usage, message: `${err.message} (npm run minutes -- --help shows the usage)` }
    throw err
  }

  let wb: Workbench | undefined
  try {
    checkOutput(args.out)
    wb = openWorkbench({ dataDir: args.dataDir ?? defaultDataDir(), bundledDataDir: bundledDataDir(), host: { shell: 'browser', version: appVersion() }, lockOwner: 'the minutes command' })
    const meetingId = await resolveMeetingId(wb, args.meeting)
    const file = await call(wb, 'minutes.export', { meetingId, kind: args.kind, format: args.format })
    const bytes = Buffer.from(file.base64!, 'base64')
    try {
      writeFileAtomic(args.out, bytes)
    } catch (err) {
      throw new CliFailure(`Cannot write ${args.out}: ${(err as Error).message}`, EXIT.unwritable)
    }
    // A signer without a name is a warning (the name is left blank to fill in), not a failure.
    if (file.missingSigners.length) process.stderr.write(`Warning: no signer name yet for ${file.missingSigners.join(', ')}\n`)
    return { exitCode: EXIT.ok, message: `Wrote ${args.out} (${bytes.byteLength} bytes, meeting ${meetingId}, ${args.kind})` }
  } catch (err) {
    if (err instanceof CliFailure) return { exitCode: err.exitCode, message: err.message }
    if (err instanceof WorkbenchError) return { exitCode: EXIT.failed, message: err.message }
    return { exitCode: EXIT.failed, message: `Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` }
  } finally {
    await wb?.close()
  }
}

function appVersion(): string {
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'))).version
}

const isMain = process.argv[1] !== undefined && import.meta.filename === process.argv[1]
if (isMain) {
  // stdout carries the one result line; logs go to stderr.
  console.log = console.error
  console.info = console.error
  const { exitCode, message } = await runMinutesCli(process.argv.slice(2))
  ;(exitCode === EXIT.ok ? process.stdout : process.stderr).write(`${message}\n`)
  process.exitCode = exitCode
}
