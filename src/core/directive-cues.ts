// The Vietnamese words that mark a directive in a working-session report ("cần", "yêu cầu",
// "tăng cường", …), matched on the lower-case form from sentences.ts at exact offsets.

/** Verbs that open a proposal: "rà soát …", "tăng cường …". */
const ACTION_VERBS = [
  'tăng cường', 'đẩy mạnh', 'rà soát', 'hoàn thiện', 'nâng cao', 'phát triển', 'xây dựng', 'tổ chức',
  'bảo tồn', 'kết nối', 'lồng ghép', 'huy động', 'triển khai', 'đầu tư', 'giữ vững', 'giữ gìn', 'bố trí',
  'bám sát', 'tranh thủ', 'nghiên cứu', 'giải quyết', 'nắm vững', 'phát huy', 'thu hút', 'hỗ trợ',
  'khai thác', 'tận dụng', 'đảm bảo', 'bảo đảm', 'thực hiện', 'xóa bỏ', 'đẩy lùi', 'nhân rộng', 'sắp xếp',
  'chuẩn bị', 'lập', 'cải thiện', 'củng cố', 'mở rộng', 'đổi mới', 'tháo gỡ', 'khắc phục', 'xử lý',
  'kiểm tra', 'giám sát', 'thúc đẩy', 'cải cách', 'bảo vệ', 'phối hợp', 'duy trì', 'hướng dẫn',
  'vận động', 'tuyên truyền', 'ngăn chặn', 'chấn chỉnh', 'quản lý', 'kêu gọi', 'áp dụng', 'ứng dụng',
  'chuyển đổi', 'hoàn thành', 'đôn đốc', 'tạo điều kiện', 'kiện toàn',
]

/** Lead-in verbs and adverbs: directive on their own, dropped from a title before a real verb. */
const LEAD_VERBS = [
  'tiếp tục', 'quan tâm', 'tập trung', 'tích cực', 'cố gắng', 'chú trọng', 'ưu tiên', 'chủ động',
  'khẩn trương', 'sớm', 'từng bước', 'quyết liệt', 'thường xuyên', 'nghiêm túc',
]

/** Verbs that open a proposal only inside a passage already giving directions. */
const CONTEXT_VERBS = ['đánh giá', 'tạo', 'nâng', 'đưa']

/** Verbs that start a new proposal after a comma inside a directive clause. */
const SPLIT_VERBS = [
  'tăng cường', 'đẩy mạnh', 'rà soát', 'hoàn thiện', 'nâng cao', 'cố gắng', 'tập trung', 'quan tâm',
  'bảo tồn', 'xóa bỏ', 'đẩy lùi', 'phát huy', 'kết nối', 'lồng ghép', 'giữ vững', 'triển khai', 'sắp xếp',
  'huy động', 'tiếp tục', 'chú trọng', 'tháo gỡ', 'bám sát', 'khắc phục', 'nghiên cứu', 'thúc đẩy',
  'cải thiện', 'củng cố', 'mở rộng', 'bố trí', 'chuẩn bị', 'thu hút', 'xử lý', 'hoàn thành',
]

export type VerbKind = 'action' | 'lead' | 'context'

const byLength = (a: string, b: string) => b.length - a.length
const VERBS: Array<[string, VerbKind]> = [
  ...ACTION_VERBS.map((v): [string, VerbKind] => [v, 'action']),
  ...LEAD_VERBS.map((v): [string, VerbKind] => [v, 'lead']),
  ...CONTEXT_VERBS.map((v): [string, VerbKind] => [v, 'context']),
].sort((a, b) => byLength(a[0], b[0]))

/**
 * Matches of a global regex that start inside [from, to), with a little text before `from`
 * for look-behinds; never scans past `to`, so long reports stay linear.
 */
function* matchesIn(re: RegExp, lower: string, from: number, to: number): Generator<{ index: number; text: string }> {
  const offset = Math.max(0, from - 16)
  for (const m of lower.slice(offset, to).matchAll(re)) {
    if (m.index + offset >= from) yield { index: m.index + offset, text: m[0] }
  }
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

function wordAt(lower: string, pos: number, word: string): boolean {
  return lower.startsWith(word, pos) && !isWordChar(lower[pos + word.length]) && !isWordChar(lower[pos - 1])
}

/** The verb starting at `pos`, if any. */
export function verbAt(lower: string, pos: number): { verb: string; kind: VerbKind } | null {
  for (const [verb, kind] of VERBS) if (wordAt(lower, pos, verb)) return { verb, kind }
  return null
}

/** Where a split verb starts after ", " inside [from, to), in order. */
export function splitPoints(lower: string, from: number, to: number): number[] {
  const points: number[] = []
  for (const m of matchesIn(/,\s+/g, lower, from, to)) {
    const at = m.index + m.text.length
    // "đoàn kết, nỗ lực, tập trung, quyết tâm" lists nouns: a verb there is followed by a comma.
    const verb = at < to ? SPLIT_VERBS.find((v) => wordAt(lower, at, v)) : undefined
    if (verb && !/^\s*[,;:]/u.test(lower.slice(at + verb.length, at + verb.length + 2))) points.push(at)
  }
  return points
}

/** Start offsets of the words in [from, to). */
export function wordStarts(lower: string, from: number, to: number): number[] {
  const starts: number[] = []
  for (let i = from; i < to; i++) if (isWordChar(lower[i]) && !isWordChar(lower[i - 1])) starts.push(i)
  return starts
}

/**
 * Connectives and time or topic phrases before the first verb of a clause:
 * "Trong đó, rà soát …", "Đồng thời chuẩn bị …", "3 tháng cuối năm, …", "Đối với kinh tế rừng, …".
 */
const LEAD_IN = new RegExp(
  '^(?:[-–—+•*]\\s*|(?:\\d{1,2}|[a-zđ])[.)]\\s+|' +
    '(?:trong đó|mặt khác|đồng thời|bên cạnh đó|cùng với đó|ngoài ra|qua đó|từ đó|theo đó|do đó|vì vậy|vì thế|' +
    'trước mắt|về lâu dài|trong thời gian tới|thời gian tới|đặc biệt|nhất là|cụ thể|trên cơ sở đó|sắp tới|tới đây)' +
    '(?:\\s*,\\s*|\\s+)|' +
    '(?:\\d+ tháng (?:đầu|cuối) năm|năm \\d{4}|giai đoạn [\\d–-]+|đối với [^,;]{1,40}|về [^,;]{1,40})\\s*,\\s*)',
  'u',
)

/** Offset after any lead-ins at `pos`. */
export function skipLeadIns(lower: string, pos: number, to: number): number {
  for (let guard = 0; guard < 3; guard++) {
    const m = LEAD_IN.exec(lower.slice(pos, to))
    if (!m || m[0].length === 0) break
    pos += m[0].length
  }
  return pos
}

/** Words that put what follows under a directive: "cần", "yêu cầu", "đề nghị", "mong muốn", "phải". */
const STRONG_MARKER =
  /(?<![\p{L}\p{N}])(?:cần(?! thiết)|(?<!(?:gặp|bìa|bên|tay) )phải(?! là)(?!\s*\))|(?<!(?:với|ứng|theo|các|những|là|về|của) )yêu cầu(?! của)|(?<!(?:các|những|theo) )đề nghị|mong muốn|giao cho)(?![\p{L}\p{N}])/gu

/** A secondary "should" inside an addressee ("đề nghị các cơ quan … nên có giải pháp"). */
const MODAL = ['cần', 'phải', 'nên']

export interface Marker {
  at: number
  end: number
  /** "giao cho" names who acts: the proposal starts right after it. */
  assigns: boolean
}

export function strongMarkers(lower: string, from: number, to: number): Marker[] {
  const out: Marker[] = []
  for (const m of matchesIn(STRONG_MARKER, lower, from, to)) {
    out.push({ at: m.index, end: m.index + m.text.length, assigns: m.text === 'giao cho' })
  }
  return out
}

export function modalAt(lower: string, pos: number): string | null {
  return MODAL.find((w) => wordAt(lower, pos, w)) ?? null
}

/** "ý kiến … về <verb>", "kiến nghị … như: <verb>": where such a verb starts in [from, to). */
export function topicVerbStart(lower: string, from: number, to: number): number | null {
  const clause = lower.slice(from, to)
  const noun = /(?<![\p{L}])(?:ý kiến|định hướng|kiến nghị|đề xuất|giải pháp|nhiệm vụ|giải đáp)(?![\p{L}])/u.exec(clause)
  if (!noun) return null
  const tail = /(?<![\p{L}])(?:về|như|là)\s*:?\s+/gu
  tail.lastIndex = noun.index + noun[0].length
  for (let m = tail.exec(clause); m && m.index - noun.index < 160; m = tail.exec(clause)) {
    const at = from + m.index + m[0].length
    const verb = verbAt(lower, at)
    if (verb && verb.kind !== 'context') return at
  }
  return null
}

/** "… thì tổ chức nhân rộng …": a verb right after "thì". */
export function thenVerbStart(lower: string, from: number, to: number): number | null {
  for (const m of matchesIn(/(?<![\p{L}])thì\s+/gu, lower, from, to)) {
    const at = m.index + m.text.length
    const verb = verbAt(lower, at)
    if (verb && verb.kind !== 'context') return at
  }
  return null
}

/** Reported results rather than directions: "đạt", "ước", "vượt", percentages. */
export function reportsResults(clause: string): boolean {
  return /(?<![\p{L}])(?:đạt|ước|vượt)(?![\p{L}])|%/u.test(clause)
}

/** Past or passive wording: "đã", "được". */
export function pastOrPassive(clause: string): boolean {
  return /(?<![\p{L}])(?:đã|được)(?![\p{L}])/u.test(clause)
}

/** Where a title should start: after a lead verb (and "đến", "công tác", "việc") when a real verb follows. */
export function titleStart(lower: string, pos: number): number {
  const first = verbAt(lower, pos)
  if (!first || first.kind !== 'lead') return pos
  let next = pos + first.verb.length
  const filler = /^\s+(?:đến|công tác|việc|vào)?\s*/u.exec(lower.slice(next, next + 20))
  next += filler ? filler[0].length : 0
  const second = verbAt(lower, next)
  return second && second.kind === 'action' ? next : pos
}
