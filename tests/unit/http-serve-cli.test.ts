// Flags of `npm run serve` and the data folder it uses by default (the Electron app's).
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliArgsError, findDataDirArg, parseServeArgs } from '../../src/backend/cli-args'
import { bundledDataDir, defaultDataDir, PRODUCT_NAME } from '../../src/backend/paths'

describe('parseServeArgs', () => {
  it('reads --data-dir and --port in both spellings', () => {
    expect(parseServeArgs(['--data-dir', 'some/dir', '--port', '8123'])).toEqual({ dataDir: resolve('some/dir'), port: 8123, help: false })
    expect(parseServeArgs(['--data-dir=/tmp/x', '--port=0'])).toEqual({ dataDir: '/tmp/x', port: 0, help: false })
  })
  it('defaults to a free port and no data dir', () => {
    expect(parseServeArgs([])).toEqual({ dataDir: undefined, port: 0, help: false })
  })
  it('refuses unknown flags, stray words and bad values', () => {
    for (const argv of [['--datadir', 'x'], ['--data-dir'], ['--data-dir', ''], ['serve'], ['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port', '1.5']]) {
      expect(() => parseServeArgs(argv), argv.join(' ')).toThrow(CliArgsError)
    }
  })
})

describe('findDataDirArg (Electron, among foreign flags)', () => {
  it('finds the flag and ignores the rest', () => {
    expect(findDataDirArg(['/repo', '--no-sandbox', '--data-dir', '/d'])).toBe('/d')
    expect(findDataDirArg(['--enable-logging', '--data-dir=/e'])).toBe('/e')
    expect(findDataDirArg(['/repo', '--enable-logging'])).toBeUndefined()
    expect(() => findDataDirArg(['--data-dir'])).toThrow(CliArgsError)
    expect(() => findDataDirArg(['--data-dir', '--other'])).toThrow(CliArgsError)
  })
})

describe('defaultDataDir', () => {
  it('is Electron userData/data on each platform', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/Planning Review Workbench/data')
    expect(defaultDataDir('linux', {})).toBe(`${homedir()}/.config/Planning Review Workbench/data`)
    expect(defaultDataDir('darwin', {})).toBe(`${homedir()}/Library/Application Support/Planning Review Workbench/data`)
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\an\\AppData\\Roaming' })).toBe(
      'C:\\Users\\an\\AppData\\Roaming\\Planning Review Workbench\\data',
    )
  })
  it('uses the productName Electron derives userData from', () => {
    const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { productName: string }
    expect(pkg.productName).toBe(PRODUCT_NAME)
  })
  it('points the bundled data at the repository data/ folder', () => {
    expect(bundledDataDir()).toBe(resolve('data'))
    expect(existsSync(bundledDataDir())).toBe(true)
  })
})
