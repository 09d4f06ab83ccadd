// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, beside (never
// over) node_modules/better-sqlite3/build, which stays the Node build the tests use. The
// Electron main picks the file matching process.versions.electron; packaging ships it.
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const repoDir = resolve(import.meta.dirname, '..')
const require = createRequire(join(repoDir, 'package.json'))

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
}

export function nativeBindingPath(version = electronVersion(), root = repoDir) {
  return join(root, '.native', `electron-${version}`, 'better_sqlite3.node')
}

/**
 * Child environment without the settings that redirect a rebuild: npm exports ~/.npmrc's
 * `nodedir=/usr` as npm_config_nodedir, which makes node-gyp silently compile against
 * Node's headers instead of Electron's.
 */
function cleanEnv() {
  const dropped = /^(npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)|nodedir)$/i
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.test(key)))
}

/**
 * Loads the addon in this Node to learn which ABI it was compiled for. A file that loads
 * here is a Node build, whatever the build tools claimed.
 */
export function checkElectronAbi(file, electronPkgDir = dirname(require.resolve('electron/package.json'))) {
  const probe = `try { process.dlopen({ exports: {} }, ${JSON.stringify(file)}); console.log('LOADED') } catch (e) { console.log(e.message) }`
  const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout ?? ''
  if (out.includes('LOADED')) return { ok: false, reason: `it is a Node.js build (ABI ${process.versions.modules}), not an Electron build` }
  const built = /NODE_MODULE_VERSION (\d+)/.exec(out)?.[1]
  if (!built) return { ok: false, reason: `it could not be inspected: ${out.trim().split('\n')[0]}` }
  const abiFile = join(electronPkgDir, 'abi_version')
  const expected = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null
  if (expected && built !== expected) return { ok: false, reason: `it was built for ABI ${built}, Electron needs ${expected}` }
  return { ok: true, abi: built }
}

function run(label, command, args, cwd, log, timeoutMs) {
  appendFileSync(log, `\n$ ${label}: ${command} ${args.join(' ')}\n`)
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 })
  appendFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}\nexit ${result.status}\n`)
  return result.status === 0
}

export function buildNativeForElectron({ force = false } = {}) {
  const version = electronVersion()
  const target = nativeBindingPath(version)
  if (existsSync(target) && !force) return { ok: true, target, message: `already built: ${relative(repoDir, target)}` }

  mkdirSync(join(repoDir, '.native'), { recursive: true })
  const log = join(repoDir, '.native', `electron-${version}.build.log`)
  writeFileSync(log, `better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})\n`)
  const work = mkdtempSync(join(tmpdir(), 'workbench-native-'))
  try {
    const source = dirname(require.resolve('better-sqlite3/package.json'))
    const pkgDir = join(work, 'better-sqlite3')
    cpSync(source, pkgDir, { recursive: true, filter: (p) => relative(source, p).split(/[\\/]/)[0] !== 'build' })
    const common = [`--runtime=electron`, `--target=${version}`, `--arch=${process.arch}`]
    const prebuilt = run('prebuilt download', process.execPath, [require.resolve('prebuild-install/bin.js'), ...common, '--verbose'], pkgDir, log, 120_000)
    const compiled =
      prebuilt ||
      run(
        'compile against Electron headers',
        process.execPath,
        [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'],
        pkgDir,
        log,
        15 * 60_000,
      )
    const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node')
    if (!compiled || !existsSync(built)) {
      return {
        ok: false,
        message: `Could not build better-sqlite3 for Electron ${version}: the prebuilt download and the compile against Electron's headers both failed (network needed; details in ${relative(repoDir, log)}).`,
      }
    }
    const abi = checkElectronAbi(built)
    if (!abi.ok) return { ok: false, message: `The better-sqlite3 build for Electron ${version} is unusable: ${abi.reason} (details in ${relative(repoDir, log)}).` }
    mkdirSync(dirname(target), { recursive: true })
    cpSync(built, target)
    // Only the build for the installed Electron stays, so packaging cannot ship a stale one.
    for (const entry of readdirSync(join(repoDir, '.native'))) {
      if (entry.startsWith('electron-') && entry !== `electron-${version}` && !entry.endsWith('.log')) {
        rmSync(join(repoDir, '.native', entry), { recursive: true, force: true })
      }
    }
    return { ok: true, target, message: `built ${relative(repoDir, target)} (ABI ${abi.abi})` }
  } catch (err) {
    return { ok: false, message: `Could not build better-sqlite3 for Electron ${version}: ${err instanceof Error ? err.message : String(err)}` }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = buildNativeForElectron({ force: process.argv.includes('--force') })
  ;(result.ok ? process.stdout : process.stderr).write(`${result.message}\n`)
  process.exitCode = result.ok ? 0 : 1
}
