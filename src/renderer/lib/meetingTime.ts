// Times of a meeting are local wall-clock strings ("2022-05-26T09:30"); these turn them into
// what the meeting screens show: a clock, a time spent, an entry's hour.

/** The local instant a "YYYY-MM-DDTHH:MM" string names, or null when it is not one. */
export function parseLocal(value: string | null): Date | null {
  const m = value?.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/)
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  return new Date(y, mo - 1, d, h, mi)
}

/** A duration as m:ss, or h:mm:ss from an hour on; negative spans count as zero. */
export function formatSpan(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** Time spent on an item: up to its end, or up to now while it runs; null before it starts. */
export function itemSpan(startedAt: string | null, endedAt: string | null, now: Date): number | null {
  const start = parseLocal(startedAt)
  if (!start) return null
  const end = parseLocal(endedAt) ?? now
  return end.getTime() - start.getTime()
}

export function clockText(now: Date): string {
  return [now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}

/** "09:30" of a local date-time; '' when there is none. */
export function hourOf(value: string | null): string {
  return value?.slice(11, 16) ?? ''
}

/** 2022-06-30 as 30/06/2022. */
export function shortDate(isoDate: string | null): string {
  if (!isoDate) return ''
  const [y, m, d] = isoDate.split('-')
  return `${d}/${m}/${y}`
}
