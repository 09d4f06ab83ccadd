// Pairing of edited paragraphs must not depend on how the word overlap is counted: the counting
// that stops once a score is out of reach, and fingerprints shared by token code, give the pairs
// of a plain full comparison (written out here) on random stretches of similar and unrelated text.
import { describe, expect, it } from 'vitest'
import { makeRng as random } from '../../bench/corpus'
import { sharedWords, wordFingerprint } from '../../src/core/anchoring/fold-table'
import { Fingerprints, pairUnits, type Unit } from '../../src/core/anchoring/unit-pairing'

/** The full comparison: every word merged, Dice ≥ 0.5, else 80 % of at least 6 words contained. */
function plainSimilarity(x: string, y: string): number {
  const a = wordFingerprint(x)
  const b = wordFingerprint(y)
  if (a.length + b.length === 0) return 1
  const shared = sharedWords(a, b)
  const dice = (2 * shared) / (a.length + b.length)
  if (dice >= 0.5) return dice
  const shorter = Math.min(a.length, b.length)
  return shorter >= 6 && shared >= 0.8 * shorter ? 0.5 : 0
}

/** The banded alignment with the plain similarity, cell by cell. */
function plainPairs(xs: Unit[], ys: Unit[]): Array<[number, number]> {
  const k = xs.length
  const m = ys.length
  if (k === 0 || m === 0) return []
  const sim = (i: number, j: number) => plainSimilarity(xs[i]!.text, ys[j]!.text)
  if (k === m) {
    const inOrder: Array<[number, number]> = []
    for (let i = 0; i < k && sim(i, i) > 0; i++) inOrder.push([i, i])
    if (inOrder.length === k) return inOrder
  }
  const band = Math.abs(k - m) + 16
  const score = new Map<string, number>()
  const took = new Set<string>()
  const inBand = (i: number, j: number) => Math.abs(j - Math.round((i * m) / k)) <= band && j >= 0 && j <= m
  const get = (i: number, j: number) => (inBand(i, j) ? (score.get(`${i},${j}`) ?? 0) : -Infinity)
  for (let i = 1; i <= k; i++) {
    for (let j = 1; j <= m; j++) {
      if (!inBand(i, j)) continue
      let best = Math.max(get(i - 1, j), get(i, j - 1))
      const s = sim(i - 1, j - 1)
      if (s > 0 && get(i - 1, j - 1) + s > best) {
        best = get(i - 1, j - 1) + s
        took.add(`${i},${j}`)
      }
      score.set(`${i},${j}`, best)
    }
  }
  const pairs: Array<[number, number]> = []
  for (let i = k, j = m; i > 0 && j > 0; ) {
    if (took.has(`${i},${j}`)) {
      pairs.push([i - 1, j - 1])
      i--
      j--
    } else if (get(i, j) === get(i - 1, j)) i--
    else j--
  }
  return pairs.reverse()
}

const VOCABULARY = 'kinh tế xã hội tăng trưởng đầu tư công nông thôn mới giáo dục y tế hạ tầng giao thông thủy lợi ngân sách thu chi điểm trường sáp nhập quy hoạch đất đai'.split(' ')

function passage(rnd: () => number, words: number): string[] {
  return Array.from({ length: words }, () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!)
}

/** An edited copy: some words changed, dropped or added, sometimes a sentence appended. */
function edit(rnd: () => number, words: string[], rate: number): string[] {
  const out: string[] = []
  for (const w of words) {
    const r = rnd()
    if (r < rate / 3) continue
    if (r < (2 * rate) / 3) out.push(VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!)
    else if (r < rate) out.push(w, 'thêm')
    else out.push(w)
  }
  if (rnd() < 0.15) out.push(...passage(rnd, 3 + Math.floor(rnd() * 12)))
  return out
}

describe('pairing of edited paragraphs', () => {
  it('gives the pairs of the full comparison on 300 random stretches', () => {
    const rnd = random(7)
    let paired = 0
    let unpaired = 0
    for (let n = 0; n < 300; n++) {
      // Some stretches longer than the band (16 units beyond the length difference).
      const k = 1 + Math.floor(rnd() * (n % 4 === 0 ? 60 : 25))
      const olds = Array.from({ length: k }, () => passage(rnd, 1 + Math.floor(rnd() * 40)))
      const news: string[][] = []
      for (const old of olds) {
        const r = rnd()
        if (r < 0.15) continue
        news.push(r < 0.3 ? passage(rnd, 1 + Math.floor(rnd() * 40)) : edit(rnd, old, [0.1, 0.4, 0.7][n % 3]!))
        if (rnd() < 0.1) news.push(passage(rnd, 5 + Math.floor(rnd() * 30)))
      }
      // Equal texts share a code, as the token diff gives them.
      const codes = new Map<string, number>()
      const unit = (words: string[]): Unit => {
        const text = words.join(' ') + '. '
        if (!codes.has(text)) codes.set(text, codes.size + 1)
        return { text, code: codes.get(text)! }
      }
      const xs = olds.map(unit)
      const ys = news.map(unit)
      const expected = plainPairs(xs, ys)
      expect(pairUnits(false, xs, ys, new Fingerprints(codes.size + 1))).toEqual(expected)
      expect(pairUnits(false, xs, ys)).toEqual(expected)
      paired += expected.length
      unpaired += xs.length - expected.length
    }
    // Both outcomes are exercised: passages paired and passages left unpaired.
    expect(paired).toBeGreaterThan(500)
    expect(unpaired).toBeGreaterThan(200)
  })
})
