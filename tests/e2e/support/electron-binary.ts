// Finds the Electron binary without triggering electron's lazy download (which would
// fail, slowly, on machines without access to its download host).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export function installedElectronBinary(): string | null {
  const pkg = resolve('node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
