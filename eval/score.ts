// Scores suggestions against gold directives the way the corpus README defines it: a gold item
// is found when one suggestion holds ≥ 60 % of its words; a suggestion is right when half its
// words lie in one gold item or it holds ≥ 80 % of one; sector, owner and deadline are judged
// on the found items.
import { fold } from '../src/core/text'
import type { GoldItem } from './corpus'

export interface Scored {
  quote: string
  sector: string
  owner?: string | null
  dueDate?: string | null
  partners?: string | null
}

/** Which gold codes an app sector code may stand for (corpus README table). */
export const GOLD_CODES: Record<string, string[]> = {
  planning_investment: ['finance_investment', 'other'],
  finance: ['finance_investment'],
  industry_trade: ['industry_trade'],
  agriculture: ['agriculture_forestry', 'disaster'],
  natural_resources: ['land_environment', 'disaster'],
  construction: ['construction_planning'],
  transport: ['transport'],
  education: ['education'],
  health: ['health'],
  labour_social: ['culture_society'],
  culture_tourism: ['tourism', 'culture_society'],
  home_affairs: ['administration'],
  ethnic_affairs: ['culture_society'],
  defence_security: ['defense_security', 'disaster'],
  foreign_affairs: ['defense_security'],
  inspection: ['administration'],
  information_communications: ['other', 'administration'],
  general: ['other', 'administration'],
}

export function words(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
}

/** Share of `part`'s words (with repeats) that occur in `whole`. */
function coverage(part: string[], whole: Set<string>): number {
  if (part.length === 0) return 0
  return part.filter((w) => whole.has(w)).length / part.length
}

export interface Counts {
  gold: number
  found: number
  suggested: number
  right: number
  /** Right suggestions whose gold item an earlier right suggestion already stands for. */
  duplicates: number
  sectorRight: number
  ownerRight: number
  /** Found items whose gold carries a deadline label, and how many of those were right. */
  dueJudged: number
  dueRight: number
}

export const emptyCounts = (): Counts => ({ gold: 0, found: 0, suggested: 0, right: 0, duplicates: 0, sectorRight: 0, ownerRight: 0, dueJudged: 0, dueRight: 0 })

export function addCounts(a: Counts, b: Counts): Counts {
  const out = emptyCounts()
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = a[k] + b[k]
  return out
}

/** Same body, spelled freely: equal after folding, one inside the other, or most words shared. */
export function sameActor(owner: string | null | undefined, actor: string | null): boolean {
  if (actor === null) return owner === null || owner === undefined || owner === ''
  if (!owner) return false
  const a = words(actor).join(' ')
  const o = words(owner).join(' ')
  if (a === o || a.includes(o) || o.includes(a)) return true
  const aw = new Set(words(actor))
  const ow = words(owner)
  const shared = ow.filter((w) => aw.has(w)).length
  return shared / Math.max(aw.size, ow.length) >= 0.6
}

export interface ItemJudgement {
  gold: GoldItem
  match: Scored | null
  sectorOk: boolean
  ownerOk: boolean
}

export function scoreDoc(gold: GoldItem[], suggestions: Scored[]): { counts: Counts; items: ItemJudgement[]; wrong: Scored[]; seconds: Scored[] } {
  const goldWords = gold.map((g) => words(g.text))
  const goldSets = goldWords.map((w) => new Set(w))
  const sugWords = suggestions.map((s) => words(s.quote))
  const sugSets = sugWords.map((w) => new Set(w))
  const counts = emptyCounts()
  counts.gold = gold.length
  counts.suggested = suggestions.length
  const items: ItemJudgement[] = gold.map((g, gi) => {
    // The suggestion covering most of the item is its match.
    let best = -1
    let bestCover = 0
    suggestions.forEach((_, si) => {
      const c = coverage(goldWords[gi]!, sugSets[si]!)
      if (c > bestCover) {
        bestCover = c
        best = si
      }
    })
    const match = bestCover >= 0.6 ? suggestions[best]! : null
    const sectorOk = !!match && (GOLD_CODES[match.sector] ?? []).includes(g.sector)
    const ownerOk = !!match && sameActor(match.owner, g.actor)
    if (match) {
      counts.found++
      if (sectorOk) counts.sectorRight++
      if (ownerOk) counts.ownerRight++
      if (g.dueDate !== undefined) {
        counts.dueJudged++
        if ((match.dueDate ?? null) === g.dueDate) counts.dueRight++
      }
    }
    return { gold: g, match, sectorOk, ownerOk }
  })
  const wrong: Scored[] = []
  const stoodFor = new Set<number>()
  const seconds: Scored[] = []
  suggestions.forEach((s, si) => {
    let own = -1
    let ownShare = 0
    goldSets.forEach((set, gi) => {
      if (!(coverage(sugWords[si]!, set) >= 0.5 || coverage(goldWords[gi]!, sugSets[si]!) >= 0.8)) return
      const share = coverage(sugWords[si]!, set)
      if (own === -1 || share > ownShare) {
        own = gi
        ownShare = share
      }
    })
    if (own === -1) {
      wrong.push(s)
      return
    }
    counts.right++
    if (stoodFor.has(own)) {
      counts.duplicates++
      seconds.push(s)
    }
    stoodFor.add(own)
  })
  return { counts, items, wrong, seconds }
}

export interface Rates {
  recall: number
  precision: number
  sector: number
  owner: number
  due: number | null
}

export function rates(c: Counts): Rates {
  return {
    recall: c.gold === 0 ? 1 : c.found / c.gold,
    precision: c.suggested === 0 ? 1 : c.right / c.suggested,
    sector: c.found === 0 ? 1 : c.sectorRight / c.found,
    owner: c.found === 0 ? 1 : c.ownerRight / c.found,
    due: c.dueJudged === 0 ? null : c.dueRight / c.dueJudged,
  }
}
