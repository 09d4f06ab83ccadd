// The back end as both shells see it: opens (or creates) a data directory, seeds it on
// first use, and answers every contract method through the services.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Handlers } from '../core/contract'
import { openDatabase } from './db/connection'
import type { Host } from './host'
import { loadSectors } from './services/bundled-data'
import * as proposals from './services/proposals'
import * as reports from './services/reports'
import { seedIfEmpty } from './services/seed'
import { createSectorCatalog } from './services/sectors'
import * as settings from './services/settings'

export interface WorkbenchOptions {
  dataDir: string
  bundledDataDir: string
  host: Host
  nativeBinding?: string
}

export interface Workbench {
  handlers: Handlers
  dataDir: string
  dbPath: string
  close(): void
}

export const DATABASE_FILE_NAME = 'workbench.sqlite'

export function openWorkbench(options: WorkbenchOptions): Workbench {
  const dataDir = resolve(options.dataDir)
  // Bundled data is read before the database is touched, so a broken build writes nothing.
  const sectors = createSectorCatalog(loadSectors(options.bundledDataDir))
  mkdirSync(dataDir, { recursive: true })
  const dbPath = join(dataDir, DATABASE_FILE_NAME)
  const db = openDatabase(dbPath, { nativeBinding: options.nativeBinding })
  try {
    seedIfEmpty(db, sectors, options.bundledDataDir)
  } catch (err) {
    db.close()
    throw err
  }
  const ctx = { db, sectors }

  const handlers: Handlers = {
    'app.info': () => ({ version: options.host.version, shell: options.host.shell, dataDir }),
    'reports.list': () => reports.listReports(db),
    'reports.get': ({ id }) => reports.getReport(db, id),
    'reports.import': (args) => reports.importReport(db, args),
    'sectors.list': () => sectors.list(),
    'proposals.list': ({ reportId }) => proposals.listProposals(db, reportId),
    'proposals.create': (args) => proposals.createProposal(ctx, args),
    'proposals.update': ({ id, patch }) => proposals.updateProposal(ctx, id, patch),
    'proposals.delete': ({ id }) => proposals.deleteProposal(db, id),
    'proposals.restore': ({ id }) => proposals.restoreProposal(db, id),
    'proposals.reorder': ({ reportId, orderedIds }) => proposals.reorderProposals(db, reportId, orderedIds),
    'settings.get': () => settings.getSettings(db),
    'settings.update': (changes) => settings.updateSettings(db, changes),
  }

  return {
    handlers,
    dataDir,
    dbPath,
    close: () => {
      if (db.open) db.close()
    },
  }
}
