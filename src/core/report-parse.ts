// Turns raw report text (a pasted text or a file's contents) into the canonical form the
// workbench stores: NFC, one block per line, blocks separated by a blank line, plus metadata.
import type { Block } from './domain'
import { WorkbenchError } from './errors'
import { nfc } from './text'
import { segmentBlocks } from './blocks'
import {
  completeMonthDate,
  findDateline,
  firstSentence,
  takeLeadingDate,
  titleFromBlocks,
  titleFromFileName,
} from './report-meta'

export { isHeadingLine, segmentBlocks } from './blocks'

export interface ParsedReport {
  title: string
  source: string
  /** YYYY-MM-DD, YYYY-MM when only the month is known, '' when unknown. */
  date: string
  text: string
  blocks: Block[]
}

export interface ParseHints {
  title?: string
  source?: string
  date?: string
  fileName?: string
}

/** How many leading blocks are searched for a dateline when no date metadata is given. */
const DATELINE_BLOCKS = 3

/** Canonical body: each non-empty line trimmed, blank runs collapsed, lines joined by "\n\n". */
function canonicalBody(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n\n')
}

export function parseReport(raw: string, hints: ParseHints = {}): ParsedReport {
  let cleaned = nfc(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
  const leadingDate = takeLeadingDate(cleaned)
  if (leadingDate) cleaned = leadingDate.rest

  const text = canonicalBody(cleaned)
  if (text.length === 0) throw new WorkbenchError('bad_request', 'the report text is empty')
  const blocks = segmentBlocks(text)

  let derivedDate = ''
  if (leadingDate) {
    const firstText = blocks[0]?.text ?? ''
    derivedDate = leadingDate.date.length === 7 ? completeMonthDate(leadingDate.date, firstSentence(firstText)) : leadingDate.date
  } else {
    derivedDate = findDateline(
      blocks
        .slice(0, DATELINE_BLOCKS)
        .map((b) => b.text)
        .join('\n'),
    )
  }

  const hint = (s: string | undefined) => (s !== undefined && s.trim().length > 0 ? nfc(s.trim()) : undefined)
  const fileName = hint(hints.fileName)
  const fromFileName = fileName ? titleFromFileName(fileName) : ''
  const title = hint(hints.title) ?? (fromFileName || titleFromBlocks(blocks))

  return {
    title: nfc(title),
    source: nfc(hints.source ?? fileName ?? ''),
    date: hint(hints.date) ?? derivedDate,
    text,
    blocks,
  }
}
