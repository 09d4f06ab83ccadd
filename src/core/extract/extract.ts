// Suggests checklist proposals from a report: candidate directives (actor + directive verb +
// task) scored by the learned clause scorer, each with a title, sector, responsible body,
// partners and deadline; near-identical ones merged and the list capped, most confident kept.
import type { Block, Sector } from '../domain'
import { buildSectorIndex, type SectorIndex } from '../sector-guess'
import { matchForm } from '../sentences'
import { findCandidates, usableBlocks, type Candidate } from './candidates'
import { parseDeadline } from './deadline'
import { paragraphs } from './paragraphs'
import { score, type ScorerWeights } from './scorer'
import { makeTitle } from './title'
import defaultWeights from '../../../data/directive-weights.json'

export interface ProposalSuggestion {
  title: string
  sector: string
  quote: string
  start: number
  end: number
  /** 0–1: the scorer's probability that this is a directive. */
  confidence: number
  /** The responsible body, as the text names it; null when none is named. */
  owner: string | null
  /** Bodies it is to work with ("phối hợp với …"), as written; null when none. */
  partners: string | null
  /** YYYY-MM-DD, the last day of the period the text gives; null when none. */
  dueDate: string | null
  /** The heading or headline the passage falls under; null before the first. */
  section: string | null
}

export interface ExtractOptions {
  /** The report's year, for deadlines written without one. */
  year?: number | null
  model?: ScorerWeights
  /** At most this many suggestions, the most confident kept. */
  limit?: number
}

const DEFAULT_LIMIT = 300

export const shippedModel: ScorerWeights = defaultWeights as ScorerWeights

/** Every candidate with its score, in text order (for training and evaluation). */
export function scoredCandidates(text: string, blocks: Block[], model: ScorerWeights, lower?: string): { candidate: Candidate; p: number }[] {
  return findCandidates(text, blocks, lower).map((candidate) => ({ candidate, p: score(model, candidate.features) }))
}

export function extractProposals(text: string, blocks: Block[], sectors: Sector[], opts: ExtractOptions = {}): ProposalSuggestion[] {
  const model = opts.model ?? shippedModel
  const lower = matchForm(text)
  // The catch-all sector's words ("chỉ đạo", "phối hợp") are in every directive: it is the fallback only.
  const index = buildSectorIndex(sectors.map((s) => (s.code === 'general' ? { ...s, keywords: [] } : s)))
  const sections = sectionTitles(text, usableBlocks(text, blocks))
  const kept: ProposalSuggestion[] = []
  const byKey = new Map<string, number>()
  const confidence = (p: number) => Math.round(Math.min(0.99, Math.max(0.01, p)) * 100) / 100
  for (const { candidate: c, p } of scoredCandidates(text, blocks, model, lower)) {
    if (p < model.threshold) continue
    // Near-identical suggestions (same words, or same opening) merge into the most confident.
    const keys = dedupKeys(lower.slice(c.start, c.end))
    const seen = keys.map((k) => byKey.get(k)).find((i) => i !== undefined)
    if (seen !== undefined) {
      if (kept[seen]!.confidence < confidence(p)) kept[seen] = suggestion(text, lower, c, p, index, opts.year ?? null, sections)
      continue
    }
    for (const k of keys) byKey.set(k, kept.length)
    kept.push(suggestion(text, lower, c, p, index, opts.year ?? null, sections))
  }
  const limit = opts.limit ?? DEFAULT_LIMIT
  const chosen = kept.length <= limit ? kept : [...kept].sort((a, b) => b.confidence - a.confidence).slice(0, limit)
  return chosen.sort((a, b) => a.start - b.start)
}

function dedupKeys(lowerQuote: string): string[] {
  const words = lowerQuote.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  return [`b:${[...new Set(words)].sort().join(' ')}`, `h:${words.slice(0, 12).join(' ')}|${words.length > 12 ? words.slice(-4).join(' ') : ''}`]
}

function suggestion(text: string, lower: string, c: Candidate, p: number, index: SectorIndex, year: number | null, sections: SectionIndex): ProposalSuggestion {
  const quote = text.slice(c.start, c.end)
  const task = text.slice(c.taskStart, c.end)
  let sector = index.guess(c.owner ? `${task} . ${c.owner}` : task)
  if (sector.score === 0) sector = index.guess(quote)
  if (sector.score === 0) sector = index.guess(text.slice(c.sentence.start, c.sentence.end))
  if (sector.score === 0 && c.owner) sector = index.guess(c.owner)
  // The deadline may follow the task in the rest of its sentence ("…, hoàn thành trước 30/6").
  const due = parseDeadline(lower.slice(c.start, c.end), year) ?? parseDeadline(lower.slice(c.end, Math.min(c.sentence.end, c.end + 80)), year) ??
    (c.deadlineAt ? parseDeadline(lower.slice(c.deadlineAt.start, c.deadlineAt.end), year) : null)
  const title = makeTitle(text.slice(c.taskStart, c.end), lower.slice(c.taskStart, c.end), c.partners, c.features.cutAtEnd === 1)
  return {
    title,
    sector: sector.code,
    quote,
    start: c.start,
    end: c.end,
    confidence: Math.round(Math.min(0.99, Math.max(0.01, p)) * 100) / 100,
    owner: c.owner,
    partners: c.partners,
    dueDate: due,
    section: sections.at(c.start),
  }
}

interface SectionIndex {
  at(offset: number): string | null
}

/** Headings and short numbered or headline paragraphs, in order, as the sections of the report. */
function sectionTitles(text: string, blocks: Block[]): SectionIndex {
  const heads = paragraphs(text, blocks)
    .filter((p) => p.kind === 'heading' || (p.headlike && /^(?:[IVX]+|\d{1,2}|[A-Z])[.)]\s/u.test(text.slice(p.start, p.end))))
    .map((p) => ({ start: p.start, title: text.slice(p.start, p.end).replace(/\s+/gu, ' ').slice(0, 80) }))
  return {
    at(offset) {
      let lo = 0
      let hi = heads.length - 1
      let found: string | null = null
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (heads[mid]!.start <= offset) {
          found = heads[mid]!.title
          lo = mid + 1
        } else hi = mid - 1
      }
      return found
    },
  }
}
