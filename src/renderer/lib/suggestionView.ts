// What the suggestion panel shows: the suggestions filtered by sector and responsible body,
// ranked most confident first or grouped by the report's sections in text order.
export interface ViewSuggestion {
  key: string
  sector: string
  owner: string | null
  confidence: number
  start: number
  section: string | null
}

export type SuggestionOrder = 'confidence' | 'section'

/** The key the body filter uses: the owner as written, or '' for "no body named". */
export const bodyKey = (owner: string | null) => (owner ?? '').trim()

export interface SuggestionFilter {
  sector: string | null
  /** null = any body; '' = suggestions that name none. */
  body: string | null
}

export function filterSuggestions<T extends ViewSuggestion>(items: readonly T[], f: SuggestionFilter): T[] {
  return items.filter((s) => (f.sector === null || s.sector === f.sector) && (f.body === null || bodyKey(s.owner) === f.body))
}

export function orderSuggestions<T extends ViewSuggestion>(items: readonly T[], order: SuggestionOrder): T[] {
  return [...items].sort(order === 'confidence' ? (a, b) => b.confidence - a.confidence || a.start - b.start : (a, b) => a.start - b.start)
}

/** Bodies named by the suggestions, most frequent first, with their counts. */
export function bodiesOf(items: readonly ViewSuggestion[]): { body: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const s of items) counts.set(bodyKey(s.owner), (counts.get(bodyKey(s.owner)) ?? 0) + 1)
  return [...counts].map(([body, count]) => ({ body, count })).sort((a, b) => b.count - a.count || a.body.localeCompare(b.body, 'vi'))
}

/** Consecutive runs of the same section, for headings between them. */
export function groupBySection<T extends ViewSuggestion>(items: readonly T[]): { section: string | null; items: T[] }[] {
  const groups: { section: string | null; items: T[] }[] = []
  for (const s of items) {
    const last = groups[groups.length - 1]
    if (last && last.section === s.section) last.items.push(s)
    else groups.push({ section: s.section, items: [s] })
  }
  return groups
}
