// The Node side of renderer tests that run against a real workbench on a fresh temp dir
// (loaded by path from renderer-meetings-store.test.ts, so the web typecheck never sees it).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
export { dispatch } from '../../../src/backend/rpc'
export { openTestWorkbench } from './workbench'

export const makeTempDir = (): string => mkdtempSync(join(tmpdir(), 'workbench-renderer-'))
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true })
