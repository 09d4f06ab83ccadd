// The renderer's only way to the back end: the typed WorkbenchApi that main.ts connects
// at start-up (Electron bridge or HTTP). Stores call `workbench()`; tests install a fake.
import type { WorkbenchApi } from '../../core/contract'
import { WorkbenchError, type ErrorInfo } from '../../core/errors'
import type { MinutesPreview } from '../../core/meeting-domain'

let current: WorkbenchApi | null = null

export function workbench(): WorkbenchApi {
  if (!current) throw new WorkbenchError('internal', 'The workbench API is not connected')
  return current
}

/** Installs the connection (main.ts), or a fake back end in tests. */
export function useWorkbenchApi(api: WorkbenchApi): void {
  current = api
}

/** Any thrown value as a coded error the UI can put into words. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof WorkbenchError) return err.toInfo()
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) }
}

/**
 * The record as now stored, when `err` refused an edit of an outdated version of it; null for
 * any other failure.
 */
export function conflictRecord<T extends { id: number | string; version: number }>(err: unknown): T | null {
  if (!(err instanceof WorkbenchError) || err.code !== 'conflict') return null
  const current = err.current as Partial<T> | null | undefined
  if (!current || typeof current !== 'object' || typeof current.version !== 'number' || current.id === undefined) return null
  return current as T
}

/** The minutes preview a `minutes.saveEdits` conflict carries (the sections as stored now), else null. */
export function conflictPreview(err: unknown): MinutesPreview | null {
  if (!(err instanceof WorkbenchError) || err.code !== 'conflict') return null
  const current = err.current as Partial<MinutesPreview> | null | undefined
  return current && typeof current === 'object' && Array.isArray(current.sections) ? (current as MinutesPreview) : null
}
