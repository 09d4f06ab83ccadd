// Pure checklist logic (grouping, counting, ordering), kept out of the store so it can
// be tested without Vue and reused by any view of the same proposals.
import { DECIDED_STATUSES, PROPOSAL_STATUSES } from '../../core/vocabulary'
import type { Proposal, ProposalStatus, Sector } from '../../core/domain'

export interface ChecklistFilter {
  sector: string | null
  statuses: readonly ProposalStatus[]
}

export interface SectorGroup {
  code: string
  sector: Sector | null
  items: Proposal[]
}

export type DropPosition = 'before' | 'after'

export function sortProposals(list: readonly Proposal[]): Proposal[] {
  return [...list].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
}

export function matchesFilter(p: Proposal, filter: ChecklistFilter): boolean {
  if (filter.sector && p.sector !== filter.sector) return false
  return filter.statuses.length === 0 || filter.statuses.includes(p.status)
}

/** Groups in taxonomy order (unknown sectors last), each keeping checklist order. */
export function groupProposals(ordered: readonly Proposal[], sectors: readonly Sector[], filter: ChecklistFilter): SectorGroup[] {
  const byCode = new Map<string, SectorGroup>()
  for (const p of ordered) {
    if (!matchesFilter(p, filter)) continue
    let group = byCode.get(p.sector)
    if (!group) {
      group = { code: p.sector, sector: sectors.find((s) => s.code === p.sector) ?? null, items: [] }
      byCode.set(p.sector, group)
    }
    group.items.push(p)
  }
  const rank = (code: string) => {
    const i = sectors.findIndex((s) => s.code === code)
    return i === -1 ? sectors.length : i
  }
  return [...byCode.values()].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code))
}

export function countByStatus(list: readonly Proposal[]): Record<ProposalStatus, number> {
  const counts = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>
  for (const p of list) counts[p.status]++
  return counts
}

export function decidedCount(list: readonly Proposal[]): number {
  return list.filter((p) => DECIDED_STATUSES.includes(p.status)).length
}

/** The id list with `id` taken out and put before or after `targetId`. */
export function moveId(ids: readonly number[], id: number, targetId: number, where: DropPosition): number[] {
  if (id === targetId || !ids.includes(id) || !ids.includes(targetId)) return [...ids]
  const rest = ids.filter((x) => x !== id)
  const at = rest.indexOf(targetId) + (where === 'after' ? 1 : 0)
  rest.splice(at, 0, id)
  return rest
}

/** The visible neighbour within the same group to move past with Alt+↑/↓, if any. */
export function neighbourInGroup(
  groups: readonly SectorGroup[],
  id: number,
  delta: -1 | 1,
): { targetId: number; where: DropPosition } | null {
  for (const g of groups) {
    const i = g.items.findIndex((p) => p.id === id)
    if (i === -1) continue
    const neighbour = g.items[i + delta]
    return neighbour ? { targetId: neighbour.id, where: delta === -1 ? 'before' : 'after' } : null
  }
  return null
}
