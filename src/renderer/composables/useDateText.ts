// Dates in words for the current language: the report date in the header
// ("Ngày 26 tháng 5 năm 2022" / "26 May 2022") and short due dates.
import { useI18n } from 'vue-i18n'
import { formatVnDate } from '../../core/dates/vn-date-input'
import { parseReportDate } from '../lib/reportDate'

export function useDateText() {
  const { t, locale } = useI18n()
  const monthName = (m: number) => t(`date.months.m${m}`)

  function reportDate(date: string): string {
    const parts = parseReportDate(date)
    if (!parts) return ''
    const month = monthName(parts.month)
    if (parts.day === null) return t('date.monthOnly', { month, year: parts.year })
    return t('date.full', { day: parts.day, month, year: parts.year })
  }

  function shortDate(date: string | null): string {
    const parts = date ? parseReportDate(date) : null
    if (!parts || parts.day === null) return ''
    // Vietnamese dates are shown as they are typed: dd/mm/yyyy.
    if (locale.value === 'vi') return formatVnDate(date)
    return t('date.short', { day: parts.day, month: monthName(parts.month), year: parts.year })
  }

  return { reportDate, shortDate }
}
