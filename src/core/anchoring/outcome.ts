// What re-anchoring answers for each annotation, shared by the engine's two paths (with and
// without the previous revision).
import { nfc } from '../text'
import type { QuoteParts } from './quote-search'
import type { AnchorSelectors } from './selectors'

export interface ReanchorInput {
  id: string
  selectors: AnchorSelectors
}
/**
 * placed: on its text again. review: its text is still there but substantially changed (less
 * than REVIEW_BELOW of it survives); [start, end) is where the rest of it now stands, for a person
 * to confirm, re-attach or delete, with the old quote and the new text side by side.
 * unplaced: not found (deleted, ambiguous, too little evidence).
 */
export type ReanchorOutcome =
  | { id: string; status: 'placed'; start: number; end: number; method: 'position' | 'exact' | 'diff' | 'fuzzy'; confidence: number }
  | { id: string; status: 'review'; start: number; end: number; oldQuote: string; newQuote: string; confidence: number }
  | { id: string; status: 'unplaced'; reason: 'deleted' | 'ambiguous' | 'low_confidence' }

/** An annotation whose text survives less than this share goes to review, not back in place. */
export const REVIEW_BELOW = 0.7
/** …and one whose text survives less than this share is gone (unplaced, deleted). */
export const REVIEW_FROM = 0.3

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
