// A short, clean title for a suggested directive: the task from its verb on, without lead
// adverbs or "chủ trì, phối hợp với …", cut at a clause boundary or a whole word (never inside one).
import { TASK_VERBS } from './lexicon'
import { phraseSet } from './match'

const MAX = 90
const taskVerb = phraseSet(TASK_VERBS)
const LEAD = /^(?:(?:tiếp tục|tập trung|khẩn trương|chủ động|thường xuyên|kịp thời|quan tâm|sớm|tích cực|quyết liệt|cần|phải|nên|được giao(?: trách nhiệm)?|có trách nhiệm|chịu trách nhiệm|chủ trì|đến|vào|việc|công tác)\s*,?\s+)+/u

export function makeTitle(quote: string, lowerQuote: string, partners: string | null, cutAtEnd: boolean): string {
  let s = quote.replace(/\s+/gu, ' ').trim()
  let low = lowerQuote.replace(/\s+/gu, ' ').trim()
  const skip = (n: number) => {
    s = s.slice(n).trimStart()
    low = low.slice(low.length - s.length)
  }
  for (let guard = 0; guard < 3; guard++) {
    const lead = LEAD.exec(low)
    if (lead && taskVerb.at(low, lead[0].length)) skip(lead[0].length)
    const coop = /^phối hợp(?: chặt chẽ)?(?: với)?\s+/u.exec(low)
    if (coop && partners && low.slice(coop[0].length).startsWith(partners.toLowerCase())) {
      const rest = low.slice(coop[0].length + partners.length).replace(/^[\s,]+/u, '')
      if (taskVerb.at(rest, 0) && rest.split(' ').length >= 3) skip(low.length - rest.length)
    }
  }
  let words = s.split(' ')
  if (cutAtEnd && words.length > 2) words = words.slice(0, -1)
  let title = words.join(' ')
  let cut = cutAtEnd && words.length > 0
  if (title.length > MAX) {
    const head = title.slice(0, MAX)
    const boundary = Math.max(head.lastIndexOf(', '), head.lastIndexOf(' để '), head.lastIndexOf(' nhằm '), head.lastIndexOf(' theo hướng '))
    if (boundary >= 35) {
      title = head.slice(0, boundary)
      cut = false
    } else {
      title = head.slice(0, head.lastIndexOf(' '))
      cut = true
    }
  }
  title = title.replace(/[\s,;:(–-]+$/u, '')
  if (cut) title += '…'
  return title.charAt(0).toLocaleUpperCase('vi') + title.slice(1)
}
