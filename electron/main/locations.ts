// Where the Electron app finds its data, its bundled sample data and its Electron-ABI
// build of better-sqlite3, from sources (`npm start`) and when packaged.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app } from 'electron'
import { findDataDirArg } from '../../src/backend/cli-args'

export interface AppLocations {
  dataDir: string
  bundledDataDir: string
  /** The fonts embedded in exported minutes. */
  fontsDir: string
  /** Absent from sources when .native/ has no build for this Electron: the Node build is tried. */
  nativeBinding?: string
  rendererDir: string
  preload: string
}

export function appLocations(argv: readonly string[] = process.argv): AppLocations {
  const builtDir = join(import.meta.dirname, '..') // out/, next to out/main/index.js
  const nativeName = join(`electron-${process.versions.electron}`, 'better_sqlite3.node')
  const nativeBinding = app.isPackaged
    ? join(process.resourcesPath, 'native', nativeName)
    : join(app.getAppPath(), '.native', nativeName)
  return {
    dataDir: findDataDirArg(argv.slice(1)) ?? join(app.getPath('userData'), 'data'),
    bundledDataDir: app.isPackaged ? join(process.resourcesPath, 'data') : join(app.getAppPath(), 'data'),
    fontsDir: app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'resources', 'fonts'),
    nativeBinding: app.isPackaged || existsSync(nativeBinding) ? nativeBinding : undefined,
    rendererDir: join(builtDir, 'renderer'),
    preload: join(builtDir, 'preload', 'index.cjs'),
  }
}
