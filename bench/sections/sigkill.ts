// Durability under SIGKILL: the browser shell is started on one data directory, sent a stream of
// writes (4 in flight at a time), and killed with SIGKILL at a random moment, ROUNDS times; after
// each round every write it acknowledged (HTTP 200) must be in the database file, the file must
// pass integrity_check, and the next start must take over the dead process's lock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startServe, type ServeProcess } from '../../tests/unit/helpers/serve-process'
import { makeRng } from '../corpus'
import type { BenchRow } from '../table'

export const name = 'sigkill'

const ROUNDS = Number(process.env.SIGKILL_ROUNDS ?? 20)
const IN_FLIGHT = 4

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-kill-'))
  const dataDir = join(dir, 'data')
  const rng = makeRng(26_05_2022)
  let acknowledged = 0
  let lost = 0
  let damaged = 0
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const shell = await startServe(dataDir)
      const reportId = ((await shell.rpc('reports.list')).body.value as { id: number }[])[0]!.id
      const sector = ((await shell.rpc('sectors.list')).body.value as { code: string }[])[0]!.code
      const acked: string[] = []
      let stop = false
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          const title = `Đề xuất thử r${round} l${lane} #${i}`
          try {
            const res = await shell.rpc('proposals.create', { reportId, sector, title })
            if (res.status === 200) acked.push(title)
            else if (res.status !== 200) throw new Error(`proposals.create answered ${res.status}: ${JSON.stringify(res.body)}`)
          } catch (err) {
            if (err instanceof Error && err.message.startsWith('proposals.create answered')) throw err
            return // the connection died with the process
          }
        }
      }
      const lanes = Array.from({ length: IN_FLIGHT }, (_, lane) => writer(lane))
      await new Promise((r) => setTimeout(r, 300 + rng() * 1200))
      shell.child.kill('SIGKILL')
      await shell.exited
      stop = true
      await Promise.all(lanes)
      acknowledged += acked.length
      const found = titlesIn(join(dataDir, 'workbench.sqlite'))
      lost += acked.filter((t) => !found.titles.has(t)).length
      if (!found.intact) damaged++
      await quiet(shell)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return [
    {
      figure: `SIGKILL of the browser shell during writes, ${ROUNDS} rounds`,
      median: `${lost} lost of ${acknowledged.toLocaleString('en')} acknowledged`,
      target: '0 lost, file intact',
      note: `${damaged} rounds with a failed integrity_check; each restart took over the dead process's lock`,
    },
  ]
}

function titlesIn(file: string): { titles: Set<string>; intact: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const intact = (db.pragma('integrity_check', { simple: true }) as string) === 'ok'
    const titles = new Set((db.prepare('SELECT title FROM proposals').all() as { title: string }[]).map((r) => r.title))
    return { titles, intact }
  } finally {
    db.close()
  }
}

async function quiet(shell: ServeProcess): Promise<void> {
  if (shell.child.exitCode === null && shell.child.signalCode === null) shell.child.kill('SIGKILL')
  await shell.exited
}
