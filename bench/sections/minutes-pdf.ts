// Minutes export speed: PDF through headless Chromium (one browser reused, as the browser shell
// and the command line do) for the Kỳ Sơn sample meeting and for a generated meeting with 100
// agenda items and 1,000 entries, each the median of 5 exports through the contract.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { dispatch } from '../../src/backend/rpc'
import { openWorkbench, type Workbench } from '../../src/backend/workbench'
import { createLongMeeting } from '../meeting-fixture'
import { median, type BenchRow } from '../table'

export const name = 'minutes-pdf'

const RUNS = 5

async function exportOnce(wb: Workbench, meetingId: number, kind: 'bienban' | 'thongbao', format: 'pdf' | 'docx'): Promise<{ ms: number; bytes: Buffer }> {
  const started = performance.now()
  const reply = await dispatch(wb.handlers, 'minutes.export', { meetingId, kind, format })
  const ms = performance.now() - started
  if (!reply.ok) throw new Error(reply.error.message)
  return { ms, bytes: Buffer.from((reply.value as { base64: string }).base64, 'base64') }
}

async function medianOf(wb: Workbench, meetingId: number, kind: 'bienban' | 'thongbao', format: 'pdf' | 'docx') {
  const times: number[] = []
  let bytes: Buffer = Buffer.alloc(0)
  for (let i = 0; i < RUNS; i++) ({ ms: times[i], bytes } = await exportOnce(wb, meetingId, kind, format))
  return { ms: median(times), bytes }
}

/** Pages of a Chromium PDF: one /Type /Page object each. */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-minutes-'))
  const wb = openWorkbench({ dataDir: join(dir, 'data'), bundledDataDir: resolve('data'), host: { shell: 'browser', version: 'bench' } })
  try {
    const cold = await exportOnce(wb, 1, 'bienban', 'pdf')
    const sampleBienban = await medianOf(wb, 1, 'bienban', 'pdf')
    const sampleThongbao = await medianOf(wb, 1, 'thongbao', 'pdf')
    const long = await createLongMeeting(wb, { reportId: 1, items: 100, entries: 1_000 })
    const longPdf = await medianOf(wb, long.id, 'bienban', 'pdf')
    const longDocx = await medianOf(wb, long.id, 'bienban', 'docx')
    return [
      {
        figure: 'PDF, sample meeting biên bản (Chromium running)',
        median: seconds(sampleBienban.ms),
        target: '< 1.5 s',
        note: `${pagesOf(sampleBienban.bytes)} pages; first export with Chromium start-up ${seconds(cold.ms)}`,
      },
      { figure: 'PDF, sample meeting thông báo (Chromium running)', median: seconds(sampleThongbao.ms), target: '< 1.5 s', note: `${pagesOf(sampleThongbao.bytes)} pages` },
      { figure: 'PDF, 100 agenda items / 1,000 entries biên bản', median: seconds(longPdf.ms), target: '< 5 s', note: `${pagesOf(longPdf.bytes)} pages` },
      { figure: 'DOCX, 100 agenda items / 1,000 entries biên bản', median: seconds(longDocx.ms), target: '—', note: `${Math.round(longDocx.bytes.byteLength / 1024)} KB` },
    ]
  } finally {
    await wb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
