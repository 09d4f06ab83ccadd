// The Node side of renderer tests that run against a real workbench on a fresh temp dir
// (loaded by path from renderer-meetings-store.test.ts, so the web typecheck never sees it).
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
export { dispatch } from '../../../src/backend/rpc'
export { openTestWorkbench } from './workbench'

export const makeTempDir = (): string => mkdtempSync(join(tmpdir(), 'workbench-renderer-'))
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true })

export const moveDir = (from: string, to: string): void => renameSync(from, to)
/** The copies the storage guard rescues beside a data folder moved away under it. */
export const removeRescued = (dataDir: string): void => {
  for (const name of readdirSync(dirname(dataDir))) {
    if (name.startsWith(`${basename(dataDir)}-rescued-`)) rmSync(join(dirname(dataDir), name), { recursive: true, force: true })
  }
}
