// Revises a generated report the way a drafting office does (typos, diacritics, replaced words,
// sentences added, dropped or moved, paragraphs moved) and records where every character went,
// so each annotation's correct new span, or its deletion, is known exactly.
import { isTypoVariant } from '../src/core/anchoring/similarity'
import { sentenceSpans, type Span } from '../src/core/sentences'
import { loadSources, makeRng, pick, type GeneratedReport, type SourceMaterial } from './corpus'
import { changeDiacritic, misspell, newSentence } from './revision-edits'

export type EditKind = 'typo' | 'diacritic' | 'word' | 'sentence-insert' | 'sentence-delete' | 'sentence-move' | 'paragraph-move' | 'moved-paragraph-edit'

/** Share of the character budget each kind of edit spends. */
const EDIT_MIX: Array<[EditKind, number]> = [
  ['paragraph-move', 0.1],
  ['sentence-move', 0.1],
  ['sentence-delete', 0.2],
  ['sentence-insert', 0.2],
  ['word', 0.18],
  ['diacritic', 0.1],
  ['typo', 0.12],
]

/** New text plus provenance of each of its characters. */
export interface Revision {
  text: string
  /** Old index a new character comes from; -1 for inserted text. */
  origin: Int32Array
  /** COPY (unchanged), SUBST (a typo, another diacritic, a replaced word) or INSERTED. */
  kind: Uint8Array
  /** 1 for a substituted character inside a mistyped word (the word is still there). */
  slip: Uint8Array
  /** New index of each old character that survives unchanged, -1 otherwise. */
  newIndexOf: Int32Array
  /** Characters edited: typed, dropped, replaced or moved. */
  editedChars: number
  counts: Record<EditKind, number>
  /** New-text ranges of the paragraphs moved (before any edit inside them). */
  arrived: Array<[number, number]>
}
export const INSERTED = 0
export const COPY = 1
export const SUBST = 2

interface PlannedEdit {
  at: number
  end: number
  /** affix: a word with a slip (its common start and end stay); whole: another word. */
  mode: 'affix' | 'whole' | 'delete' | 'insert' | 'arrive'
  text: string
  from: number
  /** A whole paragraph arriving (rather than a sentence). */
  paragraph?: boolean
}

class Planner {
  private readonly owner: Int32Array
  private readonly points = new Set<number>()
  readonly edits: PlannedEdit[] = []
  constructor(private readonly length: number) {
    this.owner = new Int32Array(length + 1)
  }
  /** Claims old [a, b) if no other edit touches it (one free character on each side). */
  claimRange(a: number, b: number): boolean {
    for (let i = Math.max(0, a - 1); i <= Math.min(this.length, b); i++) if (this.owner[i] !== 0) return false
    for (let i = a + 1; i < b; i++) if (this.points.has(i)) return false
    this.owner.fill(this.edits.length + 1, a, b)
    return true
  }
  /** Claims an insertion point not inside a claimed range. */
  claimPoint(p: number): boolean {
    if (this.points.has(p)) return false
    const left = p > 0 ? this.owner[p - 1]! : 0
    if (left !== 0 && left === this.owner[p]) return false
    this.points.add(p)
    return true
  }
  add(edit: PlannedEdit): void {
    this.edits.push(edit)
  }
}

interface Layout {
  sentences: Span[][]
  /** Every sentence as [paragraph, index in paragraph], so each is equally likely to be edited. */
  allSentences: Array<[number, number]>
  /** Every run of letters, so each word is equally likely to be edited wherever it stands. */
  words: Span[]
  vocabulary: string[]
}

function layoutOf(report: GeneratedReport, sources: SourceMaterial): Layout {
  const sentences = report.paragraphs.map((p) => sentenceSpans(report.text, p.start, p.end))
  const allSentences = sentences.flatMap((list, p) => list.map((_, i): [number, number] => [p, i]))
  const words = [...report.text.matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const vocabulary = new Set<string>()
  for (const s of sources.sentences) for (const m of s.toLowerCase().matchAll(/\p{L}{2,}/gu)) vocabulary.add(m[0])
  return { sentences, allSentences, words, vocabulary: [...vocabulary].sort() }
}

/**
 * A revision editing about `rate` of the report's characters. Edits never overlap or touch, so
 * each character's fate is unambiguous.
 */
export function reviseReport(report: GeneratedReport, rate: number, seed: number, sources = loadSources()): Revision {
  const rng = makeRng(seed)
  const old = report.text
  const layout = layoutOf(report, sources)
  const plan = new Planner(old.length)
  const counts = { ...Object.fromEntries(EDIT_MIX.map(([k]) => [k, 0])), 'moved-paragraph-edit': 0 } as Record<EditKind, number>
  let editedChars = 0
  for (const [kind, share] of EDIT_MIX) {
    const budget = rate * share * old.length
    let spent = 0
    for (let attempt = 0; spent < budget && attempt < 200_000; attempt++) {
      const cost = planEdit(kind, rng, report, layout, sources, plan)
      if (cost > 0) {
        spent += cost
        counts[kind]++
      }
    }
    editedChars += spent
  }
  return { ...apply(old, plan.edits), editedChars, counts }
}

function randomWord(rng: () => number, layout: Layout, minLength: number): Span | null {
  const w = pick(rng, layout.words)
  return w.end - w.start >= minLength ? w : null
}

/** Source range of a sentence with the white space after it (it must not end its paragraph). */
function sentenceWithSpace(rng: () => number, layout: Layout): { range: Span; para: number } | null {
  const [para, i] = pick(rng, layout.allSentences)
  const list = layout.sentences[para]!
  if (i + 1 >= list.length) return null
  return { range: { start: list[i]!.start, end: list[i + 1]!.start }, para }
}

function sentenceStart(rng: () => number, layout: Layout, notPara: number): number | null {
  const [para, i] = pick(rng, layout.allSentences)
  return para === notPara ? null : layout.sentences[para]![i]!.start
}

/** Plans one edit of `kind`; returns the characters it edits, 0 if the spot was taken. */
function planEdit(kind: EditKind, rng: () => number, report: GeneratedReport, layout: Layout, sources: SourceMaterial, plan: Planner): number {
  const old = report.text
  if (kind === 'typo' || kind === 'diacritic' || kind === 'word') {
    const w = randomWord(rng, layout, kind === 'typo' ? 4 : 2)
    if (!w) return 0
    const before = old.slice(w.start, w.end)
    let after: string
    if (kind === 'typo') after = misspell(rng, before)
    else if (kind === 'diacritic') after = changeDiacritic(rng, before)
    else {
      after = pick(rng, layout.vocabulary)
      if (/^\p{Lu}/u.test(before)) after = after[0]!.toUpperCase() + after.slice(1)
      if (isTypoVariant(before, after)) return 0
    }
    if (after === before || !plan.claimRange(w.start, w.end)) return 0
    plan.add({ at: w.start, end: w.end, mode: kind === 'word' ? 'whole' : 'affix', text: after, from: -1 })
    return kind === 'word' ? Math.max(before.length, after.length) : 1
  }
  if (kind === 'sentence-insert') {
    const p = sentenceStart(rng, layout, -1)
    if (p === null || !plan.claimPoint(p)) return 0
    const text = newSentence(rng, sources, layout.vocabulary) + ' '
    plan.add({ at: p, end: p, mode: 'insert', text, from: -1 })
    return text.length
  }
  if (kind === 'sentence-delete' || kind === 'sentence-move') {
    const s = sentenceWithSpace(rng, layout)
    if (!s) return 0
    const dest = kind === 'sentence-move' ? sentenceStart(rng, layout, s.para) : null
    if (kind === 'sentence-move' && dest === null) return 0
    if (!plan.claimRange(s.range.start, s.range.end)) return 0
    if (dest !== null && !plan.claimPoint(dest)) return 0
    plan.add({ at: s.range.start, end: s.range.end, mode: 'delete', text: '', from: -1 })
    if (dest !== null) plan.add({ at: dest, end: dest, mode: 'arrive', text: '', from: s.range.start })
    return s.range.end - s.range.start
  }
  // paragraph-move: the paragraph and the blank line after it, to the start of another paragraph
  const i = Math.floor(rng() * (report.paragraphs.length - 1))
  const j = Math.floor(rng() * report.paragraphs.length)
  if (Math.abs(i - j) < 2) return 0
  const from = report.paragraphs[i]!.start
  const to = report.paragraphs[i + 1]!.start
  const dest = report.paragraphs[j]!.start
  if (!plan.claimRange(from, to) || !plan.claimPoint(dest)) return 0
  plan.add({ at: from, end: to, mode: 'delete', text: '', from: -1 })
  plan.add({ at: dest, end: dest, mode: 'arrive', text: '', from, paragraph: true })
  return to - from
}

function apply(old: string, edits: PlannedEdit[]): Omit<Revision, 'editedChars' | 'counts'> {
  const arrived: Array<[number, number]> = []
  const moved = new Map<number, number>()
  for (const e of edits) if (e.mode === 'delete') moved.set(e.at, e.end)
  const sorted = [...edits].sort((a, b) => a.at - b.at || (a.end - a.at) - (b.end - b.at))
  const parts: string[] = []
  const origin: number[] = []
  const kind: number[] = []
  const slip: number[] = []
  let slipping = 0
  const emit = (text: string, orig: (j: number) => number, k: (j: number) => number) => {
    parts.push(text)
    for (let j = 0; j < text.length; j++) {
      origin.push(orig(j))
      kind.push(k(j))
      slip.push(k(j) === SUBST ? slipping : 0)
    }
  }
  let i = 0
  for (const e of sorted) {
    emit(old.slice(i, e.at), (j) => i + j, () => COPY)
    if (e.mode === 'insert') emit(e.text, () => -1, () => INSERTED)
    else if (e.mode === 'arrive') {
      const from = e.from
      const at = origin.length
      emit(old.slice(from, moved.get(from)!), (j) => from + j, () => COPY)
      if (e.paragraph) arrived.push([at, origin.length])
    } else if (e.mode === 'affix' || e.mode === 'whole') {
      slipping = e.mode === 'affix' ? 1 : 0
      emitReplacement(old.slice(e.at, e.end), e, emit)
      slipping = 0
    }
    i = Math.max(i, e.end)
  }
  emit(old.slice(i), (j) => i + j, () => COPY)
  const text = parts.join('')
  const newIndexOf = new Int32Array(old.length).fill(-1)
  for (let n = 0; n < text.length; n++) if (kind[n] === COPY) newIndexOf[origin[n]!] = n
  return { text, origin: Int32Array.from(origin), kind: Uint8Array.from(kind), slip: Uint8Array.from(slip), newIndexOf, arrived }
}

/**
 * The revision, and then edits inside every paragraph it moved (a slip, another tone mark or
 * another word every `spacing` characters or so): a passage moved and reworded in one sitting.
 * Character fates are composed through both steps.
 */
export function editMovedParagraphs(rev: Revision, seed: number, sources = loadSources(), spacing = 120): Revision {
  const rng = makeRng(seed)
  const vocabulary = [...new Set(sources.sentences.flatMap((s) => s.toLowerCase().match(/\p{L}{2,}/gu) ?? []))].sort()
  const plan = new Planner(rev.text.length)
  let editedChars = 0
  let edits = 0
  for (const [a, b] of rev.arrived) {
    const words = [...rev.text.slice(a, b).matchAll(/\p{L}+/gu)].map((m) => ({ start: a + m.index, end: a + m.index + m[0].length }))
    const wanted = Math.max(1, Math.round((b - a) / spacing))
    for (let made = 0, attempt = 0; made < wanted && attempt < 50 && words.length > 0; attempt++) {
      const w = pick(rng, words)
      const before = rev.text.slice(w.start, w.end)
      const r = rng()
      let after: string
      let mode: 'affix' | 'whole' = 'affix'
      if (r < 0.4 && before.length >= 4) after = misspell(rng, before)
      else if (r < 0.7) after = changeDiacritic(rng, before)
      else {
        mode = 'whole'
        after = pick(rng, vocabulary)
        if (isTypoVariant(before, after)) continue
      }
      if (after === before || !plan.claimRange(w.start, w.end)) continue
      plan.add({ at: w.start, end: w.end, mode, text: after, from: -1 })
      editedChars += mode === 'whole' ? Math.max(before.length, after.length) : 1
      made++
      edits++
    }
  }
  const second = apply(rev.text, plan.edits)
  const n = second.text.length
  const origin = new Int32Array(n)
  const kind = new Uint8Array(n)
  const slip = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const k2 = second.kind[i]!
    slip[i] = k2 === SUBST ? second.slip[i]! : k2 === COPY ? rev.slip[second.origin[i]!]! : 0
    if (k2 === INSERTED) {
      origin[i] = -1
      kind[i] = INSERTED
      continue
    }
    const m = second.origin[i]!
    origin[i] = rev.origin[m]!
    kind[i] = k2 === COPY ? rev.kind[m]! : rev.kind[m] === INSERTED ? INSERTED : SUBST
  }
  const newIndexOf = new Int32Array(rev.newIndexOf.length).fill(-1)
  for (let i = 0; i < n; i++) if (kind[i] === COPY) newIndexOf[origin[i]!] = i
  return {
    text: second.text,
    origin,
    kind,
    slip,
    newIndexOf,
    editedChars: rev.editedChars + editedChars,
    counts: { ...rev.counts, 'moved-paragraph-edit': edits },
    arrived: [],
  }
}

function emitReplacement(
  before: string,
  e: PlannedEdit,
  emit: (text: string, orig: (j: number) => number, k: (j: number) => number) => void,
): void {
  const after = e.text
  let p = 0
  let q = 0
  if (e.mode === 'affix') {
    const limit = Math.min(before.length, after.length)
    while (p < limit && before[p] === after[p]) p++
    while (q < limit - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++
  }
  const oldMid = before.length - p - q
  const newMid = after.length - p - q
  emit(after.slice(0, p), (j) => e.at + j, () => COPY)
  emit(
    after.slice(p, after.length - q),
    (j) => (oldMid > 0 ? e.at + p + Math.floor((j * oldMid) / newMid) : e.at + Math.max(0, p - 1)),
    () => SUBST,
  )
  emit(after.slice(after.length - q), (j) => e.end - q + j, () => COPY)
}
