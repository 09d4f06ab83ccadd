// Meeting times are wall-clock times where the meeting is held ("9 giờ 30"), so they are
// taken from the machine's local clock and stored without a zone.
import type { LocalDateTime } from '../../core/meeting-domain'

const pad2 = (n: number) => String(n).padStart(2, '0')

export function localNow(date: Date = new Date()): LocalDateTime {
  return (
    `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}` +
    `T${pad2(date.getHours())}:${pad2(date.getMinutes())}`
  )
}
