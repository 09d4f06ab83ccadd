// Candidate directives of a report, modelled as actor + directive verb + task: every clause of
// every sentence, split into its tasks, with the body that owns it (named in the clause or
// inherited from the addressee of the governing verb across a list) and the clause features the
// scorer weighs.
import { segmentBlocks } from '../blocks'
import type { Block } from '../domain'
import { clauseSpans, matchForm, sentenceSpans, type Span } from '../sentences'
import {
  BODY_HEADS, BODY_NAMES, CITIZEN_WORDS, DISCUSS_WORDS, DOER_CUES, EXHORT_WORDS, GOVERNING_VERBS, HIGHER_LEVEL, PRAISE_WORDS, TASK_VERBS,
} from './lexicon'
import { containsAny, countWords, nextWord, phraseSet, wordsMatcher, wordStarts } from './match'
import { paragraphs, type Paragraph } from './paragraphs'

const governing = phraseSet(GOVERNING_VERBS)
const doerCue = phraseSet(DOER_CUES)
const taskVerb = phraseSet(TASK_VERBS)
const bodyHead = phraseSet(BODY_HEADS)
const bodyName = phraseSet(BODY_NAMES)
const anyOf = wordsMatcher
const PRAISE = anyOf(PRAISE_WORDS)
const DISCUSS = anyOf(DISCUSS_WORDS)
const CITIZEN = anyOf(CITIZEN_WORDS)
const EXHORT = anyOf(EXHORT_WORDS)
const REPORTING = anyOf(['cho biết', 'theo báo cáo', 'báo cáo cho thấy', 'qua kiểm tra'])
const SENTENCE_DIRECTIVE = anyOf(['nhấn mạnh', 'đề nghị', 'yêu cầu', 'chỉ đạo', 'giao', 'kết luận', 'có trách nhiệm', 'chủ trì', 'được giao', 'tham mưu'])
const PAST = anyOf(['đã'])
const RESULT_VERBS = anyOf(['đạt', 'vượt', 'ước'])
const WILL = anyOf(['sẽ'])
const TARGET = anyOf(['phấn đấu', 'mục tiêu', 'chỉ tiêu'])
const higher = phraseSet(HIGHER_LEVEL)

/** Verbs that start a new task after ", " inside a task list. */
const SPLIT_VERBS = phraseSet([
  'tăng cường', 'đẩy mạnh', 'rà soát', 'hoàn thiện', 'nâng cao', 'tập trung', 'quan tâm', 'bảo tồn', 'xóa bỏ', 'đẩy lùi',
  'phát huy', 'kết nối', 'lồng ghép', 'giữ vững', 'triển khai', 'sắp xếp', 'huy động', 'tiếp tục', 'chú trọng', 'tháo gỡ',
  'bám sát', 'khắc phục', 'nghiên cứu', 'thúc đẩy', 'cải thiện', 'củng cố', 'mở rộng', 'bố trí', 'chuẩn bị', 'thu hút',
  'xử lý', 'hoàn thành', 'tính toán', 'tìm', 'xây dựng', 'làm tốt', 'siết chặt', 'có biện pháp', 'có kế hoạch',
  'chủ động', 'tổ chức', 'hướng dẫn', 'phát hiện', 'thường xuyên', 'kiên quyết', 'cân đối', 'tạo điều kiện', 'xem xét',
  'chủ trì', 'chỉ đạo', 'kịp thời', 'đôn đốc', 'báo cáo', 'tham mưu', 'ban hành', 'trình', 'kiểm tra', 'cải cách',
  'thực hiện', 'đảm bảo', 'bảo đảm', 'phối hợp', 'đề nghị', 'giao', 'yêu cầu',
])

export interface Candidate {
  start: number
  end: number
  /** Where the task's verb starts (the title starts there). */
  taskStart: number
  owner: string | null
  partners: string | null
  paragraph: number
  sentence: Span
  /** A later sentence of the paragraph that gives the deadline ("Thời hạn … trong tháng 8"). */
  deadlineAt?: Span
  features: Record<string, number>
}

interface Addressee {
  text: string
  start: number
  end: number
}

/** Words after which a department's name follows ("Sở Xây dựng", "Ban Chỉ đạo 389"). */
const NAMED_HEADS = new Set(['sở', 'ban', 'bộ', 'phòng', 'cục', 'các sở', 'các phòng', 'chi cục', 'ubnd', 'ủy ban nhân dân', 'ban chỉ huy', 'bộ chỉ huy', 'huy'])
/** Words that end a body's name: auxiliaries, "có văn bản", nouns of tasks. */
const BODY_STOP = /^(?:vừa|đã|cũng|đang|được|là|thì|sẽ|cần|phải|nên|hãy|về|tại|trong|theo|để|nhằm|có (?:văn bản|công văn|ý kiến|trách nhiệm|kế hoạch|biện pháp|giải pháp)|(?:các |những )?(?:nhiệm vụ|giải pháp|nội dung|kiến nghị|ý kiến|vấn đề|khó khăn|dự án|công trình|hộ|trường hợp|tổ chức, cá nhân))(?![\p{L}])/u

/** A body starting at `pos`: heads and names up to the task verb, across ", " and " và " joins. */
function readBody(text: string, lower: string, pos: number, to: number, allowEnd = false): Addressee | null {
  const head = bodyHead.at(lower, pos)
  const plural = /^(?:các|những)\s/u.test(lower.slice(pos, pos + 6))
  if (!head && !(plural && bodyHead.at(lower, nextWord(lower, pos + 4, to)))) return null
  if (head && /^(?:ban hành|bộ máy|hội nghị|hội đồng thi|báo cáo|đài thọ|xã hội|phòng chống|phòng, chống|phòng cháy|sở hữu|lực lượng vũ trang)/u.test(lower.slice(pos, pos + 16))) return null
  let end = pos
  let w = pos
  let words = 0
  let prev = ''
  while (w < to && words < 22) {
    if (w > pos) {
      const name = NAMED_HEADS.has(prev) ? bodyName.at(lower, w) : null
      if (name) {
        end = w + name.length
        w = nextWord(lower, end, to)
        words += countWords(name)
        prev = name
        continue
      }
      if (BODY_STOP.test(lower.slice(w, w + 30))) break
      if (taskVerb.at(lower, w) || doerCue.at(lower, w) || governing.at(lower, w)) break
    }
    const between = lower.slice(end, w)
    if (w > pos && /[;:.()]/u.test(between)) break
    // After a comma or "và" the body goes on only with another body.
    if (w > pos && /,|(?<![\p{L}])và(?![\p{L}])/u.test(between) && !bodyHead.at(lower, w) && !/^(?:các|những)\s/u.test(lower.slice(w, w + 6))) break
    const h = bodyHead.at(lower, w)
    let e = w
    if (h && (w === pos || h.includes(' '))) e = w + h.length
    else while (e < to && /[\p{L}\p{N}&\-/]/u.test(lower[e]!)) e++
    prev = lower.slice(w, e)
    end = e
    words++
    w = nextWord(lower, e, to)
  }
  if (end <= pos) return null
  // "giao UBND huyện X:" names the addressee of the list that follows.
  const leadIn = allowEnd && (w >= to || /^\s*:/u.test(lower.slice(end, end + 3)))
  const acts = w < to && (taskVerb.at(lower, w) || doerCue.at(lower, w) || governing.at(lower, w) || AUXILIARY.test(lower.slice(w, w + 8)))
  if (!leadIn && !acts) return null
  return { text: text.slice(pos, end).replace(/\s+/gu, ' ').trim(), start: pos, end }
}

/** An achievement: "đạt được …", "kết quả tích cực". */
const ACHIEVED = /(?<![\p{L}])(?:đạt được|đã đạt|kết quả (?:hết sức |rất |khá )?(?:tích cực|quan trọng|khả quan|đáng ghi nhận|nổi bật))(?![\p{L}])/u

/** "UBND tỉnh vừa …", "Sở X đã …": an auxiliary between the body and its verb. */
const AUXILIARY = /^(?:vừa|đã|cũng|đang|sẽ|cần|phải|nên|luôn)(?![\p{L}])/u

/** The speaker or issuer of a directive rather than the body that acts on it. */
const ISSUER = /^(?:chủ tịch|phó chủ tịch|bí thư|phó bí thư|ubnd tỉnh|ủy ban nhân dân tỉnh|tỉnh ủy|thủ tướng|giám đốc|phó giám đốc|trưởng|lãnh đạo|đồng chí|ông|bà|hđnd tỉnh|thường trực)/u

const LEAD_IN = new RegExp(
  '^(?:[-–—+•*]\\s*|(?:\\d{1,2}|[a-zđ])[.)]\\s+|' +
    '(?:trong đó|mặt khác|đồng thời|bên cạnh đó|cùng với đó|ngoài ra|qua đó|từ đó|theo đó|do đó|vì vậy|vì thế|' +
    'trước mắt|về lâu dài|trong thời gian tới|thời gian tới|đặc biệt|nhất là|cụ thể|trên cơ sở đó|sắp tới|tới đây|' +
    'tiếp đó|sau đó|cũng|và|với|còn)(?:\\s*,\\s*|\\s+)|' +
    '(?:[^,;:]{0,80}?(?:cho rằng|nhấn mạnh|khẳng định|chỉ rõ|lưu ý|phát biểu)\\s*[,:]\\s*)|' +
    '(?:trong \\d+ tháng (?:đầu|cuối) năm|\\d+ tháng (?:đầu|cuối) năm|năm \\d{4}|giai đoạn [\\d–-]+|đối với [^,;]{1,60}|về [^,;]{1,40}|kết thúc [^,;]{1,30}|trong (?:tháng|quý|năm) [^,;]{1,20})\\s*,\\s*)',
  'u',
)

function skipLeadIns(lower: string, pos: number, to: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const m = LEAD_IN.exec(lower.slice(pos, to))
    if (!m || m[0].length === 0) break
    pos += m[0].length
  }
  return pos
}

/** Whether [from, to) ends with a task verb: "… nghiên cứu, rà soát" before ", báo cáo". */
function endsWithVerb(lower: string, from: number, to: number): boolean {
  const before = lower.slice(Math.max(from, to - 14), to)
  return wordStarts(before, 0, before.length).some((i) => {
    const v = taskVerb.at(before, i)
    return v !== null && i + v.length === before.length
  })
}

/** Splits a task run at ", <verb>" into tasks of at least a few words each. */
function splitTasks(text: string, lower: string, from: number, to: number): Span[] {
  const cuts: number[] = []
  const re = /,\s+/gu
  re.lastIndex = from
  let last = from
  for (let m = re.exec(lower); m && m.index < to; m = re.exec(lower)) {
    const at = m.index + m[0].length
    if (at >= to) break
    const verb = SPLIT_VERBS.at(lower, at)
    if (!verb) continue
    // "đoàn kết, tập trung, quyết tâm": a verb followed by a comma lists nouns.
    if (/^\s*[,;:]/u.test(lower.slice(at + verb.length, at + verb.length + 2))) continue
    // "nghiên cứu, rà soát, báo cáo …" is one chain of verbs over one object.
    if (endsWithVerb(lower, last, m.index)) continue
    // "…, trình UBND tỉnh trước 30/6" is the last step of the same task.
    const tailWords = countWords(text.slice(at, to))
    if (/^(?:trình|báo cáo)(?![\p{L}])/u.test(verb) && tailWords < 8) continue
    if (countWords(text.slice(last, m.index)) >= 5 && tailWords >= 3) {
      cuts.push(m.index, at)
      last = at
    }
  }
  const spans: Span[] = []
  let s = from
  for (let i = 0; i < cuts.length; i += 2) {
    spans.push({ start: s, end: cuts[i]! })
    s = cuts[i + 1]!
  }
  spans.push({ start: s, end: to })
  return spans
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.,;:…/!?]/u.test(text[end - 1]!)) end--
  return end
}

/** "phối hợp (với) A, B và C" inside a task: the partners. */
function partnersIn(text: string, lower: string, from: number, to: number): string | null {
  const m = /(?<![\p{L}])phối hợp(?: chặt chẽ)?(?: với)?\s+/u.exec(lower.slice(from, to))
  if (!m) return null
  const at = from + m.index + m[0].length
  const body = readBody(text, lower, at, to)
  if (body) return body.text
  const stop = /(?<![\p{L}])(?:để|nhằm|trong|tổ chức|thực hiện|tăng cường|thường xuyên|nghiên cứu|xây dựng|tham mưu)(?![\p{L}])|[;:.]/u.exec(lower.slice(at, to))
  const end = stop ? at + stop.index : to
  const s = text.slice(at, trimEnd(text, at, end)).replace(/\s+/gu, ' ').trim()
  return /^(?:các|sở|ban|ubnd|công an|văn phòng|đơn vị|cơ quan|lực lượng|chính quyền)/iu.test(s) && countWords(s) <= 25 ? s : null
}

export function findCandidates(text: string, blocks: Block[], lowerForm?: string): Candidate[] {
  const lower = lowerForm ?? matchForm(text)
  const paras = paragraphs(text, usableBlocks(text, blocks))
  const out: Candidate[] = []
  // Addressee of a lead-in ("giao UBND huyện X:") that the next list items inherit.
  let listOwner: string | null = null
  let listContext = false
  // A results report ("Kết quả …", "Báo cáo kết quả …", "Tổng kết …") recounts past directions.
  const first = paras[0]
  const resultsDoc = first !== undefined && /^(?:kết quả|báo cáo kết quả|tổng kết|sơ kết)(?![\p{L}])/u.test(lower.slice(first.start, first.start + 20))
  // What the heading or title above a passage announces (results, tasks), for the scorer.
  let heading: Record<string, number> = {}
  paras.forEach((p, pi) => {
    // A heading, a headline, or a numbered title line ("2. Tăng cường quản lý …") outside a list.
    const numberedTitle = p.headlike && p.listItem && !listContext && /^(?:\d{1,2}|[ivx]+)[.)]\s/u.test(lower.slice(p.start, p.start + 6))
    if (p.kind === 'heading' || (p.headlike && !p.listItem && !listContext) || numberedTitle) heading = headingSignals(lower, p.start, p.end)
    if (!p.listItem && pi > 0 && !paras[pi - 1]!.leadIn && !paras[pi - 1]!.listItem) {
      listOwner = null
      listContext = false
    }
    // Headlines, captions and bylines: a short unpunctuated line outside a list.
    if (p.kind === 'heading' || (p.headlike && !p.listItem && !listContext)) return
    const fromLeadIn = listContext && (p.listItem || paras[pi - 1]?.leadIn === true)
    const paraGoverning = containsAny(governing, lower, p.start, p.end)
    const paraPast = /(?<![\p{L}])đã(?![\p{L}])/u.test(lower.slice(p.start, p.end))
    let owner: string | null = fromLeadIn ? listOwner : null
    sentenceSpans(text, p.start, p.end).forEach((sentence) => {
      const sLow = lower.slice(sentence.start, sentence.end)
      const sentenceFeatures = { ...sentenceSignals(sLow), ...heading }
      let sentenceOwner: string | null = owner
      let sentenceGoverned = false
      // Clauses at ";" and after a ":" lead-in.
      const clauses = clauseSpans(text, sentence).flatMap((c) => splitAtColon(text, lower, c))
      clauses.forEach((clause, ci) => {
        // A lead-in ("… giao UBND huyện X:", "cụ thể như sau:") only introduces the tasks after it.
        const leadInOnly = /:\s*$/u.test(text.slice(clause.start, clause.end)) || text[clause.end] === ':'
        let pos = skipLeadIns(lower, clause.start, clause.end)
        let candidateStart = pos
        let taskStart = pos
        let clauseOwner: string | null = null
        const f: Record<string, number> = { ...sentenceFeatures }
        if (resultsDoc) f.resultsDoc = 1
        if (paraPast) f.paraPast = 1
        // 1. A doer named first: "Sở X chủ trì …", "các ngành cần …".
        const doer = readBody(text, lower, pos, clause.end)
        let afterBody = doer ? nextWord(lower, doer.end, clause.end) : pos
        if (doer) {
          clauseOwner = doer.text
          f.doer = 1
          if (doerCue.at(lower, afterBody)) f.doerCue = 1
          if (/^(?:được giao|có trách nhiệm|chịu trách nhiệm|chủ trì|cần|phải)/u.test(lower.slice(afterBody, afterBody + 18))) f.strongDoer = 1
          if (/^(?:sẽ)/u.test(lower.slice(afterBody, afterBody + 3))) f.will = 1
          if (ISSUER.test(lower.slice(doer.start, doer.end)) || /^(?:tỉnh ủy|ban thường vụ|huyện ủy|đảng ủy)/u.test(lower.slice(doer.start, doer.end))) f.issuerDoer = 1
          taskStart = afterBody
          // "Sở X có trách nhiệm hướng dẫn …": the task starts at its own verb.
          const cue = /^(?:(?:vừa|đã|cũng|đang|cần|phải|nên|luôn)\s+)?(?:được giao(?: trách nhiệm)?|có trách nhiệm|chịu trách nhiệm|cần|phải|nên)\s+(?:chủ trì,?\s+)?/u.exec(lower.slice(afterBody, afterBody + 50))
          if (cue && taskVerb.at(lower, afterBody + cue[0].length)) taskStart = afterBody + cue[0].length
        }
        // 2. A governing verb: "… yêu cầu <addressee> <task>", or "nhiệm vụ … là <task>".
        const isTask = doer ? null : /^[^;:]{0,160}?(?:nhiệm vụ|giải pháp)[^;:]{0,100}?\s(?:là|gồm)\s+(?=\p{L})/u.exec(lower.slice(pos, clause.end))
        if (isTask && taskVerb.at(lower, pos + isTask[0].length)) {
          pos = pos + isTask[0].length
          candidateStart = pos
          taskStart = pos
          f.taskNounIs = 1
          sentenceGoverned = true
        }
        const gov = isTask ? null : findGoverning(lower, doer ? afterBody : clause.start, clause.end)
        if (gov) {
          const before = lower.slice(Math.max(clause.start, gov.start - 60), gov.start)
          // "cử tri … kiến nghị …" is a citizens' petition, not a body's request.
          if (/^(?:kiến nghị|đề nghị|mong muốn|phản ánh)/u.test(gov.verb) && CITIZEN.test(before) && !doer) return
          f.governing = 1
          f[`gov:${gov.verb}`] = 1
          // Who asks: a citizen named before the verb makes it a petition ("phụ huynh … đề xuất").
          if (CITIZEN.test(lower.slice(sentence.start, gov.start))) f.citizenBeforeGov = 1
          // "… nội dung mà Chủ tịch chỉ đạo …": the verb belongs to a relative clause.
          if (/(?<![\p{L}])mà\s+(?:[\p{L}\p{N}]+\s+){0,6}$/u.test(lower.slice(Math.max(sentence.start, gov.start - 60), gov.start))) f.relativeGov = 1
          sentenceGoverned = true
          const addrAt = nextWord(lower, gov.end, clause.end)
          const addrStart = /^(?:cho|với)\s/u.test(lower.slice(addrAt, addrAt + 4)) ? nextWord(lower, addrAt + 3, clause.end) : addrAt
          const leadIn = /:\s*$/u.test(text.slice(clause.start, clause.end)) || /^\s*:/u.test(text.slice(clause.end, clause.end + 3))
          const addressee = readBody(text, lower, addrStart, clause.end, leadIn)
          if (addressee) {
            f.addressee = 1
            if (higher.at(lower, addressee.start)) f.higherAddressee = 1
            candidateStart = addressee.start
            taskStart = nextWord(lower, addressee.end, clause.end)
            // "Sở X chỉ đạo các phòng …" is Sở X's task; "UBND tỉnh chỉ đạo Sở X …" is Sở X's.
            const doerActs = doer && gov.verb === 'chỉ đạo' && !ISSUER.test(lower.slice(doer.start, doer.end))
            clauseOwner = doerActs ? clauseOwner : addressee.text
            sentenceOwner = clauseOwner
          } else {
            candidateStart = gov.verb === 'chỉ đạo' && gov.start > clause.start + 2 && !doer ? gov.start : addrAt
            taskStart = addrAt
            if (doer && ISSUER.test(lower.slice(doer.start, doer.end))) clauseOwner = null
            // "…; chỉ đạo các cơ sở …" goes on with the body of the sentence.
            else if (!doer && gov.verb === 'chỉ đạo' && ci > 0) clauseOwner = sentenceOwner
            if (/^(?:với )?(?:tỉnh|trung ương)/u.test(lower.slice(addrAt, addrAt + 14)) || /kiến nghị với tỉnh|đề nghị tỉnh|đề xuất (?:với )?tỉnh/u.test(sLow)) {
              clauseOwner = 'tỉnh'
              sentenceOwner = 'tỉnh'
            }
          }
          if (gov.start > pos + 2) f.speakerBefore = 1
        } else if (doer) {
          candidateStart = doer.start
          sentenceOwner = clauseOwner
        } else {
          // 3. A bare task: inherits the addressee of the sentence or the lead-in.
          clauseOwner = sentenceOwner
          if (sentenceOwner) f.inherited = 1
        }
        if (taskVerb.at(lower, taskStart)) f.taskVerb = 1
        if (!f.taskVerb && !doer && !gov && !f.taskNounIs && !f.inherited) f.noCue = 1
        if (ci > 0) f.laterClause = 1
        if (sentenceGoverned && !gov) f.inGovernedSentence = 1
        if (fromLeadIn) f.listUnderLeadIn = 1
        if (p.listItem) f.listItem = 1
        if (p.headlike) f.headlike = 1
        if (paraGoverning) f.paraGoverning = 1
        if (/:\s*$/u.test(text.slice(clause.start, Math.min(text.length, clause.end + 2)))) f.endsColon = 1
        if (/(?<![\p{L}])(?:cần|phải|nên)(?![\p{L}])/u.test(lower.slice(clause.start, taskStart + 1))) f.modal = 1
        const end = trimEnd(text, candidateStart, clause.end)
        if (end - candidateStart < 3 || leadInOnly) return
        const tasks = splitTasks(text, lower, Math.max(taskStart, candidateStart), end)
        tasks.forEach((t, ti) => {
          const s = ti === 0 ? candidateStart : t.start
          const e = trimEnd(text, s, t.end)
          const n = countWords(text.slice(s, e))
          if (n < 2) return
          const ff = { ...f }
          if (ti > 0) {
            ff.splitPart = 1
            delete ff.doer
            delete ff.addressee
          }
          // "… và đạt được những kết quả tích cực" reports an achievement, whatever verb it has.
          if (ACHIEVED.test(lower.slice(s, e))) return
          taskFeatures(text, lower, s, e, n, ff)
          const tStart = ti === 0 ? (taskStart >= s && taskStart < e ? taskStart : s) : s
          out.push({
            start: s,
            end: e,
            taskStart: tStart,
            owner: clauseOwner,
            partners: partnersIn(text, lower, s, e),
            paragraph: pi,
            sentence,
            features: ff,
          })
        })
      })
      owner = sentenceOwner ?? owner
    })
    // "Thời hạn báo cáo trong tháng 8 năm 2025.": the deadline of the tasks before it.
    for (const sentence of sentenceSpans(text, p.start, p.end)) {
      if (!/^(?:thời hạn|hạn chót|thời gian hoàn thành|thời gian thực hiện|hoàn thành trước|hạn hoàn thành)/u.test(lower.slice(sentence.start, sentence.start + 24))) continue
      for (const c of out) if (c.paragraph === pi && c.end <= sentence.start && !c.deadlineAt) c.deadlineAt = sentence
    }
    if (p.leadIn) {
      listOwner = owner
      listContext = true
    } else if (p.listItem && listContext) {
      // Items keep the lead-in's addressee.
    }
  })
  return out
}

/** Splits a clause after a ":" lead-in and before ", yêu cầu/giao/đề nghị/chỉ đạo …". */
/** The given blocks when they match the text, else the text's own. */
export function usableBlocks(text: string, blocks: Block[]): Block[] {
  const consistent = blocks.length > 0 && blocks.every((b) => text.slice(b.start, b.end) === b.text)
  return consistent ? blocks : segmentBlocks(text)
}

function splitAtColon(text: string, lower: string, c: Span): Span[] {
  const part = lower.slice(c.start, c.end)
  const re = /:\s+(?=\S)|,\s+(?=(?:đồng thời\s+)?(?:yêu cầu|giao|đề nghị|chỉ đạo)\s)/gu
  const out: Span[] = []
  let s = c.start
  for (const m of part.matchAll(re)) {
    const at = c.start + m.index
    if (m[0].startsWith(',') && (countWords(text.slice(s, at)) < 3 || endsWithVerb(lower, s, at))) continue
    if (at - s > 2) out.push({ start: s, end: at })
    s = at + m[0].length
  }
  if (c.end - s > 2) out.push({ start: s, end: c.end })
  return out.length > 0 ? out : [c]
}

/** Second syllables that make "giao" part of a noun or another verb: "giao thông", "giao lưu". */
const GIAO_NOUN = /^\s+(?:thông|dịch|lưu|ban|thương|tiếp|hữu|thừa|lộ|diện|điểm|cắt|hàng|nhận|kết|hòa|tranh)(?![\p{L}])/u

function findGoverning(lower: string, from: number, to: number): { verb: string; start: number; end: number } | null {
  for (const w of wordStarts(lower, from, Math.min(to, from + 400))) {
    const v = governing.at(lower, w)
    if (!v) {
      // A governing verb after the task has begun belongs to the task ("báo cáo đề xuất UBND tỉnh").
      if (
        taskVerb.at(lower, w) &&
        !/^(?:tiếp tục|tập trung|khẩn trương|chủ động|thường xuyên|kịp thời|sớm|tích cực)/u.test(lower.slice(w, w + 12)) &&
        // "ban hành công văn yêu cầu …", "có văn bản chỉ đạo …": the document carries the directive.
        !/^(?:ban hành|gửi|ký|có)\s+(?:công văn|văn bản|chỉ thị|thông báo|kế hoạch|quyết định|công điện)/u.test(lower.slice(w, w + 24))
      ) return null
      continue
    }
    // "giao thông", "giao dịch", "giao lưu" are nouns of their own, not "giao" (assign).
    if (v === 'giao' && GIAO_NOUN.test(lower.slice(w + 4, w + 14))) continue
    // "theo yêu cầu", "các kiến nghị", "đề xuất của" are nouns.
    const before = lower.slice(Math.max(0, w - 8), w)
    if (/(?:theo|các|những|về|của|với|ứng|là|tác|sự|việc) $/u.test(before)) continue
    if (/^\s*(?:của|đã|được|tại|trong|vào|điều hành|,\s*điều hành)(?![\p{L}])/u.test(lower.slice(w + v.length, w + v.length + 14))) continue
    return { verb: v, start: w, end: w + v.length }
  }
  return null
}

function sentenceSignals(sLow: string): Record<string, number> {
  const f: Record<string, number> = { bias: 1 }
  if (PRAISE.test(sLow)) f.praise = 1
  if (DISCUSS.test(sLow)) f.discuss = 1
  const citizen = CITIZEN.exec(sLow)
  if (citizen && /(?<![\p{L}])(?:kiến nghị|phản ánh|đề nghị|mong muốn|bức xúc|đề đạt|kiến nghị)(?![\p{L}])/u.test(sLow.slice(citizen.index, citizen.index + 60))) f.citizen = 1
  if (REPORTING.test(sLow)) f.reporting = 1
  if (sLow.includes(' sẽ') && /(?<![\p{L}])(?:tỉnh|chúng tôi|huyện|sở) sẽ(?![\p{L}])/u.test(sLow)) f.speakerWill = 1
  if (SENTENCE_DIRECTIVE.test(sLow)) f.sentenceDirective = 1
  if (sLow.includes('đã ') && /(?<![\p{L}])đã\s+(?:\p{L}+\s+)?(?:chỉ đạo|yêu cầu|giao|đề nghị|hướng dẫn|tổ chức)(?![\p{L}])/u.test(sLow)) f.pastDirective = 1
  if ((sLow.includes('vừa ') || sLow.includes('đã ')) && /(?<![\p{L}])(?:vừa|đã)\s+(?:ký|ban hành|có văn bản|có công văn)/u.test(sLow)) f.documentNews = 1
  return f
}

/** The kind of heading or title a passage falls under: one that announces results, or tasks. */
function headingSignals(lower: string, start: number, end: number): Record<string, number> {
  const h = lower.slice(start, end).replace(/^(?:[ivx]+|\d{1,2}|[a-zđ])[.)]\s*/u, '')
  const f: Record<string, number> = {}
  if (/^(?:kết quả|tình hình|đánh giá|tổng kết|sơ kết|báo cáo)(?![\p{L}])/u.test(h)) f.headResults = 1
  if (/(?<![\p{L}])(?:nhiệm vụ|giải pháp|kiến nghị|đề xuất|phương hướng|kết luận)(?![\p{L}])/u.test(h)) f.headTasks = 1
  if (taskVerb.at(h, 0)) f.headVerb = 1
  return f
}

/** Opening words of a clause that describe rather than direct: "Đây là …", "Phiên họp …". */
const DESCRIBING_START = /^(?:đây|đó|điều này)\s+(?:cũng\s+)?(?:là|được)(?![\p{L}])/u
const EVENT_START = /^(?:phiên họp|hội nghị|cuộc họp|buổi làm việc|buổi tiếp xúc|kỳ họp|đoàn|chương trình|đợt)(?![\p{L}])/u
/** A count of things ("3 cửa hàng", "38 doanh nghiệp"), not a date, a number of a text or a grade. */
const COUNT = /(?<![\p{L}\p{N}/.,-])(?<!(?:số|lớp|ngày|tháng|năm|quý|khóa|giai đoạn|điều|khoản|mục|phần|đợt|lần|kỳ|thứ|top|nhóm|phân hiệu|tuyến|quốc lộ|tỉnh lộ|km)\s)\d{1,6}(?:[.,]\d{3})*\s+(?!tháng|năm|ngày|giờ|phút|%)\p{Ll}/u

function taskFeatures(text: string, lower: string, s: number, e: number, n: number, f: Record<string, number>): void {
  const q = lower.slice(s, e)
  if (DESCRIBING_START.test(q)) f.describing = 1
  if (EVENT_START.test(q)) f.eventSubject = 1
  if (/\d/u.test(q) && COUNT.test(q)) f.counted = 1
  if (/(?<![\p{L}])đang(?![\p{L}])/u.test(q)) f.progressive = 1

  if (!f.taskVerb && !f.doerCue && !containsAny(taskVerb, lower, s, e) && !containsAny(doerCue, lower, s, e)) f.noVerb = 1
  f[n < 4 ? 'len<4' : n <= 8 ? 'len4-8' : n <= 25 ? 'len9-25' : 'len>25'] = 1
  if (PAST.test(q)) f.past = 1
  if (RESULT_VERBS.test(q) || (/\d/u.test(q) && /\d+(?:[.,]\d+)?\s*%|\d{2,}[.,]\d{3}/u.test(q))) f.results = 1
  if (q.includes('được') && /(?<![\p{L}])được(?! giao)(?![\p{L}])/u.test(q)) f.passive = 1
  if (EXHORT.test(q)) f.exhort = 1
  if (WILL.test(q)) f.will = 1
  if (TARGET.test(q)) f.target = 1
  if (/(?:sau|như sau|các nhiệm vụ|nhiệm vụ sau|những nội dung)\s*$/u.test(q)) f.umbrella = 1
  if (e >= text.length - 1 && !/[.!?…]/u.test(text.slice(e, e + 1))) f.cutAtEnd = 1
  if (/\?/u.test(text.slice(e, e + 2))) f.question = 1
  if (/^(?:thời hạn|hạn chót|thời gian hoàn thành|thời gian thực hiện)/u.test(q)) f.deadlineOnly = 1
  if (/^(?:ảnh|quang cảnh|đồng chí|ông|bà)(?![\p{L}])/u.test(q)) f.personStart = 1
  if (/^(?:chủ tịch|bí thư|phó chủ tịch|giám đốc|thủ tướng|lãnh đạo)/u.test(q)) f.leaderStart = 1
}
