// Errors that cross the IPC/HTTP boundary keep a stable code, so the UI can show
// them in the user's language and tests can assert on them.
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'storage_refused',
  /** The database file is no longer at its path (moved, deleted, replaced): writes are refused. */
  'storage_moved',
  /** The database (or its folder, or a side file) cannot be written. */
  'storage_readonly',
  /** The disk holding the database is full. */
  'storage_full',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorInfo {
  code: ErrorCode
  message: string
  /** With `conflict` from an edit of an outdated version: the record as it is now stored. */
  current?: unknown
}

export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly current?: unknown,
  ) {
    super(message)
    this.name = 'WorkbenchError'
  }
  toInfo(): ErrorInfo {
    return this.current === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, current: this.current }
  }
}

/** What every shell sends back for one call. */
export type RpcReply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }
