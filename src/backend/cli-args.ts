// Command-line flags of the browser shell, parsed strictly: a mistyped flag must stop the
// program with a clear message instead of silently opening the wrong data directory.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'

export const SERVE_USAGE = 'Usage: npm run serve -- [--data-dir DIR] [--port N]'

export class CliArgsError extends Error {
  override name = 'CliArgsError'
}

const ServeArgs = z.object({
  dataDir: z
    .string()
    .trim()
    .min(1, '--data-dir needs a directory')
    .transform((dir) => resolve(dir))
    .optional(),
  port: z
    .string()
    .regex(/^\d{1,5}$/, '--port must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65_535, '--port must be at most 65535'))
    .default(0),
  help: z.boolean().default(false),
})
export type ServeArgs = z.output<typeof ServeArgs>

/** Parses `--data-dir DIR` / `--data-dir=DIR`, `--port N` and `--help`; anything else is refused. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    throw new CliArgsError(err instanceof Error ? err.message : String(err))
  }
  const parsed = ServeArgs.safeParse({ dataDir: values['data-dir'], port: values.port, help: values.help })
  if (!parsed.success) throw new CliArgsError(parsed.error.issues.map((i) => i.message).join('; '))
  return parsed.data
}

/**
 * Finds `--data-dir` among arguments that also hold flags meant for someone else (Electron
 * and Chromium add their own), so unknown flags are ignored here.
 */
export function findDataDirArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--data-dir=')) return nonEmptyDir(arg.slice('--data-dir='.length))
    if (arg === '--data-dir') return nonEmptyDir(argv[i + 1])
  }
  return undefined
}

function nonEmptyDir(value: string | undefined): string | undefined {
  const dir = value?.trim()
  if (!dir || dir.startsWith('--')) throw new CliArgsError('--data-dir needs a directory')
  return resolve(dir)
}
