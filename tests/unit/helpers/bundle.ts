// Copies of the bundled data directory that a test may break on purpose.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLED_DATA_DIR } from './workbench'

/** Copies data/ into `dir` and returns the path of the default sample's checklist.json there. */
export function copyBundle(dir: string): { bundleDir: string; checklistFile: string } {
  const bundleDir = join(dir, 'bundle')
  cpSync(BUNDLED_DATA_DIR, bundleDir, { recursive: true })
  const manifest = JSON.parse(readFileSync(join(bundleDir, 'manifest.json'), 'utf8')) as { defaultSample: string }
  return { bundleDir, checklistFile: join(bundleDir, manifest.defaultSample, 'checklist.json') }
}

export function editJson<T>(file: string, edit: (value: T) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as T
  edit(value)
  writeFileSync(file, JSON.stringify(value, null, 2))
}
