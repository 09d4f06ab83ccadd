// From the positioned text runs of one PDF page to its lines in reading order: runs on one
// baseline are joined (with a space where the gap is one), and a page set in several columns
// is read column by column, between the full-width lines (titles, headers) that cross them.
export interface Run {
  str: string
  x: number
  /** Baseline, PDF units from the bottom of the page. */
  y: number
  width: number
  size: number
}

export interface Line {
  text: string
  x0: number
  x1: number
  y: number
  size: number
  page: number
}

/** Runs on one baseline and close enough to be one stretch of text. */
interface Fragment {
  runs: Run[]
  x0: number
  x1: number
  y: number
  size: number
}

export function pageLines(runs: Run[], page: number, pageWidth: number): Line[] {
  const fragments = toFragments(runs)
  const ordered = readingOrder(fragments, pageWidth)
  return mergeSameLine(ordered).map((f) => ({ text: fragmentText(f), x0: f.x0, x1: f.x1, y: f.y, size: f.size, page }))
}

function toFragments(runs: Run[]): Fragment[] {
  const sorted = runs.filter((r) => r.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x)
  const fragments: Fragment[] = []
  for (const r of sorted) {
    const last = fragments[fragments.length - 1]
    const sameLine = last && Math.abs(last.y - r.y) < Math.max(last.size, r.size) * 0.35
    // A column gutter is wider than two ems; a word space is a fraction of one.
    if (last && sameLine && r.x - last.x1 < Math.max(last.size, r.size) * 1.5 && r.x >= last.x0) {
      last.runs.push(r)
      last.x1 = Math.max(last.x1, r.x + r.width)
      if (r.str.trim()) last.size = Math.max(last.size, r.size)
      continue
    }
    fragments.push({ runs: [r], x0: r.x, x1: r.x + r.width, y: r.y, size: r.str.trim() ? r.size : 0 })
  }
  return fragments.filter((f) => f.runs.some((r) => r.str.trim()))
}

/**
 * Finds a vertical gutter (an x no fragment crosses, with text on both sides for a good part of the
 * page) and reads each band between full-width fragments left column first, then the right.
 */
function readingOrder(fragments: Fragment[], pageWidth: number): Fragment[] {
  const byY = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const gutter = findGutter(byY, pageWidth)
  if (gutter === null) return byY
  const out: Fragment[] = []
  let left: Fragment[] = []
  let right: Fragment[] = []
  const flushBand = () => {
    out.push(...left, ...right)
    left = []
    right = []
  }
  for (const f of byY) {
    if (f.x1 <= gutter) left.push(f)
    else if (f.x0 >= gutter) right.push(f)
    else {
      flushBand()
      out.push(f)
    }
  }
  flushBand()
  return out
}

function findGutter(fragments: Fragment[], pageWidth: number): number | null {
  if (fragments.length < 6) return null
  let best: { x: number; score: number } | null = null
  for (let x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 2) {
    let leftN = 0
    let rightN = 0
    let crossing = 0
    for (const f of fragments) {
      if (f.x1 <= x) leftN++
      else if (f.x0 >= x) rightN++
      else crossing++
    }
    // Both sides carry several lines, and few lines (titles, headers) cross.
    const score = Math.min(leftN, rightN) - 3 * crossing
    if (leftN >= 3 && rightN >= 3 && crossing <= Math.max(2, fragments.length * 0.15) && (!best || score > best.score)) {
      best = { x, score }
    }
  }
  if (!best) return null
  // The right-hand side must be a column (several lines starting at about one x), not ragged text.
  const rightStarts = fragments.filter((f) => f.x0 >= best!.x).map((f) => Math.round(f.x0))
  const common = mode(rightStarts)
  return rightStarts.filter((x) => Math.abs(x - common) < 3).length >= 3 ? best.x : null
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  let best = xs[0] ?? 0
  for (const [x, n] of counts) if (n > (counts.get(best) ?? 0)) best = x
  return best
}

/** Consecutive fragments on one baseline (a line broken by a wide gap, tab stops) become one line. */
function mergeSameLine(fragments: Fragment[]): Fragment[] {
  const out: Fragment[] = []
  for (const f of fragments) {
    const last = out[out.length - 1]
    if (last && Math.abs(last.y - f.y) < Math.max(last.size, f.size) * 0.35 && f.x0 >= last.x1 - 1) {
      last.runs.push({ str: ' ', x: last.x1, y: f.y, width: 0, size: f.size }, ...f.runs)
      last.x1 = f.x1
      last.size = Math.max(last.size, f.size)
    } else out.push({ ...f, runs: [...f.runs] })
  }
  return out
}

function fragmentText(f: Fragment): string {
  let text = ''
  let prevEnd: number | null = null
  for (const r of f.runs) {
    if (prevEnd !== null && r.x - prevEnd > r.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' '
    text += r.str
    prevEnd = r.x + r.width
  }
  return text.replace(/\s+/g, ' ').trim()
}
