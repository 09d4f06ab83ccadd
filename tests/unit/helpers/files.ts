// File fingerprints, to prove that a refused database was not altered in any way.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

export function hashIfExists(file: string): string | null {
  return existsSync(file) ? sha256(file) : null
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort()
}
