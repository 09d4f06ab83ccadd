// The renderer builds `window.workbench` from a plain list of method names so that it does not
// bundle zod; the list must name exactly the contract's methods, or calls would go missing.
import { describe, expect, it } from 'vitest'
import { contract } from '../../src/core/contract'
import { METHOD_NAMES } from '../../src/core/method-names'

describe('the plain list of method names', () => {
  it('names every contract method and no other, in the contract order', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract))
  })

  it('names no method twice', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length)
  })
})
