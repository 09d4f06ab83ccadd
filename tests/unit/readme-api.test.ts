// The README documents the automation API; this keeps it complete as methods are added.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { METHODS } from '../../src/core/contract'

describe('README automation API', () => {
  const readme = readFileSync('README.md', 'utf8')
  it.each(METHODS)('documents %s', (method) => {
    expect(readme).toContain(`| \`${method}\` |`)
  })
})
