// Writes every response of the browser shell, so no path can forget the security headers.
import type { ServerResponse } from 'node:http'
import type { ErrorCode } from '../../core/errors'
import { SECURITY_HEADERS } from './security'

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  })
  res.end(payload)
}

/** An RpcReply-shaped refusal, so the renderer handles transport errors like call errors. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extraHeaders)
}
