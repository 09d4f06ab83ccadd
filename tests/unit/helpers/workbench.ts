// Opens real workbenches on temp dirs and calls them through the same dispatcher the
// shells use, checking each answer against the contract's result schema.
import { resolve } from 'node:path'
import { expect } from 'vitest'
import { contract, type Args, type Method, type Result } from '../../../src/core/contract'
import type { ErrorInfo } from '../../../src/core/errors'
import { dispatch } from '../../../src/backend/rpc'
import { openWorkbench, type Workbench } from '../../../src/backend/workbench'

export const BUNDLED_DATA_DIR = resolve('data')
export const TEST_HOST = { shell: 'browser', version: '0.0.0-test' } as const

export function openTestWorkbench(dataDir: string, bundledDataDir = BUNDLED_DATA_DIR): Workbench {
  return openWorkbench({ dataDir, bundledDataDir, host: TEST_HOST })
}

/** Calls a method and returns its value, failing the test on an error reply or a result off the contract. */
export async function callOk<M extends Method>(wb: Workbench, method: M, args: Args<M>): Promise<Result<M>> {
  const reply = await dispatch(wb.handlers, method, args)
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code}: ${reply.error.message}`)
  const checked = contract[method].result.safeParse(reply.value)
  if (!checked.success) throw new Error(`${method} returned a value off the contract: ${checked.error.message}`)
  return reply.value as Result<M>
}

/** Calls a method expected to fail (arguments may be deliberately wrong) and returns the error. */
export async function callError(wb: Workbench, method: string, args: unknown): Promise<ErrorInfo> {
  const reply = await dispatch(wb.handlers, method, args)
  expect(reply.ok, `${method} should have failed`).toBe(false)
  if (reply.ok) throw new Error('unreachable')
  return reply.error
}
