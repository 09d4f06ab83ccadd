// Why an import is refused: one stable key per case, sent as the error message so the
// renderer can say it in the user's language (importer.refused.<key>). Nothing is stored.
import { WorkbenchError } from '../../core/errors'

export const REFUSALS = [
  'empty',
  'binary',
  'damaged',
  'encrypted',
  'scanned',
  'tooLarge',
  'unsupported',
  'cancelled',
] as const
export type Refusal = (typeof REFUSALS)[number]

export const REFUSAL_PREFIX = 'import.'

export function refuse(key: Refusal): never {
  throw new WorkbenchError('bad_request', `${REFUSAL_PREFIX}${key}`)
}

export function isRefusal(err: unknown, key?: Refusal): boolean {
  return err instanceof WorkbenchError && err.message.startsWith(REFUSAL_PREFIX) && (!key || err.message === REFUSAL_PREFIX + key)
}
