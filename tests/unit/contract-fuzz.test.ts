// Property-based calls to every contract method with arguments built from its own schema's keys
// and hostile values (wrong types, malformed dates, huge and negative numbers, paths): no call
// may end in a 5xx, and a refused call must leave the data exactly as it was.
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { dispatch, httpStatus } from '../../src/backend/rpc'
import { openWorkbench, type Workbench } from '../../src/backend/workbench'
import { contract, METHODS, type Method } from '../../src/core/contract'
import { useTempDirsOnce } from './helpers/temp-dirs'
import { BUNDLED_DATA_DIR, callOk } from './helpers/workbench'

const RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 20)

/** A minimal PDF so that valid minutes.export calls finish without launching Chromium. */
const TINY_PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

const hostile = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    1,
    2,
    3,
    -1,
    1.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    '',
    ' ',
    'soon',
    '2026-05-01',
    '2026-05-01T09:30',
    '2026-02-30T10:00',
    '2026-05-01T25:61',
    '26/05/2022',
    'pdf',
    'docx',
    'bienban',
    'thongbao',
    'note',
    'open',
    'done',
    '/etc/passwd',
    '../../outside.pdf',
    'C:\\Windows\\x.docx',
    'workbench-20260101-000000-daily.sqlite',
    'Đường xăng dầu',
    '\u0000',
    '__proto__',
  ),
  fc.integer({ min: -3, max: 40 }),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
)

const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    hostile,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 3 }),
  ),
})).v

/** Arguments shaped like the schema (its keys, nested objects and arrays) with hostile leaves. */
function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def
  const type = def.type as string
  if (depth > 4) return hostile
  if (type === 'optional' || type === 'nullable' || type === 'default' || type === 'readonly' || type === 'nonoptional') {
    return fc.oneof(shaped(def.innerType as z.ZodType, depth + 1), hostile)
  }
  if (type === 'pipe') return shaped(def.in as z.ZodType, depth + 1)
  if (type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>
    const record: Record<string, fc.Arbitrary<unknown>> = {}
    for (const [key, child] of Object.entries(shape)) record[key] = fc.oneof(shaped(child, depth + 1), hostile)
    return fc.record(record, { requiredKeys: [] })
  }
  if (type === 'array') return fc.array(shaped(def.element as z.ZodType, depth + 1), { maxLength: 4 })
  if (type === 'enum') return fc.oneof(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), hostile)
  if (type === 'union') return fc.oneof(...(def.options as z.ZodType[]).map((o) => shaped(o, depth + 1)))
  if (type === 'literal') return fc.oneof(fc.constantFrom(...(def.values as unknown[])), hostile)
  return hostile
}

function argsFor(method: Method): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: shaped(contract[method].args) }, { weight: 1, arbitrary: anyJson })
}

/** A fingerprint of every row of every table, read through a second connection to the file. */
function dataHash(): string {
  const hash = createHash('sha256')
  const tables = reader.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  for (const { name } of tables) {
    hash.update(name)
    for (const row of reader.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().iterate()) hash.update(JSON.stringify(row))
  }
  return hash.digest('hex')
}

const tempDir = useTempDirsOnce('workbench-fuzz-')
let wb: Workbench
let reader: Database.Database
/** The hash after the last refused call; an accepted call may change the data, so it clears it. */
let knownHash: string | null = null
const totals = { calls: 0, fiveHundreds: 0, refused: 0 }

beforeAll(async () => {
  wb = openWorkbench({
    dataDir: tempDir(),
    bundledDataDir: BUNDLED_DATA_DIR,
    host: { shell: 'browser', version: '0.0.0-test', printPdf: async () => TINY_PDF },
  })
  // A meeting with an agenda item, so that id 1 is a real target for the meeting methods.
  const reportId = (await callOk(wb, 'reports.list', {}))[0]!.id
  const proposalId = (await callOk(wb, 'proposals.list', { reportId }))[0]!.id
  const meeting = await callOk(wb, 'meetings.create', { reportId, title: 'Phiên họp thử' })
  await callOk(wb, 'meetings.setAgenda', { meetingId: meeting.id, proposalIds: [proposalId] })
  reader = new Database(wb.dbPath, { readonly: true, fileMustExist: true })
})
afterAll(async () => {
  reader?.close()
  await wb?.close()
  console.info(`[fuzz] ${totals.calls} calls over ${METHODS.length} methods, ${totals.refused} refused, ${totals.fiveHundreds} with a 5xx status`)
})

describe('every contract method refuses bad arguments with a 4xx and writes nothing', () => {
  it('answers the malformed date-times with 400', async () => {
    const end = await dispatch(wb.handlers, 'meetings.endItem', { agendaItemId: 1, at: 'soon' })
    expect(end.ok || httpStatus(end.error.code)).toBe(400)
    const create = await dispatch(wb.handlers, 'meetings.create', { reportId: 1, title: 'x', startedAt: '2026-05-01' })
    expect(create.ok || httpStatus(create.error.code)).toBe(400)
    if (!create.ok) expect(create.error.message).toContain('YYYY-MM-DDTHH:MM')
  })

  it.each(METHODS.map((m) => [m]))('%s', async (method) => {
    await fc.assert(
      fc.asyncProperty(argsFor(method), async (args) => {
        const before = knownHash ?? dataHash()
        const reply = await dispatch(wb.handlers, method, args)
        totals.calls++
        const status = reply.ok ? 200 : httpStatus(reply.error.code)
        if (status >= 500) totals.fiveHundreds++
        expect(status, `${method} ${JSON.stringify(args)} → ${JSON.stringify(reply)}`).toBeLessThan(500)
        if (!reply.ok) {
          totals.refused++
          expect(reply.error.message.length).toBeGreaterThan(0)
          knownHash = dataHash()
          expect(knownHash, `${method} ${JSON.stringify(args)} was refused but changed the data`).toBe(before)
        } else {
          knownHash = null
        }
      }),
      { numRuns: RUNS_PER_METHOD },
    )
  }, 180_000)
})
