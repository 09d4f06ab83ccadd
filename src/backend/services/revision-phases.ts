// Where the time of a revision goes (reading, re-anchoring, the text and its search index, anchor
// writes, …). A phase is timed only while someone listens (the benchmark); otherwise `phase` just
// runs its work, so the product pays nothing for being measurable.
import { performance } from 'node:perf_hooks'

export type RevisionPhase =
  /** The new text read like an import (or an earlier revision's text fetched). */
  | 'parse'
  /** Reading the annotations, reviews and proposal sources to re-anchor. */
  | 'read'
  /** The re-anchoring engine's work (or taking the plan the preview just made). */
  | 'plan'
  /** The paragraph and word diff the preview shows. */
  | 'diff'
  /** Storing the revision and the anchors kept for undo (or reading them back). */
  | 'history'
  /** The new text and the report's search index rebuilt by the schema's trigger. */
  | 'text'
  /** Annotation anchors written, with their versions, change log rows and search rows (triggers). */
  | 'anchors'
  /** Reviews opened, moved or closed, and proposal sources moved. */
  | 'reviews-sources'
  /** The counts answered to the caller. */
  | 'counts'

/** Time spent in a phase: on the clock, and on the processor (what it costs, whatever else runs). */
export interface PhaseTime {
  ms: number
  cpuMs: number
}

type Listener = (phase: RevisionPhase, time: PhaseTime) => void

let listener: Listener | null = null

function cpuNow(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

export function phase<T>(name: RevisionPhase, work: () => T): T {
  if (!listener) return work()
  const started = performance.now()
  const cpu = cpuNow()
  try {
    return work()
  } finally {
    listener?.(name, { ms: performance.now() - started, cpuMs: cpuNow() - cpu })
  }
}

export type PhaseTimes = Partial<Record<RevisionPhase, PhaseTime>>

/** Runs `work` (one call at a time) and sums the time of each phase it went through, and the whole. */
export async function timePhases<T>(work: () => Promise<T>): Promise<{ value: T; total: PhaseTime; phases: PhaseTimes }> {
  if (listener) throw new Error('Revision phases are already being timed')
  const phases: PhaseTimes = {}
  listener = (name, { ms, cpuMs }) => {
    const sum = (phases[name] ??= { ms: 0, cpuMs: 0 })
    sum.ms += ms
    sum.cpuMs += cpuMs
  }
  const started = performance.now()
  const cpu = cpuNow()
  try {
    const value = await work()
    return { value, total: { ms: performance.now() - started, cpuMs: cpuNow() - cpu }, phases }
  } finally {
    listener = null
  }
}
