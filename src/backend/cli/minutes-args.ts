// Flags of the minutes command line, parsed strictly with zod: a mistyped flag stops the
// program with one clear line instead of exporting the wrong meeting or format.
import { extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { MinutesFormat, MinutesKind } from '../../core/meeting-domain'

export const MINUTES_USAGE =
  'Usage: npm run minutes -- [--data-dir DIR] --meeting ID|latest --kind bienban|thongbao --format pdf|docx --out FILE'

export class MinutesArgsError extends Error {
  override name = 'MinutesArgsError'
}

const MinutesArgs = z
  .object({
    dataDir: z
      .string()
      .trim()
      .min(1, '--data-dir needs a directory')
      .transform((dir) => resolve(dir))
      .optional(),
    meeting: z
      .string({ error: '--meeting is required (a meeting id or "latest")' })
      .trim()
      .regex(/^(latest|[1-9]\d{0,15})$/, '--meeting must be a meeting id (a positive whole number) or "latest"')
      .transform((m) => (m === 'latest' ? ('latest' as const) : Number(m))),
    kind: z.string({ error: '--kind is required (bienban or thongbao)' }),
    format: z.string({ error: '--format is required (pdf or docx)' }),
    out: z
      .string({ error: '--out is required (the file to write)' })
      .trim()
      .min(1, '--out needs a file name')
      .transform((file) => resolve(file)),
  })
  .superRefine((a, ctx) => {
    if (!MinutesKind.safeParse(a.kind).success) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `--kind must be bienban or thongbao, not "${a.kind}"` })
    }
    if (!MinutesFormat.safeParse(a.format).success) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: `--format must be pdf or docx, not "${a.format}"` })
    } else if (extname(a.out).toLowerCase() !== `.${a.format}`) {
      ctx.addIssue({ code: 'custom', path: ['out'], message: `--out must end in .${a.format} for --format ${a.format}` })
    }
  })
  .transform((a) => ({ ...a, kind: a.kind as MinutesKind, format: a.format as MinutesFormat }))

export type MinutesArgs = z.output<typeof MinutesArgs>

/** Parses the flags; `--help` alone is enough. Throws MinutesArgsError with one line. */
export function parseMinutesArgs(argv: readonly string[]): MinutesArgs | { help: true } {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        meeting: { type: 'string' },
        kind: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    throw new MinutesArgsError(err instanceof Error ? err.message : String(err))
  }
  if (values.help === true) return { help: true }
  const parsed = MinutesArgs.safeParse({
    dataDir: values['data-dir'],
    meeting: values.meeting,
    kind: values.kind,
    format: values.format,
    out: values.out,
  })
  if (!parsed.success) throw new MinutesArgsError(parsed.error.issues.map((i) => i.message).join('; '))
  return parsed.data
}
