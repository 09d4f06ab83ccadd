// Builds the app with electron-vite only when the built renderer is missing or older than
// the sources, so `npm run serve` works on a fresh clone and starts at once afterwards.
// Build output goes to stderr: stdout of `npm run serve` is kept for the ready line.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const repoDir = resolve(import.meta.dirname, '..')
const SOURCE_DIRS = ['src', 'electron']
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json']

function newestMtime(path) {
  let newest = 0
  if (!existsSync(path)) return newest
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry.name)))
  }
  return newest
}

/** Why a build is needed, or null when out/ is up to date. */
export function staleReason(root = repoDir) {
  const builtPage = join(root, 'out', 'renderer', 'index.html')
  if (!existsSync(builtPage)) return 'the renderer has not been built yet'
  const builtAt = statSync(builtPage).mtimeMs
  const sourcesAt = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(join(root, p))))
  return sourcesAt > builtAt ? 'sources changed since the last build' : null
}

/** Runs `electron-vite build` if needed; returns false (after saying why) when the build failed. */
export function ensureBuild(root = repoDir) {
  const reason = staleReason(root)
  if (!reason) return true
  process.stderr.write(`Building the app (${reason})…\n`)
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    process.stderr.write('The build failed (see the messages above); fix it and run the command again.\n')
    return false
  }
  return true
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = ensureBuild() ? 0 : 1
}
