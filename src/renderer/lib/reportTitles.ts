// Report titles and dates as the picker and the rename dialog show them. Titles of district
// reports share long openings ("Báo cáo kết quả thực hiện … của huyện …") and differ at the end,
// so a title too long for its place keeps its end and loses words from the middle, never the
// district's name; dates are typed and shown dd/mm/yyyy.

/** Shortens a title to about `max` characters by dropping whole words from the middle. */
export function middleEllipsis(title: string, max: number): string {
  const text = title.trim().replace(/\s+/g, ' ')
  if (text.length <= max) return text
  const words = text.split(' ')
  // The end is what tells reports apart: it gets about two thirds of the room, all of it when
  // there is little (a start of "Báo cáo…" tells nothing).
  const tailRoom = max < 30 ? max - 2 : Math.ceil((max - 1) * 0.66)
  let tail = ''
  let i = words.length - 1
  while (i >= 0 && (tail ? tail.length + 1 : 0) + words[i]!.length <= tailRoom) {
    tail = tail ? `${words[i]} ${tail}` : words[i]!
    i--
  }
  if (!tail) tail = text.slice(text.length - tailRoom)
  let head = ''
  for (let j = 0; j < i && max >= 30; j++) {
    const next = head ? `${head} ${words[j]}` : words[j]!
    if (next.length + tail.length + 2 > max) break
    head = next
  }
  return head ? `${head} … ${tail}` : `… ${tail}`
}

/**
 * Short labels for several titles: each shortened to `max`, then lengthened (up to the full
 * title) wherever two labels would read the same.
 */
export function distinctLabels(titles: readonly string[], max: number): string[] {
  const labels = titles.map((t) => middleEllipsis(t, max))
  for (let room = max; room < max * 4; room += Math.ceil(max / 3)) {
    const seen = new Map<string, number>()
    for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1)
    const clashing = labels.map((l, i) => (seen.get(l)! > 1 && titles[i]!.trim() !== l ? i : -1)).filter((i) => i >= 0)
    if (clashing.length === 0) break
    for (const i of clashing) labels[i] = middleEllipsis(titles[i]!, room + Math.ceil(max / 3))
  }
  return labels
}

/** YYYY-MM-DD (or YYYY-MM) as dd/mm/yyyy (or mm/yyyy); '' stays ''. */
export function dateToDmy(date: string): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (full) return `${full[3]}/${full[2]}/${full[1]}`
  const month = /^(\d{4})-(\d{2})$/.exec(date)
  return month ? `${month[2]}/${month[1]}` : ''
}

/** A typed dd/mm/yyyy (or mm/yyyy, or empty) as the stored form; null when it is not a real date. */
export function dmyToDate(typed: string): string | null {
  const text = typed.trim()
  if (text === '') return ''
  const full = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (full) {
    const [day, month, year] = [Number(full[1]), Number(full[2]), Number(full[3])]
    const d = new Date(Date.UTC(year, month - 1, day))
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }
  const month = /^(\d{1,2})[/.-](\d{4})$/.exec(text)
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return `${month[2]}-${month[1]!.padStart(2, '0')}`
  return null
}

/** A stored time (ISO, UTC) as local dd/mm/yyyy HH:mm. */
export function dateTimeDmy(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`
}
