// What the command-line shells tell the user at start about the data directory: a database
// that is read-only, a new database created where a rescued copy of an old one lies, and,
// for a damaged database, the latest good backup with the command that puts it back.
import type { Workbench } from '../workbench'
import { latestGoodBackup } from './backups'
import { localStamp } from './data-dir-lock'

export function startNotices(wb: Workbench): string[] {
  const status = wb.handlers['storage.status']({}) as { readOnly: boolean; newDataDir: boolean; earlierRescuedCopies: string[] }
  const lines: string[] = []
  if (status.readOnly) lines.push(`The database in ${wb.dataDir} cannot be written: it is open read-only and no change will be saved.`)
  if (status.newDataDir) {
    lines.push(`A new database with the sample report was created in ${wb.dataDir}.`)
    for (const copy of status.earlierRescuedCopies) {
      lines.push(`A copy rescued from an earlier run is at ${copy}; put it back with: npm run restore -- --data-dir "${wb.dataDir}" --from "${copy}"`)
    }
  }
  return lines
}

/** One sentence offering the latest good backup of a data directory whose database is damaged. */
export function offerBackup(dataDir: string, nativeBinding?: string): string {
  const backup = latestGoodBackup(dataDir, nativeBinding)
  if (!backup) return `No good backup was found in ${dataDir}/backups.`
  return (
    `The latest good backup is ${backup.name} (${localStamp(backup.createdAt)}); put it in place with: npm run restore -- --data-dir "${dataDir}" ` +
    '(the damaged file is moved aside, never deleted).'
  )
}
