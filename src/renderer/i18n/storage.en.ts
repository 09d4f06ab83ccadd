// English text about the database file, spread into en.ts; same keys as storage.vi.ts.
import type { storageErrorsVi, storageVi } from './storage.vi'

export const storageEn: typeof storageVi = {
  storage: {
    problem: {
      storage_moved:
        'Not saved: the data file was moved or deleted while the app was running; what you typed is kept on this computer, so restart the app.',
      storage_readonly: 'Not saved: the database cannot be written; what you typed is kept on this computer until it can be saved.',
      storage_full: 'Not saved: the disk is full; what you typed is kept on this computer, so free some space and press “Save again”.',
    },
    readOnlyAtStart: 'The database is open read-only: you can read everything, but no change will be saved.',
    newDataDir: 'A new database was created because the old data folder was gone; the copy rescued from it is at {path}.',
    drafts: '{n} unsaved changes are kept on this computer.',
    retry: 'Save again',
    discard: 'Discard these changes',
    dismiss: 'Hide',
    backups: {
      title: 'Backups',
      none: 'No backups yet.',
      now: 'Back up now',
      restore: 'Restore',
      confirmRestore: 'Restore the backup of {date}? The current database is moved to a folder of its own, not deleted.',
      restored: 'Restored the backup of {date}.',
      made: 'Backed up at {date}.',
      failed: 'Could not back up or restore',
      reason: {
        daily: 'daily',
        manual: 'by hand',
        'before-restore': 'before a restore',
        migration: 'before an upgrade',
      },
    },
  },
}

export const storageErrorsEn: typeof storageErrorsVi = {
  storage_moved: 'The data file was moved or deleted',
  storage_readonly: 'The database cannot be written',
  storage_full: 'The disk is full',
}
