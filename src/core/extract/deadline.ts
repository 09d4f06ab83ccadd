// Deadlines written in a directive ("trước ngày 30/6/2022", "trong tháng 7", "trước 15/8",
// "trong quý III") as the last day of the period, with the report's year when none is given.

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m) || y < 1900 || y > 2200) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

const yearOf = (s: string | undefined, fallback: number | null): number | null => {
  if (!s) return fallback
  const n = Number(s)
  return s.length === 2 ? 2000 + n : n
}

const LEAD = '(?:trước|chậm nhất(?: là)?(?: trước)?|hạn chót|xong trước|hoàn thành trước|đến hết|kết thúc trước|trong|cuối|hết|hạn)'
const DAY = new RegExp(`(?<![\\p{L}])${LEAD}\\s+(?:(?:ngày|hết ngày)\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}|\\d{2}))?(?![\\d/])`, 'u')
const MONTH = new RegExp(`(?<![\\p{L}])${LEAD}\\s+(?:hết\\s+)?tháng\\s+(\\d{1,2})(?:\\s*(?:[/-]|năm)\\s*(\\d{4}))?(?![\\d/])`, 'u')
const QUARTER = new RegExp(`(?<![\\p{L}])${LEAD}\\s+(?:hết\\s+)?q(?:uý|úy)\\s+(iv|iii|ii|i|[1-4])(?![\\p{L}\\d])(?:\\s*(?:[/-]|năm)\\s*(\\d{4}))?`, 'u')
const YEAR = /(?<![\p{L}])(?:trước|trong|chậm nhất|hết|cuối) năm (\d{4})(?!\d)/u

/** The deadline a clause gives, as YYYY-MM-DD, or null. `lower` is the clause in lower case. */
export function parseDeadline(lower: string, year: number | null): string | null {
  const d = DAY.exec(lower)
  if (d) {
    const y = yearOf(d[3], year)
    if (y !== null) return iso(y, Number(d[2]), Number(d[1]))
  }
  const m = MONTH.exec(lower)
  if (m) {
    const y = yearOf(m[2], year)
    const month = Number(m[1])
    if (y !== null && month >= 1 && month <= 12) return iso(y, month, lastDay(y, month))
  }
  const q = QUARTER.exec(lower)
  if (q) {
    const y = yearOf(q[2], year)
    const month = ROMAN[q[1]!]! * 3
    if (y !== null) return iso(y, month, lastDay(y, month))
  }
  const yr = YEAR.exec(lower)
  if (yr && /(?:trước|chậm nhất|hết|cuối) năm/u.test(yr[0])) return iso(Number(yr[1]), 12, 31)
  return null
}
