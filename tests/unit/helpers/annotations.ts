// Shared steps of the annotation tests: the sample report's text and a range found by its words.
import Database from 'better-sqlite3'
import { afterEach, beforeEach } from 'vitest'
import { listStoredAnnotations, toAnnotation } from '../../../src/backend/db/annotations'
import type { Workbench } from '../../../src/backend/workbench'
import type { Annotation } from '../../../src/core/annotation-domain'
import { useTempDirs } from './temp-dirs'
import { callOk, openTestWorkbench } from './workbench'

export async function sampleReport(wb: Workbench): Promise<{ reportId: number; text: string }> {
  const reportId = (await callOk(wb, 'reports.list', {}))[0]!.id
  const { text } = await callOk(wb, 'reports.get', { id: reportId })
  return { reportId, text }
}

/** The range of the first occurrence of `words` in `text` (the test fails loudly if absent). */
export function rangeOf(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from)
  if (start === -1) throw new Error(`"${words}" is not in the text`)
  return { start, end: start + words.length }
}

/** A report's live annotations as full records (with quote context and timestamps), read from the file. */
export function fullAnnotations(wb: Workbench, reportId: number): Annotation[] {
  const db = new Database(wb.dbPath, { readonly: true, fileMustExist: true })
  try {
    return listStoredAnnotations(db, reportId).map(toAnnotation)
  } finally {
    db.close()
  }
}

/**
 * A fresh workbench on a temporary data directory for each test, holding the sample report;
 * `take` receives it before each test (the file keeps its own variables), and it is closed after.
 */
export function useSampleWorkbench(take: (sample: { wb: Workbench; reportId: number; text: string }) => void): void {
  const tempDir = useTempDirs()
  let wb: Workbench | null = null
  beforeEach(async () => {
    wb = openTestWorkbench(tempDir())
    take({ wb, ...(await sampleReport(wb)) })
  })
  afterEach(async () => {
    await wb?.close()
  })
}
