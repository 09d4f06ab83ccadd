// Grouping highlights by report block: every block an annotation touches gets it, unplaced
// ones get nothing, and a block whose highlights did not change keeps the same array (so the
// report pane draws again only the blocks a change touches).
import { describe, expect, it } from 'vitest'
import { layersByBlock } from '../../src/renderer/lib/blockLayers'

const blocks = [
  { index: 0, start: 0, end: 10 },
  { index: 1, start: 12, end: 30 },
  { index: 2, start: 32, end: 50 },
]
const a = (id: string, start: number | null, end: number | null, colour = 'yellow') => ({ id, start, end, colour })
const idsIn = (map: ReturnType<typeof layersByBlock>) =>
  Object.fromEntries([...map].map(([index, layers]) => [index, layers.map((l) => l.id)]))

describe('layersByBlock', () => {
  it('puts an annotation in every block it touches, and none in blocks it only borders', () => {
    const map = layersByBlock(blocks, [a('x', 5, 35), a('y', 30, 32), a('z', 12, 30)], new Map())
    expect(idsIn(map)).toEqual({ 0: ['x'], 1: ['x', 'z'], 2: ['x'] })
  })

  it('skips unplaced annotations', () => {
    expect(layersByBlock(blocks, [a('gone', null, null)], new Map()).size).toBe(0)
  })

  it('keeps the arrays of blocks whose highlights did not change', () => {
    const first = layersByBlock(blocks, [a('x', 2, 4), a('y', 14, 20)], new Map())
    const second = layersByBlock(blocks, [a('x', 2, 4), a('y', 14, 20), a('n', 40, 45)], first)
    expect(second.get(0)).toBe(first.get(0))
    expect(second.get(1)).toBe(first.get(1))
    expect(second.get(2)!.map((l) => l.id)).toEqual(['n'])
    const recoloured = layersByBlock(blocks, [a('x', 2, 4, 'green'), a('y', 14, 20), a('n', 40, 45)], second)
    expect(recoloured.get(0)).not.toBe(second.get(0))
    expect(recoloured.get(0)![0]!.colour).toBe('green')
    expect(recoloured.get(1)).toBe(second.get(1))
  })
})
