// Where the workbench keeps its data when no --data-dir is given. The browser shell uses the
// same folder as the Electron app, so both shells open the same database on one machine.
import { homedir } from 'node:os'
import { join, posix, resolve, win32 } from 'node:path'

/** Must equal package.json "productName": Electron derives app.getPath('userData') from it. */
export const PRODUCT_NAME = 'Planning Review Workbench'

/** The per-user application-data folder of this OS (what Electron calls `appData`). */
export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir()
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || posix.join(home, '.config')
}

/** `<appData>/Planning Review Workbench/data`, i.e. Electron's `userData/data`. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const path = platform === 'win32' ? win32 : posix
  return path.join(appDataDir(platform, env), PRODUCT_NAME, 'data')
}

/** The repository root when running from sources: this file sits at src/backend/. */
export function repoRoot(): string {
  return resolve(import.meta.dirname, '..', '..')
}

/** Sample report, sector taxonomy and starter checklist shipped with the sources. */
export function bundledDataDir(): string {
  return join(repoRoot(), 'data')
}

/** The built renderer that the browser shell serves. */
export function rendererDir(): string {
  return join(repoRoot(), 'out', 'renderer')
}
