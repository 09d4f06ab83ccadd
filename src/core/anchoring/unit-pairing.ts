// Inside a changed stretch of a diff, tells which deleted paragraph (sentence, word) is which
// inserted one, edited: an order-preserving alignment that maximises similarity. Boilerplate makes
// this delicate, as an untouched copy of a passage can look more similar than the passage itself
// after a typo; in-order pairing is tried first and the alignment is kept near the diagonal.
import { wordFingerprint } from './fold-table'
import { isTypoVariant } from './similarity'

export interface Unit {
  text: string
  /** Equal for units of equal text, where known. */
  code?: number
}

/** Two passages sharing at least this share of their words are one passage, edited. */
const SAME_PASSAGE_SIMILARITY = 0.5
/** A passage of at least this many words, this share of them found in a longer one, is in it. */
const MIN_CONTAINED_WORDS = 6
const CONTAINED_SHARE = 0.8
/** How far from the stretch's diagonal an alignment may wander, beyond the length difference. */
const BAND_SLACK = 16

/** Whether sharing `shared` words makes two passages one: same passage, or one inside the other. */
function scores(shared: number, total: number, shorter: number): boolean {
  return (2 * shared) / total >= SAME_PASSAGE_SIMILARITY || (shorter >= MIN_CONTAINED_WORDS && shared >= CONTAINED_SHARE * shorter)
}

/** The fewest shared words that give two passages of these lengths a score. */
function fewestShared(total: number, shorter: number): number {
  let need = Math.ceil((SAME_PASSAGE_SIMILARITY * total) / 2)
  if (shorter >= MIN_CONTAINED_WORDS) need = Math.min(need, Math.ceil(CONTAINED_SHARE * shorter))
  // The exact test decides, whatever the rounding above.
  while (need > 0 && scores(need - 1, total, shorter)) need--
  while (!scores(need, total, shorter)) need++
  return need
}

/**
 * Dice coefficient of the word multisets; failing that, a passage found almost whole inside a
 * longer one (a sentence was added to a short paragraph) is a weak match. The merge of the two
 * sorted word-hash arrays stops once too few words remain to reach either score.
 */
function passageSimilarity(a: Uint32Array, b: Uint32Array): number {
  const la = a.length
  const lb = b.length
  const total = la + lb
  if (total === 0 || a === b) return 1
  const shorter = la < lb ? la : lb
  const need = fewestShared(total, shorter)
  if (need > shorter) return 0
  // Words of each side that may go unshared before `need` is out of reach.
  const spareA = la - need
  const spareB = lb - need
  let i = 0
  let j = 0
  let shared = 0
  while (i < la && j < lb) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) {
      if (++i - shared > spareA) return 0
    } else if (++j - shared > spareB) return 0
  }
  const dice = (2 * shared) / total
  if (dice >= SAME_PASSAGE_SIMILARITY) return dice
  return shorter >= MIN_CONTAINED_WORDS && shared >= CONTAINED_SHARE * shorter ? SAME_PASSAGE_SIMILARITY : 0
}

/**
 * Word fingerprints of a stretch's units by their code (equal texts share a code): a paragraph
 * left unchanged inside a changed stretch is the same text on both sides, and boilerplate
 * repeats, so each text is fingerprinted once per diff level and stretch.
 */
export class Fingerprints {
  private readonly byCode: Array<Uint32Array | null>
  /** `codes`: one more than the largest code of the stretch's units. */
  constructor(codes = 0) {
    this.byCode = new Array<Uint32Array | null>(codes).fill(null)
  }
  of(unit: Unit): Uint32Array {
    const code = unit.code
    if (code === undefined || code >= this.byCode.length) return wordFingerprint(unit.text)
    let words = this.byCode[code]!
    if (words === null) {
      words = wordFingerprint(unit.text)
      this.byCode[code] = words
    }
    return words
  }
}

function similarityOf(words: boolean, xs: Unit[], ys: Unit[], prints: Fingerprints): (i: number, j: number) => number {
  if (words) return (i, j) => (isTypoVariant(xs[i]!.text.trimEnd(), ys[j]!.text.trimEnd()) ? 1 : 0)
  const fx = xs.map((x) => prints.of(x))
  const fy = ys.map((y) => prints.of(y))
  return (i, j) => passageSimilarity(fx[i]!, fy[j]!)
}

/**
 * Order-preserving pairs (i, j) of deleted units xs[i] and inserted units ys[j] that are the same
 * unit, edited. Words pair when one is a typo of the other; passages when they share most words.
 */
export function pairUnits(words: boolean, xs: Unit[], ys: Unit[], prints = new Fingerprints()): Array<[number, number]> {
  const k = xs.length
  const m = ys.length
  if (k === 0 || m === 0) return []
  const sim = similarityOf(words, xs, ys, prints)
  if (k === m) {
    const inOrder: Array<[number, number]> = []
    for (let i = 0; i < k && sim(i, i) > 0; i++) inOrder.push([i, i])
    if (inOrder.length === k) return inOrder
  }
  return alignInBand(k, m, sim)
}

/**
 * Needleman–Wunsch-style alignment maximising the summed similarity of the pairs, with the path
 * kept within a band around the diagonal: memory and time grow with the stretch's length, not
 * its square, so a report where every paragraph changed is still aligned in one pass.
 */
function alignInBand(k: number, m: number, sim: (i: number, j: number) => number): Array<[number, number]> {
  const band = Math.abs(k - m) + BAND_SLACK
  const lo = new Int32Array(k + 1)
  const hi = new Int32Array(k + 1)
  const offset = new Int32Array(k + 2)
  for (let i = 0; i <= k; i++) {
    const centre = Math.round((i * m) / k)
    lo[i] = Math.max(0, centre - band)
    hi[i] = Math.min(m, centre + band)
    offset[i + 1] = offset[i]! + hi[i]! - lo[i]! + 1
  }
  const score = new Float64Array(offset[k + 1]!)
  const took = new Uint8Array(offset[k + 1]!)
  const at = (i: number, j: number) => (j < lo[i]! || j > hi[i]! ? -1 : offset[i]! + j - lo[i]!)
  const get = (i: number, j: number) => {
    const cell = at(i, j)
    return cell < 0 ? -Infinity : score[cell]!
  }
  for (let i = 1; i <= k; i++) {
    const rowLo = lo[i]!
    const rowHi = hi[i]!
    const row = offset[i]! - rowLo
    const upLo = lo[i - 1]!
    const upHi = hi[i - 1]!
    const up = offset[i - 1]! - upLo
    for (let j = rowLo > 1 ? rowLo : 1; j <= rowHi; j++) {
      const cell = row + j
      const above = j >= upLo && j <= upHi ? score[up + j]! : -Infinity
      const left = j - 1 >= rowLo ? score[cell - 1]! : -Infinity
      let best = Math.max(above, left)
      const s = sim(i - 1, j - 1)
      if (s > 0) {
        const diagonal = j - 1 >= upLo && j - 1 <= upHi ? score[up + j - 1]! : -Infinity
        if (diagonal + s > best) {
          best = diagonal + s
          took[cell] = 1
        }
      }
      score[cell] = best
    }
  }
  const pairs: Array<[number, number]> = []
  for (let i = k, j = m; i > 0 && j > 0; ) {
    if (took[at(i, j)]) {
      pairs.push([i - 1, j - 1])
      i--
      j--
    } else if (get(i, j) === get(i - 1, j)) i--
    else j--
  }
  return pairs.reverse()
}
