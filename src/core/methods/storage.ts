// Contract methods — The state of the database file and its backups: whether saving works, the
// copies kept in <data-dir>/backups/, a backup on request and a restore from that list.
import { z } from 'zod'
import { method } from './define'

export const BackupInfo = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  size: z.number().int(),
})
export type BackupInfo = z.infer<typeof BackupInfo>

export const StorageStatus = z.object({
  /** The database could not be written when the app started: it is open read-only. */
  readOnly: z.boolean(),
  /** The data directory or its database was created by this start (the sample report was added). */
  newDataDir: z.boolean(),
  /** Copies of the database this run wrote outside the data directory after it was moved or deleted. */
  rescuedCopies: z.array(z.string()),
  /** Copies rescued by an earlier run, found when this start had to create a new database. */
  earlierRescuedCopies: z.array(z.string()),
  /** The last storage refusal since start, if any. */
  problem: z.enum(['storage_moved', 'storage_readonly', 'storage_full']).nullable(),
})
export type StorageStatus = z.infer<typeof StorageStatus>

/** Only a file name of the backups list: no path can be named, so nothing outside the folder is read or written. */
const BackupName = z
  .string()
  .max(200)
  .regex(/^workbench-[0-9a-z-]+\.sqlite$/, 'expected the name of a backup from storage.backups')

export const storageMethods = {
  'storage.status': method('Whether the database can be saved to, and what happened to it since start.', z.object({}), StorageStatus),
  'storage.backups': method('The backups kept in the data directory, newest first.', z.object({}), z.array(BackupInfo)),
  'storage.backup': method('Makes a backup now (SQLite online backup); the newest 7 are kept.', z.object({}), BackupInfo),
  'storage.restore': method(
    'Replaces the database with a backup from the list; the current file is moved aside into the data directory, never deleted.',
    z.object({ name: BackupName }),
    z.object({ restored: z.string(), movedAsideTo: z.string().nullable() }),
  ),
} as const
