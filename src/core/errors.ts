// Errors that cross the IPC/HTTP boundary keep a stable code, so the UI can show
// them in the user's language and tests can assert on them.
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'storage_refused',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorInfo {
  code: ErrorCode
  message: string
}

export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'WorkbenchError'
  }
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}

/** What every shell sends back for one call. */
export type RpcReply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }
