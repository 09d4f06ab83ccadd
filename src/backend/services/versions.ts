// Refuses an edit made on an outdated copy of a record: the caller names the version it
// edited, and when the stored one has moved on the edit is a `conflict` that carries the
// record as it now is, so the user sees the other change and can re-apply their own.
import { WorkbenchError } from '../../core/errors'

export function requireVersion(
  what: string,
  stored: { version: number },
  expectedVersion: number | undefined,
  current: () => unknown,
): void {
  if (expectedVersion === undefined || expectedVersion === stored.version) return
  throw new WorkbenchError(
    'conflict',
    `${what} was changed elsewhere (now version ${stored.version}, edited from version ${expectedVersion})`,
    current(),
  )
}
