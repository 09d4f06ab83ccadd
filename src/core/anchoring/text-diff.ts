// Diff of two revisions of a long report, fast enough for 600,000 characters: paragraphs first,
// then sentences inside paragraphs that changed, then words, then characters inside a mistyped word.
// At each level only units that are still recognisably the same (similar words, a typo) are
// diffed further; the rest is recorded as deleted and inserted, so a replaced sentence never
// lends its common words to an annotation of the one it replaced.
import DiffMatchPatch from 'diff-match-patch'
import { Fingerprints, pairUnits } from './unit-pairing'

export type EditKind = 'equal' | 'subst' | 'delete' | 'insert'
/** One step of the edit script: old [oldStart, oldEnd) became new [newStart, newEnd). */
export interface EditOp {
  kind: EditKind
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
  /** A substitution inside a mistyped word (the word is still there), not another word. */
  typo?: boolean
  /**
   * A pair of sentences known to be the same sentence, edited, whose words were not diffed
   * because no span the caller maps lies in it: refined on demand (`refineCoarse`).
   */
  coarse?: boolean
}

/** Old ranges the caller will map: paired sentences elsewhere are left coarse. */
export interface Focus {
  touches(start: number, end: number): boolean
}

/** A focus on the given old spans (any order). */
export function focusOn(spans: Array<{ start: number; end: number }>): Focus {
  const sorted = spans.map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0])
  // Longest end reached by the spans so far, so one binary search answers for overlapping spans.
  const starts = sorted.map((s) => s[0])
  const reach: number[] = []
  for (const [, end] of sorted) reach.push(Math.max(end, reach[reach.length - 1] ?? -1))
  return {
    touches(start, end) {
      // The last span starting before `end` …
      let lo = 0
      let hi = starts.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (starts[mid]! < end) lo = mid + 1
        else hi = mid
      }
      // … or any before it reaching past `start`.
      return lo > 0 && reach[lo - 1]! > start
    },
  }
}

type Level = 'paragraph' | 'sentence' | 'word'
const NEXT_LEVEL: Record<Level, Level | null> = { paragraph: 'sentence', sentence: 'word', word: null }

/**
 * Runs of fewer unchanged units than this, between changes, are re-examined by the pairing when
 * they shift the alignment by more than SHIFT_TOLERANCE units, or by any shift when the run is a
 * unit that stands more than once (one copy of boilerplate edited beside an untouched one shifts
 * the alignment by a single unit).
 */
const SHIFT_TOLERANCE = 2
const MIN_ANCHOR: Record<Level, number> = { paragraph: 3, sentence: 3, word: 1 }

const SPLITTERS: Record<Level, RegExp> = {
  paragraph: /[^\n]+\n*|\n+/g,
  sentence: /[^.!?…;\n]*(?:[.!?…;]+["”’)»]*\s*|\n+)|[^.!?…;\n]+/g,
  word: /\S+\s*|\s+/g,
}

interface Token {
  start: number
  end: number
  text: string
  /** The token's character in the token diff: equal for tokens of equal text in one stretch. */
  code: number
}

function tokenize(level: Level, text: string, offset: number): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(SPLITTERS[level])) {
    if (m[0].length === 0) continue
    tokens.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], code: 0 })
  }
  return tokens
}

const dmp = new DiffMatchPatch()
dmp.Diff_Timeout = 0

/** Each token's text as one character (recorded in the token), as diff_linesToChars does for lines. */
function encode(tokens: Token[], codes: Map<string, number>): string {
  let s = ''
  for (const t of tokens) {
    let code = codes.get(t.text)
    if (code === undefined) {
      code = codes.size + 1
      codes.set(t.text, code)
    }
    t.code = code
    s += String.fromCharCode(code)
  }
  return s
}

/** Token-level diff: each token becomes one character. */
function diffTokens(a: Token[], b: Token[], codes: Map<string, number>): Array<[number, number]> {
  const ca = encode(a, codes)
  const cb = encode(b, codes)
  if (codes.size >= 0xffff) return [[-1, a.length], [1, b.length]]
  return dmp.diff_main(ca, cb, false).map(([op, s]) => [op, s.length])
}

class ScriptBuilder {
  readonly ops: EditOp[] = []
  push(kind: EditKind, oldStart: number, oldEnd: number, newStart: number, newEnd: number, typo = false): void {
    if (oldStart === oldEnd && newStart === newEnd) return
    if (kind === 'subst' && oldStart === oldEnd) kind = 'insert'
    if (kind === 'subst' && newStart === newEnd) kind = 'delete'
    const last = this.ops[this.ops.length - 1]
    const sameTypo = kind !== 'subst' || (last?.typo ?? false) === typo
    if (last && !last.coarse && last.kind === kind && sameTypo && (kind === 'equal' || kind === 'subst') && last.oldEnd === oldStart && last.newEnd === newStart) {
      last.oldEnd = oldEnd
      last.newEnd = newEnd
      return
    }
    this.ops.push(kind === 'subst' && typo ? { kind, oldStart, oldEnd, newStart, newEnd, typo } : { kind, oldStart, oldEnd, newStart, newEnd })
  }
  /** A paired sentence left undiffed, to refine if a span ever lands in it. */
  pushCoarse(oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
    this.ops.push({ kind: 'subst', oldStart, oldEnd, newStart, newEnd, coarse: true })
  }
}

/**
 * The edit script turning `oldText` into `newText`, covering both texts contiguously and in order.
 * With a focus, paired sentences outside it are left coarse (their words not diffed): few
 * annotations on a long report then cost the word diff of their own sentences, not of every one.
 * Paragraphs and sentences are still all paired, so what was deleted, inserted or moved as a
 * whole sentence is known everywhere, as the search for moved text needs.
 */
export function diffRevisions(oldText: string, newText: string, focus?: Focus): EditOp[] {
  const out = new ScriptBuilder()
  alignRegion(oldText, 0, oldText.length, newText, 0, newText.length, 'paragraph', out, focus)
  return out.ops
}

/** The edit script turning old [os, oe) into new [ns, ne): a passage and where it went. */
export function diffRanges(oldText: string, os: number, oe: number, newText: string, ns: number, ne: number): EditOp[] {
  const out = new ScriptBuilder()
  alignRegion(oldText, os, oe, newText, ns, ne, 'paragraph', out)
  return out.ops
}

/** The full script inside a coarse operation. */
export function refineCoarse(oldText: string, newText: string, op: EditOp): EditOp[] {
  const out = new ScriptBuilder()
  alignRegion(oldText, op.oldStart, op.oldEnd, newText, op.newStart, op.newEnd, 'word', out)
  return out.ops
}

function alignRegion(oldText: string, os: number, oe: number, newText: string, ns: number, ne: number, level: Level, out: ScriptBuilder, focus?: Focus): void {
  if (oe - os === ne - ns && oldText.slice(os, oe) === newText.slice(ns, ne)) {
    out.push('equal', os, oe, ns, ne)
    return
  }
  if (os === oe || ns === ne) {
    out.push(os === oe ? 'insert' : 'delete', os, oe, ns, ne)
    return
  }
  const a = tokenize(level, oldText.slice(os, oe), os)
  const b = tokenize(level, newText.slice(ns, ne), ns)
  let ia = 0
  let ib = 0
  let hunkA = 0
  let hunkB = 0
  const codes = new Map<string, number>()
  const diffs = diffTokens(a, b, codes)
  const prints = level === 'word' ? NO_PRINTS : new Fingerprints(codes.size + 1)
  let copies: Int32Array | null = null
  let shift = 0
  for (let index = 0; index < diffs.length; index++) {
    const [op, count] = diffs[index]!
    const inHunk = ia > hunkA || ib > hunkB
    const shifted = Math.abs(ib - ia - shift)
    if (op === 0 && inHunk && index < diffs.length - 1 && count < MIN_ANCHOR[level] && (shifted > SHIFT_TOLERANCE || (shifted > 0 && repeated((copies ??= occurrences(a, b, codes.size)), a, ia, count)))) {
      // A short unchanged run that would shift the alignment is as likely another copy of
      // boilerplate as itself: let the pairing decide instead of the longest common subsequence.
      ia += count
      ib += count
    } else if (op === 0) {
      if (inHunk) pairHunk(oldText, a, hunkA, ia, oe, newText, b, hunkB, ib, ne, level, out, prints, focus)
      shift = ib - ia
      out.push('equal', a[ia]!.start, a[ia + count - 1]!.end, b[ib]!.start, b[ib + count - 1]!.end)
      ia += count
      ib += count
      hunkA = ia
      hunkB = ib
    } else if (op === -1) ia += count
    else ib += count
  }
  if (ia > hunkA || ib > hunkB) pairHunk(oldText, a, hunkA, ia, oe, newText, b, hunkB, ib, ne, level, out, prints, focus)
}

/** Words are paired by spelling, not by fingerprint. */
const NO_PRINTS = new Fingerprints()

/** How often each token code occurs in a and b together. */
function occurrences(a: Token[], b: Token[], codes: number): Int32Array {
  const counts = new Int32Array(codes + 1)
  for (const t of a) counts[t.code]!++
  for (const t of b) counts[t.code]!++
  return counts
}

/** Whether one of the units a[from, from + count) occurs more than once among a and b together (a unit kept in both counts twice). */
function repeated(copies: Int32Array, a: Token[], from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) if (copies[a[i]!.code]! > 2) return true
  return false
}

/** The changed stretch a[fromA, toA) → b[fromB, toB), ending where the region does when a side runs out. */
function pairHunk(
  oldText: string,
  a: Token[],
  fromA: number,
  toA: number,
  oe: number,
  newText: string,
  b: Token[],
  fromB: number,
  toB: number,
  ne: number,
  level: Level,
  out: ScriptBuilder,
  prints: Fingerprints,
  focus?: Focus,
): void {
  const xs = a.slice(fromA, toA)
  const ys = b.slice(fromB, toB)
  let oldPos = fromA < a.length ? a[fromA]!.start : oe
  let newPos = fromB < b.length ? b[fromB]!.start : ne
  const pairs = pairUnits(level === 'word', xs, ys, prints)
  const next = NEXT_LEVEL[level]
  for (const [i, j] of pairs) {
    const x = xs[i]!
    const y = ys[j]!
    pushUnpaired(level, oldText, oldPos, x.start, newText, newPos, y.start, out)
    if (next === 'word' && focus && !focus.touches(x.start, x.end)) out.pushCoarse(x.start, x.end, y.start, y.end)
    else if (next) alignRegion(oldText, x.start, x.end, newText, y.start, y.end, next, out, focus)
    else alignTypo(x, y, out)
    oldPos = x.end
    newPos = y.end
  }
  pushUnpaired(level, oldText, oldPos, xs.length ? xs[xs.length - 1]!.end : oldPos, newText, newPos, ys.length ? ys[ys.length - 1]!.end : newPos, out)
}

/** Units left unpaired between pairs: unmatched words stand in for each other; sentences or paragraphs do not. */
function pushUnpaired(level: Level, oldText: string, os: number, oe: number, newText: string, ns: number, ne: number, out: ScriptBuilder): void {
  if (level === 'word') pushReplacedWords(oldText, os, oe, newText, ns, ne, out)
  else {
    out.push('delete', os, oe, ns, ns)
    out.push('insert', oe, oe, ns, ne)
  }
}

/** A mistyped word: its common beginning and end are kept, the middle is substituted. */
function alignTypo(x: Token, y: Token, out: ScriptBuilder): void {
  const a = x.text
  const b = y.text
  const limit = Math.min(a.length, b.length)
  let p = 0
  while (p < limit && a[p] === b[p]) p++
  let q = 0
  while (q < limit - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++
  out.push('equal', x.start, x.start + p, y.start, y.start + p)
  out.push('subst', x.start + p, x.end - q, y.start + p, y.end - q, true)
  out.push('equal', x.end - q, x.end, y.end - q, y.end)
}

const NON_WORD = /[^\p{L}\p{N}\p{M}]/u

/** Other words in place of words: the spaces and punctuation around them are still the old ones. */
function pushReplacedWords(oldText: string, os: number, oe: number, newText: string, ns: number, ne: number, out: ScriptBuilder): void {
  let p = 0
  while (os + p < oe && ns + p < ne && oldText[os + p] === newText[ns + p] && NON_WORD.test(oldText[os + p]!)) p++
  let q = 0
  while (oe - q > os + p && ne - q > ns + p && oldText[oe - 1 - q] === newText[ne - 1 - q] && NON_WORD.test(oldText[oe - 1 - q]!)) q++
  out.push('equal', os, os + p, ns, ns + p)
  out.push('subst', os + p, oe - q, ns + p, ne - q)
  out.push('equal', oe - q, oe, ne - q, ne)
}
