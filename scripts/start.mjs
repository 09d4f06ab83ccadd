// `npm start`: runs the Electron app from the sources. Where Electron's binary is missing
// and cannot be downloaded, says so in one sentence and points to the browser shell.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildNativeForElectron, nativeBindingPath } from './build-native-electron.mjs'
import { ensureBuild, repoDir } from './ensure-build.mjs'

const require = createRequire(join(repoDir, 'package.json'))
const NO_ELECTRON =
  'Electron could not be started on this machine (its binary is not installed and could not be downloaded); run the app in your browser with: npm run serve'

/** The path electron's own index.js would return, found without its noisy lazy download. */
function installedElectron() {
  let pkgDir
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(pkgDir, 'path.txt')
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  // Same rule as electron's index.js: an override folder needs no path.txt.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override ? join(override, relativeBinary || 'electron') : relativeBinary && join(pkgDir, 'dist', relativeBinary)
  return binary && existsSync(binary) ? binary : null
}

/** Electron ≥ 42 downloads its binary at first use; try that once, quietly (a note only if it takes a while). */
async function downloadElectron() {
  let installer
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js')
  } catch {
    return null
  }
  const child = spawn(process.execPath, [installer], { stdio: 'ignore', timeout: 10 * 60_000 })
  const note = setTimeout(() => process.stderr.write('Downloading the Electron binary…\n'), 2_000)
  await new Promise((done) => child.on('close', done).on('error', done))
  clearTimeout(note)
  return installedElectron()
}

async function main() {
  const electron = installedElectron() ?? (await downloadElectron())
  if (!electron) {
    process.stderr.write(`${NO_ELECTRON}\n`)
    return 1
  }
  if (!existsSync(nativeBindingPath())) {
    process.stderr.write('Building the database engine for Electron (one time)…\n')
    const native = buildNativeForElectron()
    if (!native.ok) {
      process.stderr.write(`${native.message}\n`)
      return 1
    }
  }
  if (!ensureBuild()) return 1

  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE // would turn the app into a plain Node process
  const child = spawn(electron, [repoDir, ...process.argv.slice(2)], { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  return null
}

const exitCode = await main()
if (exitCode !== null) process.exitCode = exitCode
