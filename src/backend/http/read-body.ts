// Reads a request body with a hard size limit, so a runaway client cannot make the
// server buffer more than the largest legitimate call (a pasted report).
import type { IncomingMessage } from 'node:http'
import { REPORT_TEXT_MAX_CHARS } from '../../core/domain'

/**
 * The largest report the contract accepts, written as JSON in the worst case (every code unit
 * escaped as \u00XX, 6 bytes; a Vietnamese letter takes 3), plus room for the other fields.
 */
export const MAX_BODY_BYTES = REPORT_TEXT_MAX_CHARS * 6 + 1024 * 1024

export type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' }

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too_large' })
  return new Promise((done) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: BodyResult) => {
      if (settled) return
      settled = true
      done(result)
    }
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        finish({ kind: 'too_large' })
      } else {
        chunks.push(chunk)
      }
    })
    req.on('end', () => finish({ kind: 'ok', body: Buffer.concat(chunks, size) }))
    req.on('error', () => finish({ kind: 'aborted' }))
    req.on('close', () => finish({ kind: 'aborted' }))
  })
}
