// What re-anchoring answers for each annotation, shared by the engine's two paths (with and
// without the previous revision).
import { nfc } from '../text'
import type { QuoteParts } from './quote-search'
import type { AnchorSelectors } from './selectors'

export interface ReanchorInput {
  id: string
  selectors: AnchorSelectors
}
export type ReanchorOutcome =
  | { id: string; status: 'placed'; start: number; end: number; method: 'position' | 'exact' | 'diff' | 'fuzzy'; confidence: number }
  | { id: string; status: 'unplaced'; reason: 'deleted' | 'ambiguous' | 'low_confidence' }

/** An outcome, and whether it is sure enough to tell the drift to the annotations after it. */
export interface Anchored {
  outcome: ReanchorOutcome
  certain: boolean
}

export function unplaced(id: string, reason: 'deleted' | 'ambiguous' | 'low_confidence'): Anchored {
  return { outcome: { id, status: 'unplaced', reason }, certain: false }
}

/** The quote as NFC, whatever form an imported annotation stored it in. */
export function quoteOf(selectors: AnchorSelectors): QuoteParts {
  const q = selectors.quote
  return { exact: nfc(q.exact), prefix: nfc(q.prefix), suffix: nfc(q.suffix) }
}

export function roundConfidence(x: number): number {
  return Math.round(x * 1000) / 1000
}
