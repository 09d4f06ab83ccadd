// A long Vietnamese report built from real report sentences, repeated the way boilerplate repeats,
// and annotations on it: the ground on which re-anchoring is measured (benchmark and tests).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { isHeadingLine } from '../src/core/blocks'
import { clauseSpans, sentenceSpans, trimTrailingPunctuation, type Span } from '../src/core/sentences'
import { nfc } from '../src/core/text'

/** Deterministic PRNG (mulberry32): the same seed gives the same report, annotations and edits. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!
}

export interface SourceMaterial {
  paragraphs: string[]
  sentences: string[]
  headings: string[]
}

const ROOT = new URL('../', import.meta.url)

/** Real reports read at run time when this machine has them (they never enter the repository). */
export const SHARED_REPORTS = '/work/shared/corpus/reports/'

/** Whether the shared folder of real reports is present. */
export function hasSharedReports(): boolean {
  return existsSync(SHARED_REPORTS)
}

/**
 * Whole paragraphs, sentences and headings of the bundled sample report and the test samples,
 * or (`shared`) of the real reports in SHARED_REPORTS, whose first two lines are source and date.
 */
export function loadSources(shared = false): SourceMaterial {
  const files: URL[] = []
  if (shared && hasSharedReports()) {
    for (const f of readdirSync(SHARED_REPORTS).sort()) if (f.endsWith('.txt')) files.push(new URL(`file://${SHARED_REPORTS}${f}`))
  } else {
    const dir = new URL('tests/fixtures/samples/', ROOT)
    files.push(new URL('data/samples/ky-son-2022-05-26/report.txt', ROOT))
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push(new URL(f, dir))
  }
  const paragraphs: string[] = []
  const sentences = new Set<string>()
  const headings: string[] = []
  for (const file of files) {
    let lines = nfc(readFileSync(file, 'utf8')).split('\n')
    if (shared) lines = lines.slice(2)
    for (const raw of lines) {
      const line = raw.trim().replace(/^date \d{4}-\d{2} /, '')
      if (line.length === 0) continue
      if (isHeadingLine(line)) {
        headings.push(line)
        continue
      }
      const complete = /[.!?…]$/.test(line)
      if (complete && line.length >= 80) paragraphs.push(line)
      for (const s of sentenceSpans(line, 0, line.length)) {
        const sentence = line.slice(s.start, s.end)
        if (sentence.length >= 30 && /[.!?…]$/.test(sentence) && /^\p{Lu}|^\d/u.test(sentence)) sentences.add(sentence)
      }
    }
  }
  return { paragraphs, sentences: [...sentences], headings }
}

export interface GeneratedReport {
  text: string
  /** Each paragraph or heading, without the blank line between them. */
  paragraphs: Span[]
}

/**
 * `count` paragraphs separated by blank lines: 5 % headings, 25 % verbatim copies of a sample
 * paragraph (boilerplate), the rest 300–1,000 characters of sample sentences in a new order.
 * With `repeats`, the boilerplate comes from so few paragraphs that each occurs about that often.
 */
export function generateReport(count: number, seed: number, sources = loadSources(), repeats?: number): GeneratedReport {
  const rng = makeRng(seed)
  const parts: string[] = []
  let boilerplate = sources.paragraphs
  if (repeats) {
    const pool = Math.max(1, Math.round((count * 0.25) / repeats))
    boilerplate = Array.from({ length: pool }, () => pick(rng, sources.paragraphs))
  }
  for (let i = 0; i < count; i++) {
    const r = rng()
    if (r < 0.05) parts.push(pick(rng, sources.headings))
    else if (r < 0.3) parts.push(pick(rng, boilerplate))
    else {
      const target = 300 + rng() * 700
      const used = new Set<string>()
      let p = ''
      while (p.length < target) {
        const s = pick(rng, sources.sentences)
        if (used.has(s)) continue
        used.add(s)
        p += (p ? ' ' : '') + s
      }
      parts.push(p)
    }
  }
  const paragraphs: Span[] = []
  let at = 0
  for (const p of parts) {
    paragraphs.push({ start: at, end: at + p.length })
    at += p.length + 2
  }
  return { text: parts.join('\n\n'), paragraphs }
}

const WORD = /[\p{L}\p{N}]+(?:[.,/-][\p{L}\p{N}]+)*/gu

export function wordSpans(text: string, para: Span): Span[] {
  return [...text.slice(para.start, para.end).matchAll(WORD)].map((m) => ({
    start: para.start + m.index,
    end: para.start + m.index + m[0].length,
  }))
}

export type AnnotationKind = 'words' | 'clause' | 'sentence' | 'two-paragraphs'
export interface GeneratedAnnotation extends Span {
  id: string
  kind: AnnotationKind
}

/**
 * `count` annotations: 40 % one to three words, 25 % clauses, 25 % one or two sentences,
 * 10 % the end of one paragraph and the start of the next (the quote holds "\n\n").
 */
export function generateAnnotations(report: GeneratedReport, count: number, seed: number): GeneratedAnnotation[] {
  const rng = makeRng(seed)
  const { text, paragraphs } = report
  const out: GeneratedAnnotation[] = []
  while (out.length < count) {
    const pi = Math.floor(rng() * paragraphs.length)
    const para = paragraphs[pi]!
    const r = rng()
    let span: Span | null = null
    let kind: AnnotationKind
    if (r < 0.4) {
      kind = 'words'
      const words = wordSpans(text, para)
      if (words.length === 0) continue
      const i = Math.floor(rng() * words.length)
      const last = words[Math.min(words.length - 1, i + Math.floor(rng() * 3))]!
      span = { start: words[i]!.start, end: last.end }
    } else if (r < 0.65) {
      kind = 'clause'
      const sentence = pick(rng, sentenceSpans(text, para.start, para.end))
      const clauses = clauseSpans(text, sentence).flatMap((c) => splitAtCommas(text, c))
      if (clauses.length === 0) continue
      const clause = pick(rng, clauses)
      span = trimTrailingPunctuation(text, clause)
    } else if (r < 0.9) {
      kind = 'sentence'
      const sentences = sentenceSpans(text, para.start, para.end)
      const i = Math.floor(rng() * sentences.length)
      const last = sentences[Math.min(sentences.length - 1, i + (rng() < 0.3 ? 1 : 0))]!
      span = { start: sentences[i]!.start, end: last.end }
    } else {
      kind = 'two-paragraphs'
      const next = paragraphs[pi + 1]
      if (!next) continue
      const tail = wordSpans(text, para)
      const head = wordSpans(text, next)
      if (tail.length === 0 || head.length === 0) continue
      const from = tail[Math.max(0, tail.length - 1 - Math.floor(rng() * 12))]!
      const to = head[Math.min(head.length - 1, Math.floor(rng() * 12))]!
      span = { start: from.start, end: to.end }
    }
    if (!span || span.end <= span.start) continue
    out.push({ id: `a${out.length}`, kind, start: span.start, end: span.end })
  }
  return out
}

function splitAtCommas(text: string, span: Span): Span[] {
  const spans: Span[] = []
  let from = span.start
  const part = text.slice(span.start, span.end)
  for (const m of part.matchAll(/, /g)) {
    spans.push({ start: from, end: span.start + m.index })
    from = span.start + m.index + 2
  }
  spans.push({ start: from, end: span.end })
  return spans.filter((s) => wordCountOf(text, s) >= 2)
}

function wordCountOf(text: string, span: Span): number {
  return [...text.slice(span.start, span.end).matchAll(WORD)].length
}
