// The Electron packaging and link rules that can be checked without the Electron binary: the
// fuses electron-builder flips in the packaged app, and which links may open outside the app.
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { externalLinkOf } from '../../electron/main/external-links'

describe('packaged app', () => {
  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption, asar integrity, app only from the asar', () => {
    const config = load(readFileSync('electron.builder.yml', 'utf8')) as { asar: boolean; electronFuses: Record<string, boolean> }
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})

describe('links opened outside the app', () => {
  it('lets only https links without credentials through (the user is asked before each)', () => {
    expect(externalLinkOf('https://thuvienphapluat.vn/van-ban?id=1')).toBe('https://thuvienphapluat.vn/van-ban?id=1')
    for (const url of [
      'http://example.vn/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:pass@example.vn/',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
      '',
    ]) {
      expect(externalLinkOf(url), url).toBeNull()
    }
  })
})
