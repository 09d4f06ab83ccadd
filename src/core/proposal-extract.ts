// Suggests checklist proposals from a newly imported report: finds the directive clauses
// ("huyện cần …", "yêu cầu huyện …", "Tăng cường …"), gives each a short title and a sector.
import type { Block, Sector } from './domain'
import { segmentBlocks } from './blocks'
import {
  modalAt,
  pastOrPassive,
  reportsResults,
  skipLeadIns,
  splitPoints,
  strongMarkers,
  thenVerbStart,
  titleStart,
  topicVerbStart,
  verbAt,
  wordStarts,
} from './directive-cues'
import { buildSectorIndex, type SectorIndex } from './sector-guess'
import { clauseSpans, matchForm, sentenceSpans, trimTrailingPunctuation, wordCount, type Span } from './sentences'

export interface ProposalSuggestion {
  title: string
  sector: string
  quote: string
  start: number
  end: number
  /** 0–1: how sure the heuristics are that this is a proposal. */
  confidence: number
}

/** How far after "yêu cầu" the addressee may run before the verb. */
const ADDRESSEE_WORDS = 12
const MIN_WORDS = 3
const MIN_SPLIT_WORDS = 4
const TITLE_LENGTH = 120

type Cue = 'marker' | 'topic' | 'start' | 'then' | 'fallback'
const BASE_CONFIDENCE: Record<Cue, number> = { marker: 0.85, topic: 0.75, start: 0.7, then: 0.55, fallback: 0.45 }

interface Action {
  start: number
  cue: Cue
}

/** Where the proposal in a clause starts and which cue found it; null for a clause that reports. */
function findAction(text: string, lower: string, clause: Span, inContext: boolean): Action | null {
  const first = skipLeadIns(lower, clause.start, clause.end)
  const opening = verbAt(lower, first)
  if (opening && opening.kind !== 'context') return openingAction(text, first, clause, inContext)
  return cuedAction(text, lower, clause) ?? (opening && inContext ? openingAction(text, first, clause, inContext) : null)
}

/** A clause that opens with its verb: "Tăng cường …", "Trong đó, rà soát …". */
function openingAction(text: string, first: number, clause: Span, inContext: boolean): Action | null {
  const rest = text.slice(first, clause.end)
  if (reportsResults(rest)) return null
  return inContext || !pastOrPassive(rest) ? { start: first, cue: 'start' } : null
}

/** A clause whose proposal follows a cue: "yêu cầu huyện …", "ý kiến … về …", "… thì …". */
function cuedAction(text: string, lower: string, clause: Span): Action | null {
  for (const marker of strongMarkers(lower, clause.start, clause.end)) {
    if (marker.assigns) {
      const assigned = wordAfter(text, lower, marker.end, clause, 'marker')
      if (assigned) return assigned
      continue
    }
    let budget = ADDRESSEE_WORDS
    for (const w of wordStarts(lower, marker.end, clause.end)) {
      if (verbAt(lower, w)) return { start: w, cue: 'marker' }
      // "đề nghị các cơ quan … nên có giải pháp …": the modal ends the addressee.
      const modal = modalAt(lower, w)
      if (modal) return wordAfter(text, lower, w + modal.length, clause, 'marker')
      if (--budget === 0) break
    }
    const fallback = wordAfter(text, lower, marker.end, clause, 'fallback')
    if (fallback) return fallback
  }
  const topic = topicVerbStart(lower, clause.start, clause.end)
  if (topic !== null) return { start: topic, cue: 'topic' }
  const then = thenVerbStart(lower, clause.start, clause.end)
  if (then !== null) return { start: then, cue: 'then' }
  return null
}

function skipSpace(lower: string, pos: number): number {
  while (pos < lower.length && /[\s:,]/u.test(lower[pos]!)) pos++
  return pos
}

/** The rest of the clause from the next word on, if it starts with a letter and is long enough. */
function wordAfter(text: string, lower: string, pos: number, clause: Span, cue: Cue): Action | null {
  const start = skipSpace(lower, pos)
  if (!/\p{L}/u.test(lower[start] ?? '')) return null
  return wordCount(text, { start, end: clause.end }) >= MIN_WORDS ? { start, cue } : null
}

/** Cuts a long title at a clause boundary (", ", " để ", " nhằm ") or else a word, with "…". */
function shortTitle(s: string): string {
  if (s.length <= TITLE_LENGTH) return s
  const head = s.slice(0, TITLE_LENGTH)
  const boundary = Math.max(head.lastIndexOf(', '), head.lastIndexOf(' để '), head.lastIndexOf(' nhằm '), head.lastIndexOf(' theo hướng '))
  if (boundary >= 40) return head.slice(0, boundary)
  const space = head.lastIndexOf(' ')
  return `${head.slice(0, space > 40 ? space : TITLE_LENGTH).replace(/[\s,;:]+$/u, '')}…`
}

function makeTitle(text: string, lower: string, piece: Span): string {
  const raw = text.slice(titleStart(lower, piece.start), piece.end).replace(/\s+/gu, ' ').trim()
  const title = shortTitle(raw)
  return title.charAt(0).toLocaleUpperCase('vi') + title.slice(1)
}

/** Splits "phát triển cây ăn quả …, hoàn thiện quy hoạch sử dụng đất" into its two proposals. */
function pieces(text: string, lower: string, action: Span): Span[] {
  const out: Span[] = []
  let start = action.start
  for (const at of splitPoints(lower, action.start, action.end)) {
    const head = trimTrailingPunctuation(text, { start, end: at })
    const tail = { start: at, end: action.end }
    if (wordCount(text, head) >= MIN_SPLIT_WORDS && wordCount(text, tail) >= MIN_SPLIT_WORDS) {
      out.push(head)
      start = at
    }
  }
  out.push(trimTrailingPunctuation(text, { start, end: action.end }))
  return out.filter((p) => wordCount(text, p) >= MIN_WORDS)
}

function usableBlocks(text: string, blocks: Block[]): Block[] {
  const consistent = blocks.length > 0 && blocks.every((b) => text.slice(b.start, b.end) === b.text)
  return consistent ? blocks : segmentBlocks(text)
}

function suggest(text: string, lower: string, piece: Span, sentence: Span, cue: Cue, tolerated: boolean, index: SectorIndex): ProposalSuggestion {
  const quote = text.slice(piece.start, piece.end)
  let sector = index.guess(quote)
  // A bare clause ("đẩy lùi các tệ nạn xã hội") may only name its sector in the sentence around it.
  if (sector.score === 0) sector = index.guess(text.slice(sentence.start, sentence.end))
  let confidence = BASE_CONFIDENCE[cue] + (sector.score > 0 ? 0.05 : -0.05) - (tolerated ? 0.1 : 0)
  confidence = Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100
  return { title: makeTitle(text, lower, piece), sector: sector.code, quote, start: piece.start, end: piece.end, confidence }
}

export function extractProposals(text: string, blocks: Block[], sectors: Sector[]): ProposalSuggestion[] {
  const lower = matchForm(text)
  const index = buildSectorIndex(sectors)
  const found: ProposalSuggestion[] = []
  // Directions run on from a "yêu cầu"/"cần" into the next sentences and paragraphs until a heading.
  let context = false
  for (const block of usableBlocks(text, blocks)) {
    if (block.kind === 'heading') {
      context = false
      continue
    }
    let directivesHere = false
    for (const sentence of sentenceSpans(text, block.start, block.end)) {
      for (const clause of clauseSpans(text, sentence)) {
        const action = findAction(text, lower, clause, context || directivesHere)
        if (strongMarkers(lower, clause.start, clause.end).length > 0) directivesHere = true
        if (!action) continue
        directivesHere = true
        const span = trimTrailingPunctuation(text, { start: action.start, end: clause.end })
        const tolerated = pastOrPassive(text.slice(span.start, span.end))
        for (const piece of pieces(text, lower, span)) found.push(suggest(text, lower, piece, sentence, action.cue, tolerated, index))
      }
    }
    context = directivesHere
  }
  return found
}
