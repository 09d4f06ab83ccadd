// Writes a file so that readers see either the old file or the complete new one: the bytes go
// to a temporary file beside the target, are flushed, then renamed over it. A failure leaves
// nothing half-written and no temporary file behind.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx', 0o644)
    let written = 0
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, path)
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, { force: true })
    throw err
  }
}
