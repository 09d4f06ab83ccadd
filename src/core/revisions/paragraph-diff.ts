// What changed between two texts of a report, put the way a reader sees it: paragraphs added,
// removed or changed (a changed one with its words marked), unchanged ones folded into a count.
// Used for the preview before a revision is applied and for comparing any two revisions.
import DiffMatchPatch from 'diff-match-patch'
import { segmentBlocks } from '../blocks'

export interface WordPiece {
  op: 'same' | 'added' | 'removed'
  text: string
}

export type DiffBlock =
  | { kind: 'same'; count: number }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; pieces: WordPiece[] }

export interface ParagraphStats {
  added: number
  removed: number
  changed: number
  unchanged: number
}

export interface ParagraphDiff {
  stats: ParagraphStats
  blocks: DiffBlock[]
  /** True when blocks stopped at the limit asked for (the stats always count everything). */
  truncated: boolean
}

/** Below this share of common words, an edited paragraph counts as one removed and one added. */
const SAME_PARAGRAPH = 0.5
/** How far ahead a removed paragraph looks for its edited version among the added ones. */
const LOOKAHEAD = 3
/** Tokens are encoded one UTF-16 unit each, clear of surrogates. */
const MAX_DISTINCT_TOKENS = 0xd000

type Op = -1 | 0 | 1
const dmp = new DiffMatchPatch()
/**
 * Seconds a diff may take. Past it the diff stays correct but coarser (a long stretch reads as
 * removed then added), and the pairing below still matches each edited paragraph to its new
 * version, so a heavily edited 600,000-character report is compared in a fraction of a second.
 */
const TIMEOUT: Record<'paragraphs' | 'words', number> = { paragraphs: 0.15, words: 0.05 }

/** Diff of two token lists: runs of [op, tokens]. */
function diffTokens(a: readonly string[], b: readonly string[], semantic: boolean): [Op, string[]][] {
  dmp.Diff_Timeout = semantic ? TIMEOUT.words : TIMEOUT.paragraphs
  const ids = new Map<string, number>()
  const tokens: string[] = []
  const encode = (list: readonly string[]): string | null => {
    let out = ''
    for (const t of list) {
      let id = ids.get(t)
      if (id === undefined) {
        if (tokens.length >= MAX_DISTINCT_TOKENS) return null
        id = tokens.length
        ids.set(t, id)
        tokens.push(t)
      }
      out += String.fromCharCode(id + 1)
    }
    return out
  }
  const ea = encode(a)
  const eb = encode(b)
  if (ea === null || eb === null) return [[-1, [...a]], [1, [...b]]]
  const diffs = dmp.diff_main(ea, eb, false)
  if (semantic) dmp.diff_cleanupSemantic(diffs)
  return diffs.map(([op, s]) => [op as Op, Array.from(s, (c) => tokens[c.charCodeAt(0) - 1]!)])
}

/** Words as written, split at spaces only: cheap, and enough to tell an edited paragraph from another. */
function words(text: string): string[] {
  return text.split(/\s+/)
}

/** Dice coefficient over the two paragraphs' words (as multisets). */
export function paragraphSimilarity(a: string | string[], b: string | string[]): number {
  const wa = typeof a === 'string' ? words(a) : a
  const wb = typeof b === 'string' ? words(b) : b
  if (wa.length + wb.length === 0) return 1
  const counts = new Map<string, number>()
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1)
  let common = 0
  for (const w of wb) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      common++
      counts.set(w, n - 1)
    }
  }
  return (2 * common) / (wa.length + wb.length)
}

/** Word-level diff of one changed paragraph (spaces and punctuation are tokens too). */
export function diffWords(oldText: string, newText: string): WordPiece[] {
  const tokenize = (t: string) => t.match(/[\p{L}\p{M}\p{N}]+|\s+|[^\s\p{L}\p{M}\p{N}]/gu) ?? []
  const pieces: WordPiece[] = []
  for (const [op, list] of diffTokens(tokenize(oldText), tokenize(newText), true)) {
    const text = list.join('')
    if (!text) continue
    const kind = op === 0 ? 'same' : op === 1 ? 'added' : 'removed'
    const last = pieces.at(-1)
    if (last && last.op === kind) last.text += text
    else pieces.push({ op: kind, text })
  }
  return pieces
}

export interface DiffOptions {
  /** Word-level pieces for changed paragraphs (off: only their count is wanted). */
  words?: boolean
  /** Stop listing blocks after this many changed ones (stats still count them all). */
  limit?: number
}

export function diffParagraphs(oldText: string, newText: string, options: DiffOptions = {}): ParagraphDiff {
  const { words: withWords = true, limit = Number.POSITIVE_INFINITY } = options
  const paras = (t: string) => segmentBlocks(t).map((b) => b.text)
  const stats: ParagraphStats = { added: 0, removed: 0, changed: 0, unchanged: 0 }
  const blocks: DiffBlock[] = []
  let listed = 0
  let truncated = false
  /** Word pieces of a changed paragraph are worked out only when it is listed. */
  const emit: Emit = (block, pieces) => {
    if (block.kind === 'same') {
      stats.unchanged += block.count
      const last = blocks.at(-1)
      if (listed >= limit) return
      if (last?.kind === 'same') last.count += block.count
      else blocks.push(block)
      return
    }
    stats[block.kind]++
    if (listed >= limit) {
      truncated = true
      return
    }
    listed++
    blocks.push(block.kind === 'changed' && pieces ? { kind: 'changed', pieces: pieces() } : block)
  }

  const runs = diffTokens(paras(oldText), paras(newText), false)
  for (let i = 0; i < runs.length; i++) {
    const [op, list] = runs[i]!
    if (op === 0) {
      emit({ kind: 'same', count: list.length })
      continue
    }
    // A replaced stretch: removed paragraphs, then (maybe) added ones.
    const next = runs[i + 1]
    const other = next && next[0] === -op ? (i++, next[1]) : []
    const [removed, added] = op === -1 ? [list, other] : [other, list]
    pairUp(removed, added, withWords, emit)
  }
  return { stats, blocks, truncated }
}

/** Pairs removed paragraphs with the added ones that are their edited versions, in order. */
type Emit = (block: DiffBlock, pieces?: () => WordPiece[]) => void

function pairUp(removed: readonly string[], added: readonly string[], withWords: boolean, emit: Emit): void {
  const memo = new Map<string, string[]>()
  const wordsOf = (t: string) => memo.get(t) ?? (memo.set(t, words(t)), memo.get(t)!)
  let j = 0
  for (const old of removed) {
    let match = -1
    for (let k = j; k < Math.min(added.length, j + LOOKAHEAD); k++) {
      if (old === added[k] || paragraphSimilarity(wordsOf(old), wordsOf(added[k]!)) >= SAME_PARAGRAPH) {
        match = k
        break
      }
    }
    if (match < 0) {
      emit({ kind: 'removed', text: old })
      continue
    }
    while (j < match) emit({ kind: 'added', text: added[j++]! })
    const edited = added[j++]!
    // A coarse diff (past its time) may leave unchanged paragraphs inside a replaced stretch.
    if (edited === old) emit({ kind: 'same', count: 1 })
    else emit({ kind: 'changed', pieces: [] }, withWords ? () => diffWords(old, edited) : undefined)
  }
  while (j < added.length) emit({ kind: 'added', text: added[j++]! })
}
