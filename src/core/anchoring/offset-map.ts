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
  /** The script, in order; a coarse operation is replaced by its refinement when first needed. */
  private readonly ops: EditOp[]
  private ranges: { newOnly: Array<[number, number]>; oldOnly: Array<[number, number]>; coarseNew: Array<[number, number]>; coarseOld: Array<[number, number]> } | null = null

  /** `refine` gives the full script inside a coarse operation (see `diffRevisions` with a focus). */
  constructor(ops: EditOp[], private readonly refine?: (op: EditOp) => EditOp[]) {
    this.ops = [...ops]
  }

  private get known() {
    if (!this.ranges) {
      const fine = this.ops.filter((op) => !op.coarse)
      const coarse = this.ops.filter((op) => op.coarse)
      this.ranges = {
        newOnly: mergeRanges(fine.filter((op) => op.kind === 'insert' || op.kind === 'subst').map((op) => [op.newStart, op.newEnd])),
        oldOnly: mergeRanges(fine.filter((op) => op.kind === 'delete').map((op) => [op.oldStart, op.oldEnd])),
        coarseNew: coarse.map((op) => [op.newStart, op.newEnd]),
        coarseOld: coarse.map((op) => [op.oldStart, op.oldEnd]),
      }
    }
    return this.ranges
  }

  /** New-text ranges with no unchanged counterpart in the old text (insertions and substitutions), as far as refined. */
  get newOnly(): Array<[number, number]> {
    return this.known.newOnly
  }

  /** Old-text ranges deleted outright, as far as refined. */
  get oldOnly(): Array<[number, number]> {
    return this.known.oldOnly
  }

  /** New (old) ranges of coarse operations: they may hold inserted (deleted) text not yet known. */
  get unrefinedNew(): Array<[number, number]> {
    return this.known.coarseNew
  }
  get unrefinedOld(): Array<[number, number]> {
    return this.known.coarseOld
  }

  /** Index of the first operation whose old (new) end lies after `pos`. */
  private firstAfter(side: 'old' | 'new', pos: number): number {
    let lo = 0
    let hi = this.ops.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const op = this.ops[mid]!
      if ((side === 'old' ? op.oldEnd : op.newEnd) <= pos) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Refines every coarse operation overlapping old [s, e) (side 'old') or new [s, e) (side 'new'). */
  private refineOverlapping(side: 'old' | 'new', s: number, e: number): void {
    if (!this.refine) return
    const coarse: number[] = []
    for (let i = this.firstAfter(side, s); i < this.ops.length; i++) {
      const op = this.ops[i]!
      if ((side === 'old' ? op.oldStart : op.newStart) >= e) break
      if (op.coarse) coarse.push(i)
    }
    for (const i of coarse.reverse()) this.ops.splice(i, 1, ...this.refine(this.ops[i]!))
    if (coarse.length > 0) this.ranges = null
  }

  /** Whether new [s, e) is wholly inserted or substituted text (refining what it needs to tell). */
  isNewOnly(s: number, e: number): boolean {
    this.refineOverlapping('new', s, e)
    for (let i = this.firstAfter('new', s); i < this.ops.length && this.ops[i]!.newStart < e; i++) {
      const op = this.ops[i]!
      if (op.newEnd > op.newStart && op.kind !== 'insert' && op.kind !== 'subst') return false
    }
    return e > s
  }

  /** Whether old [s, e) was wholly deleted (refining what it needs to tell). */
  isOldOnly(s: number, e: number): boolean {
    this.refineOverlapping('old', s, e)
    for (let i = this.firstAfter('old', s); i < this.ops.length && this.ops[i]!.oldStart < e; i++) {
      const op = this.ops[i]!
      if (op.oldEnd > op.oldStart && op.kind !== 'delete') return false
    }
    return e > s
  }

  /**
   * The new span running from the first to the last character of old [s, e) that survived
   * (unchanged or substituted), or null when all of it was deleted.
   */
  map(s: number, e: number): MappedSpan | null {
    this.refineOverlapping('old', s, e)
    let start = -1
    let end = -1
    let kept = 0
    let slipped = 0
    let startSubstituted = false
    let endSubstituted = false
    for (let i = this.firstAfter('old', s); i < this.ops.length; i++) {
      const op = this.ops[i]!
      if (op.oldStart >= e) break
      if (op.kind === 'delete' || op.oldEnd === op.oldStart) continue
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
    this.refineOverlapping('old', s, e)
    for (;;) {
      // Insertions consume no old text and do not break a run.
      let from = s
      let i = this.firstAfter('old', s)
      for (; i >= 0 && i < this.ops.length; i--) {
        const op = this.ops[i]!
        if (op.oldEnd === op.oldStart) continue
        if (op.kind !== 'delete') break
        from = Math.min(from, op.oldStart)
      }
      // A run may reach into a neighbouring pair left coarse: refine it and look again.
      if (this.refineAt(i)) continue
      let to = e
      let j = this.firstAfter('old', Math.max(s, e - 1))
      for (; j < this.ops.length; j++) {
        const op = this.ops[j]!
        if (op.oldEnd === op.oldStart) continue
        if (op.kind !== 'delete') break
        to = Math.max(to, op.oldEnd)
      }
      if (this.refineAt(j)) continue
      return [from, to]
    }
  }

  /** Refines the operation at index `i` if it is coarse; whether it was. */
  private refineAt(i: number): boolean {
    const op = this.ops[i]
    if (!this.refine || !op?.coarse) return false
    this.refineOverlapping('old', op.oldStart, op.oldEnd)
    return true
  }
}

/** Index of the first of sorted, disjoint ranges that ends after `pos`. */
export function firstRangeEndingAfter(ranges: Array<[number, number]>, pos: number): number {
  let lo = 0
  let hi = ranges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ranges[mid]![1] <= pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Sorted ranges with overlapping and touching ones joined (new arrays). */
export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = []
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1]
    if (last && last[1] >= a) last[1] = Math.max(last[1], b)
    else merged.push([a, b])
  }
  return merged
}
