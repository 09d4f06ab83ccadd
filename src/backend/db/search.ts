// Queries over the three full-text tables. Candidates: each takes an FTS5 expression built by
// core/search/query (never raw user input) and returns at most `limit` matches with their indexed
// texts, in rowid order, which FTS5 streams and stops early. (FTS5's bm25 needs, per query, a pass
// over every row holding each word: 20–100 ms for common words at 100,000 items, so the ranking
// is done on the candidates' texts instead.) Then the rows chosen are read in full.
import { REPORT_ROWID_STRIDE } from './migrations/0020-annotations'
import { prepare } from './statements'
import type { Db } from './types'

export interface Candidate {
  rowid: number
  /** The texts indexed for the row, in the order a snippet prefers them. */
  fields: string[]
}

export interface ReportBlockHit {
  rowid: number
  reportId: number
  reportTitle: string
  blockStart: number
  text: string
}

export interface AnnotationHit {
  rowid: number
  id: string
  reportId: number
  placed: boolean
  start: number
  end: number
  body: string
  quote: string
}

export interface ProposalHit {
  rowid: number
  id: number
  reportId: number
  title: string
  detail: string
  notes: string
  sourceStart: number | null
  sourceEnd: number | null
}

/** Report paragraphs matching `expression`; one report's rows are a rowid range. */
export function reportBlockCandidates(db: Db, expression: string, reportId: number | null, limit: number): Candidate[] {
  const [low, high] = reportId === null ? [0, Number.MAX_SAFE_INTEGER] : [reportId * REPORT_ROWID_STRIDE, (reportId + 1) * REPORT_ROWID_STRIDE - 1]
  return prepare<{ rowid: number; original: string }>(
    db,
    `SELECT rowid, original FROM report_text_search
     WHERE report_text_search MATCH ? AND rowid BETWEEN ? AND ?
       AND report_id NOT IN (SELECT id FROM reports WHERE deleted_at IS NOT NULL) LIMIT ?`,
  )
    .all(expression, low, high, limit)
    .map((r) => ({ rowid: r.rowid, fields: [r.original] }))
}

/** Live annotations matching `expression` (the index holds live ones only): note, quote, tags. */
export function annotationCandidates(db: Db, expression: string, reportId: number | null, limit: number): Candidate[] {
  // CROSS JOIN keeps the full-text table as the outer loop: one search, not one per annotation.
  return prepare<{ rowid: number; body: string; quote: string; tags: string }>(
    db,
    `SELECT s.rowid AS rowid, s.body, s.quote, s.tags
     FROM annotation_search AS s CROSS JOIN annotations AS a ON a.seq = s.rowid
     WHERE annotation_search MATCH ? AND (? IS NULL OR a.report_id = ?)
       AND a.report_id NOT IN (SELECT id FROM reports WHERE deleted_at IS NOT NULL) LIMIT ?`,
  )
    .all(expression, reportId, reportId, limit)
    .map((r) => ({ rowid: r.rowid, fields: [r.body, r.quote, r.tags] }))
}

/** Live proposals matching `expression`: title, detail, notes. */
export function proposalCandidates(db: Db, expression: string, reportId: number | null, limit: number): Candidate[] {
  return prepare<{ rowid: number; title: string; detail: string; notes: string }>(
    db,
    `SELECT s.rowid AS rowid, s.title, s.detail, s.notes
     FROM proposal_search AS s CROSS JOIN proposals AS p ON p.id = s.rowid
     WHERE proposal_search MATCH ? AND (? IS NULL OR p.report_id = ?)
       AND p.report_id NOT IN (SELECT id FROM reports WHERE deleted_at IS NOT NULL) LIMIT ?`,
  )
    .all(expression, reportId, reportId, limit)
    .map((r) => ({ rowid: r.rowid, fields: [r.title, r.detail, r.notes] }))
}

export function reportBlocksByRowid(db: Db, rowids: readonly number[]): ReportBlockHit[] {
  const select = prepare<{ report_id: number; title: string; block_start: number; original: string }>(
    db,
    `SELECT s.report_id, r.title, s.block_start, s.original
     FROM report_text_search AS s JOIN reports AS r ON r.id = s.report_id WHERE s.rowid = ?`,
  )
  return rowids.flatMap((rowid) => {
    const r = select.get(rowid)
    return r ? [{ rowid, reportId: r.report_id, reportTitle: r.title, blockStart: r.block_start, text: r.original }] : []
  })
}

export function annotationsBySeq(db: Db, seqs: readonly number[]): AnnotationHit[] {
  const select = prepare<{
    id: string
    report_id: number
    status: string
    position_start: number
    position_end: number
    body: string
    exact: string
    }>(db, 'SELECT id, report_id, status, position_start, position_end, body, exact FROM annotations WHERE seq = ?')
  return seqs.flatMap((seq) => {
    const r = select.get(seq)
    if (!r) return []
    return [
      {
        rowid: seq,
        id: r.id,
        reportId: r.report_id,
        placed: r.status === 'placed',
        start: r.position_start,
        end: r.position_end,
        body: r.body,
        quote: r.exact,
      },
    ]
  })
}

export function proposalsById(db: Db, ids: readonly number[]): ProposalHit[] {
  const select = prepare<{
    report_id: number
    title: string
    detail: string
    notes: string
    source_start: number | null
    source_end: number | null
    }>(db, 'SELECT report_id, title, detail, notes, source_start, source_end FROM proposals WHERE id = ?')
  return ids.flatMap((id) => {
    const r = select.get(id)
    return r
      ? [{ rowid: id, id, reportId: r.report_id, title: r.title, detail: r.detail, notes: r.notes, sourceStart: r.source_start, sourceEnd: r.source_end }]
      : []
  })
}
