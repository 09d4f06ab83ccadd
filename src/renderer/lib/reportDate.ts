// Report dates arrive as YYYY-MM-DD, YYYY-MM or ''; the header spells them out in the
// user's language, so parsing is kept apart from the localized wording.
export interface ReportDateParts {
  year: number
  month: number
  day: number | null
}

export function parseReportDate(date: string): ReportDateParts | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date.trim())
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = m[3] === undefined ? null : Number(m[3])
  if (month < 1 || month > 12) return null
  if (day !== null && (day < 1 || day > 31)) return null
  return { year, month, day }
}
