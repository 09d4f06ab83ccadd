// Carries a span of the previous revision over to the new one through the edit script, and says
// how much of it survived: the backbone of re-anchoring when the previous text is known.
import type { EditOp } from './text-diff'

export interface MappedSpan {
  start: number
  end: number
  /** Characters of the old span still present unchanged. */
  kept: number
  /** Characters of the old span in words that were only mistyped (the words are still there). */
  slipped: number
  /** Whether the new start / end came from a substituted (not an unchanged) character. */
  startSubstituted: boolean
  endSubstituted: boolean
}

export class OffsetMap {
  /** Operations that consume old text, in order; insertions have none and are implied between them. */
  private readonly oldOps: EditOp[]
  /** New-text ranges with no unchanged counterpart in the old text (insertions and substitutions). */
  readonly newOnly: Array<[number, number]>

  /** Old-text ranges deleted outright. */
  readonly oldOnly: Array<[number, number]>

  constructor(ops: EditOp[]) {
    this.oldOps = ops.filter((op) => op.oldEnd > op.oldStart)
    this.newOnly = mergeRanges(ops.filter((op) => op.kind === 'insert' || op.kind === 'subst').map((op) => [op.newStart, op.newEnd]))
    this.oldOnly = mergeRanges(ops.filter((op) => op.kind === 'delete').map((op) => [op.oldStart, op.oldEnd]))
  }

  /** Index of the first old-text operation ending after `pos`. */
  private opAt(pos: number): number {
    let lo = 0
    let hi = this.oldOps.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.oldOps[mid]!.oldEnd <= pos) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * The new span running from the first to the last character of old [s, e) that survived
   * (unchanged or substituted), or null when all of it was deleted.
   */
  map(s: number, e: number): MappedSpan | null {
    let start = -1
    let end = -1
    let kept = 0
    let slipped = 0
    let startSubstituted = false
    let endSubstituted = false
    for (let i = this.opAt(s); i < this.oldOps.length; i++) {
      const op = this.oldOps[i]!
      if (op.oldStart >= e) break
      if (op.kind === 'delete') continue
      const a = Math.max(s, op.oldStart)
      const b = Math.min(e, op.oldEnd)
      let ns: number
      let ne: number
      if (op.kind === 'equal') {
        kept += b - a
        ns = op.newStart + (a - op.oldStart)
        ne = op.newStart + (b - op.oldStart)
      } else {
        if (op.typo) slipped += b - a
        const ratio = (op.newEnd - op.newStart) / (op.oldEnd - op.oldStart)
        ns = a === op.oldStart ? op.newStart : op.newStart + Math.floor((a - op.oldStart) * ratio)
        ne = b === op.oldEnd ? op.newEnd : op.newStart + Math.ceil((b - op.oldStart) * ratio)
      }
      if (start < 0) {
        start = ns
        startSubstituted = op.kind === 'subst'
      }
      end = ne
      endSubstituted = op.kind === 'subst'
    }
    return start < 0 ? null : { start, end, kept, slipped, startSubstituted, endSubstituted }
  }

  /** The run of old text deleted outright around [s, e), as far as it reaches (at least [s, e)). */
  deletedRun(s: number, e: number): [number, number] {
    let from = s
    for (let i = this.opAt(s); i >= 0 && i < this.oldOps.length; i--) {
      const op = this.oldOps[i]!
      if (op.kind !== 'delete') break
      from = Math.min(from, op.oldStart)
    }
    let to = e
    for (let i = this.opAt(Math.max(s, e - 1)); i < this.oldOps.length; i++) {
      const op = this.oldOps[i]!
      if (op.kind !== 'delete') break
      to = Math.max(to, op.oldEnd)
    }
    return [from, to]
  }
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = []
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1]
    if (last && last[1] >= a) last[1] = Math.max(last[1], b)
    else merged.push([a, b])
  }
  return merged
}
