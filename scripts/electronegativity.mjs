// Runs Electronegativity (Doyensec's static checker for Electron security anti-patterns) over
// electron/, offline, and fails on any finding not justified in electronegativity-allow.json.
// The check that downloads Electron's release list is left out (no network); the Electron
// version is the one installed, instead of the tool's guess from the sources.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const allow = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8')).allowed

const result = await run(
  {
    input: join(root, 'electron'),
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
  },
  false,
)

const key = (id, file) => `${id} ${file}`
const allowed = new Map(allow.map((a) => [key(a.id, a.file), a]))
const seen = new Set()
const unexplained = []
for (const issue of result.issues) {
  const k = key(issue.id, issue.file)
  seen.add(k)
  const where = `${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}`
  if (allowed.has(k)) console.log(`allowed   ${where} — ${allowed.get(k).reason}`)
  else unexplained.push(where)
}
const stale = allow.filter((a) => !seen.has(key(a.id, a.file)))
for (const u of unexplained) console.error(`FINDING   ${u} (fix it or justify it in scripts/electronegativity-allow.json)`)
for (const s of stale) console.error(`STALE     ${s.id} ${s.file} is allowed but no longer found: remove it from the allow-list`)
const hardErrors = result.errors.filter((e) => !e.tolerable)
for (const e of hardErrors) console.error(`UNPARSED  ${e.file}: ${e.message}`)
console.log(
  `electronegativity ${electronVersion}: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ` +
    `${result.issues.length - unexplained.length} justified, ${unexplained.length} unexplained`,
)
if (unexplained.length > 0 || stale.length > 0 || hardErrors.length > 0) process.exit(1)
