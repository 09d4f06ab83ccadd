// The back end as both shells see it: opens (or creates) a data directory, seeds it on
// first use, and answers every contract method through the services. Every write goes through
// the storage guard (storage/guarded-handlers.ts) so a save is only acknowledged when it landed.
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Handlers } from '../core/contract'
import { synonymIndex } from '../core/search/synonyms'
import { subscribeChanges, type ChangeListener } from './db/change-feed'
import type { StorageStatus } from '../core/methods/storage'
import { openDatabase, type Db } from './db/connection'
import { backupBeforeMigration, backupDatabase, listBackups, restoreBackupFile } from './storage/backups'
import { acquireDataDirLock, type DataDirLock } from './storage/data-dir-lock'
import { findRescuedCopies, guardHandlers, type GuardState } from './storage/guarded-handlers'
import { identityOf, isWritablePath, repairSideFiles } from './storage/storage-guard'
import type { Host } from './host'
import { repoRoot } from './paths'
import { createChromiumPrinter, type PdfPrinter } from './pdf/chromium-pdf'
import { loadMinutesPresets, loadMinutesSettingsDefaults, loadSearchSynonyms, loadSectors } from './services/bundled-data'
import * as entries from './services/meeting-entries'
import * as run from './services/meeting-run'
import * as meetings from './services/meetings'
import * as minutes from './services/minutes'
import { getMinutesSettings, updateMinutesSettings } from './services/minutes-settings'
import * as proposals from './services/proposals'
import * as reports from './services/reports'
import { seedIfEmpty } from './services/seed'
import { seedSampleMeetingOnce } from './services/seed-meeting'
import { createSectorCatalog } from './services/sectors'
import * as annotations from './services/annotations'
import { exportMarkdown } from './services/annotations-markdown'
import { exportW3C, importW3C } from './services/annotations-w3c'
import * as reportAdmin from './services/report-admin'
import { previewRevision } from './services/revision-preview'
import { diffReportRevisions, listReportRevisions, restoreRevision, reviseReport, undoRevision } from './services/revisions'
import { searchWorkbench } from './services/search'
import * as settings from './services/settings'
import { createImportJobs } from './import/jobs'
import { warmReader } from './import/run-read'
import { WorkbenchError } from '../core/errors'

/** After this long, the shells' warm-up starts the import reader thread in the background. */
const READER_WARM_DELAY_MS = 3_000

export interface WorkbenchOptions {
  dataDir: string
  bundledDataDir: string
  host: Host
  nativeBinding?: string
  /** The bundled Tinos fonts embedded in the minutes; resources/fonts of the sources by default. */
  fontsDir?: string
  /**
   * Takes `<data-dir>/workbench.lock` in this name ("the browser shell", …), refusing a folder
   * another running process holds. Shells pass it; tests that open one folder twice do not.
   */
  lockOwner?: string
}

export interface Workbench {
  handlers: Handlers
  dataDir: string
  dbPath: string
  /**
   * Reads the report the app opens with (and its annotations) ahead of the first request, while
   * the window loads; the results are kept until the database changes. A little later, starts the
   * document reader's thread, so an import does not wait for it.
   */
  warmUp(): void
  /** Calls `listener` after every committed write with what changed; returns the unsubscribe. */
  onChange(listener: ChangeListener): () => void
  /** Closes the database at once; the promise settles when the PDF browser (if any) has gone too. */
  close(): Promise<void>
}

export const DATABASE_FILE_NAME = 'workbench.sqlite'

export function openWorkbench(options: WorkbenchOptions): Workbench {
  const dataDir = resolve(options.dataDir)
  // Bundled data is read before the database is touched, so a broken build writes nothing.
  const sectors = createSectorCatalog(loadSectors(options.bundledDataDir))
  const minutesDefaults = loadMinutesSettingsDefaults(options.bundledDataDir)
  const searchSynonyms = synonymIndex(loadSearchSynonyms(options.bundledDataDir))
  const minutesPresets = loadMinutesPresets(options.bundledDataDir)
  const dbPath = join(dataDir, DATABASE_FILE_NAME)
  const newDataDir = !existsSync(dbPath) || statSync(dbPath).size === 0
  mkdirSync(dataDir, { recursive: true })
  const lock: DataDirLock | null = options.lockOwner ? acquireDataDirLock(dataDir, options.lockOwner) : null
  let db: Db
  let readOnly = false
  try {
    repairSideFiles(dbPath)
    readOnly = !newDataDir && !isWritablePath(dbPath)
    db = openDatabase(dbPath, {
      nativeBinding: options.nativeBinding,
      readonly: readOnly,
      beforeMigrate: (open, fromVersion) => backupBeforeMigration(open, dataDir, fromVersion),
    })
  } catch (err) {
    lock?.release()
    throw err
  }
  try {
    if (!readOnly) {
      seedIfEmpty(db, sectors, options.bundledDataDir)
      seedSampleMeetingOnce(db, options.bundledDataDir)
    }
  } catch (err) {
    db.close()
    lock?.release()
    throw err
  }
  const earlierRescuedCopies = newDataDir ? findRescuedCopies(dataDir) : []
  const guard: GuardState = {
    dbPath,
    dataDir,
    identity: identityOf(dbPath),
    readOnly,
    problem: null,
    rescuedCopies: [],
    // A new database holds only the sample: its first daily backup is due a day from now.
    lastBackupAt: newDataDir ? Date.now() : Date.parse(listBackups(dataDir)[0]?.createdAt ?? '1970-01-01T00:00:00Z'),
    backingUp: null,
    db: () => db,
  }
  // Getters: a restore swaps the connection, and every service must see the new one.
  const ctx = {
    get db() {
      return db
    },
    sectors,
  }
  let chromiumPrinter: PdfPrinter | null = null
  const minutesCtx: minutes.MinutesContext = {
    get db() {
      return db
    },
    settingsDefaults: minutesDefaults,
    fontsDir: options.fontsDir ?? join(repoRoot(), 'resources', 'fonts'),
    // The Chromium printer is launched on the first PDF only, and only when the host has no printer.
    printPdf: options.host.printPdf ?? ((html) => (chromiumPrinter ??= createChromiumPrinter()).print(html)),
  }

  const imports = createImportJobs(db)

  const handlers: Handlers = {
    'app.info': () => ({ version: options.host.version, shell: options.host.shell, dataDir }),
    'reports.list': () => reports.listReports(db),
    'reports.get': ({ id }) => reports.getReport(db, id),
    'reports.import': (args) => reports.importReport(db, args),
    'reports.update': ({ id, patch, expectedVersion }) => reportAdmin.updateReport(db, id, patch, expectedVersion),
    'reports.delete': ({ id }) => reportAdmin.trashReport(db, id),
    'reports.restore': ({ id }) => reportAdmin.restoreReport(db, id),
    'reports.trash': () => reportAdmin.listTrash(db),
    'reports.emptyTrash': ({ ids }) => reportAdmin.emptyTrash(db, ids),
    'sectors.list': () => sectors.list(),
    'proposals.list': ({ reportId }) => proposals.listProposals(db, reportId),
    'proposals.create': (args) => proposals.createProposal(ctx, args),
    'proposals.update': ({ id, patch, expectedVersion }) => proposals.updateProposal(ctx, id, patch, expectedVersion),
    'proposals.delete': ({ id }) => proposals.deleteProposal(db, id),
    'proposals.restore': ({ id }) => proposals.restoreProposal(db, id),
    'proposals.reorder': ({ reportId, orderedIds }) => proposals.reorderProposals(db, reportId, orderedIds),
    'proposals.suggest': ({ reportId }) => proposals.suggestProposals(ctx, reportId),
    'settings.get': () => settings.getSettings(db),
    'settings.update': (changes) => settings.updateSettings(db, changes),
    'reports.revise': (args) => reviseReport(db, args),
    'reports.revisions': ({ reportId }) => listReportRevisions(db, reportId),
    'reports.previewRevision': (args) => previewRevision(db, args),
    'reports.revisionDiff': ({ reportId, from, to }) => diffReportRevisions(db, reportId, from, to),
    'reports.restoreRevision': ({ reportId, revision }) => restoreRevision(db, reportId, revision),
    'reports.undoRevision': ({ reportId, revision }) => undoRevision(db, reportId, revision),
    'annotations.list': ({ reportId }) => annotations.listAnnotations(db, reportId),
    'annotations.create': (args) => annotations.createAnnotation(db, args),
    'annotations.update': ({ id, patch, expectedVersion }) => annotations.updateAnnotation(db, id, patch, expectedVersion),
    'annotations.delete': ({ id }) => annotations.deleteAnnotation(db, id),
    'annotations.restore': ({ id }) => annotations.restoreAnnotation(db, id),
    'annotations.link': ({ id, proposalId }) => annotations.linkAnnotation(db, id, proposalId),
    'annotations.unlink': ({ id, proposalId }) => annotations.unlinkAnnotation(db, id, proposalId),
    'annotations.reattach': ({ id, start, end }) => annotations.reattachAnnotation(db, id, start, end),
    'annotations.reopenReview': ({ id }) => annotations.reopenReview(db, id),
    'annotations.exportW3C': ({ reportId }) => exportW3C(db, reportId),
    'annotations.importW3C': ({ reportId, document }) => importW3C(db, reportId, document),
    'annotations.exportMarkdown': ({ reportId }) => exportMarkdown(db, reportId),
    'search.query': (args) => searchWorkbench(db, args, searchSynonyms),
    'meetings.list': ({ reportId }) => meetings.listMeetings(db, reportId),
    'meetings.get': ({ id }) => meetings.getMeeting(db, id),
    'meetings.create': (args) => meetings.createMeeting(db, args),
    'meetings.update': ({ id, patch, expectedVersion }) => meetings.updateMeeting(db, id, patch, expectedVersion),
    'meetings.delete': ({ id }) => meetings.deleteMeeting(db, id),
    'meetings.addAttendee': ({ meetingId, attendee, afterId }) => meetings.addAttendee(db, meetingId, attendee, afterId),
    'meetings.updateAttendee': ({ id, attendee, expectedVersion }) => meetings.updateAttendee(db, id, attendee, expectedVersion),
    'meetings.removeAttendee': ({ id }) => meetings.removeAttendee(db, id),
    'meetings.knownAttendees': ({ query, limit }) => meetings.knownAttendees(db, query, limit),
    'meetings.setAgenda': ({ meetingId, proposalIds }) => meetings.setAgenda(db, meetingId, proposalIds),
    'meetings.startItem': ({ agendaItemId, at }) => meetings.startItem(db, agendaItemId, at),
    'meetings.endItem': ({ agendaItemId, at }) => meetings.endItem(db, agendaItemId, at),
    'meetings.addEntry': (args) => entries.addEntry(db, args),
    'meetings.updateEntry': ({ id, patch, expectedVersion }) => entries.updateEntry(db, id, patch, expectedVersion),
    'meetings.removeEntry': ({ id }) => entries.removeEntry(db, id),
    'meetings.restoreEntry': ({ id }) => entries.restoreEntry(db, id),
    'meetings.restoreAttendee': ({ id }) => meetings.restoreAttendee(db, id),
    'meetings.begin': ({ id, at }) => run.beginMeeting(db, id, at),
    'meetings.finish': ({ id, at }) => run.finishMeeting(db, id, at),
    'meetings.setCurrentItem': ({ meetingId, agendaItemId }) => run.setCurrentItem(db, meetingId, agendaItemId),
    'meetings.setItemTimes': ({ agendaItemId, startedAt, endedAt }) => run.setItemTimes(db, agendaItemId, startedAt, endedAt),
    'minutes.getSettings': () => getMinutesSettings(db, minutesDefaults),
    'minutes.presets': () => minutesPresets,
    'minutes.updateSettings': (patch) => updateMinutesSettings(db, minutesDefaults, patch),
    'minutes.preview': ({ meetingId, kind }) => minutes.previewMinutes(minutesCtx, meetingId, kind),
    'minutes.saveEdits': ({ meetingId, kind, edits }) => minutes.saveMinutesEdits(minutesCtx, meetingId, kind, edits),
    'minutes.export': (args) => minutes.exportMinutes(minutesCtx, args),
    'imports.begin': ({ fileName, size }) => imports.begin(fileName, size),
    'imports.chunk': ({ jobId, offset, data }) => imports.chunk(jobId, offset, data),
    'imports.open': async () => {
      const choose = options.host.chooseImportFile
      if (!choose) throw new WorkbenchError('not_found', 'This shell has no file dialog: upload the file instead')
      const file = await choose()
      return file ? imports.fromBytes(file.fileName, file.bytes) : null
    },
    'imports.status': ({ jobId }) => imports.status(jobId),
    'imports.cancel': ({ jobId }) => imports.cancel(jobId),
    'imports.commit': ({ jobId, ...edits }) => imports.commit(jobId, edits),
    'imports.text': ({ jobId }) => imports.text(jobId),
    'storage.status': (): StorageStatus => ({
      readOnly: guard.readOnly,
      newDataDir,
      rescuedCopies: guard.rescuedCopies,
      earlierRescuedCopies,
      problem: guard.problem,
    }),
    'storage.backups': () => listBackups(dataDir).map(({ path: _path, ...info }) => info),
    'storage.backup': async () => {
      const { path: _path, ...info } = await backupDatabase(db, dataDir, 'manual')
      guard.lastBackupAt = Date.now()
      return info
    },
    'storage.restore': async ({ name }) => {
      const backup = listBackups(dataDir).find((b) => b.name === name)
      if (!backup) throw new WorkbenchError('not_found', `No backup named ${name}`)
      await guard.backingUp
      db.close()
      let movedAsideTo: string | null
      try {
        movedAsideTo = restoreBackupFile(dbPath, dataDir, backup.path, options.nativeBinding)
      } finally {
        db = openDatabase(dbPath, { nativeBinding: options.nativeBinding })
        guard.identity = identityOf(dbPath)
        guard.problem = null
      }
      return { restored: name, movedAsideTo }
    },
  }

  return {
    handlers: guardHandlers(handlers, guard),
    dataDir,
    dbPath,
    onChange: (listener) => subscribeChanges(db, listener),
    warmUp: () => {
      // The document reader's thread (seconds to start) once the window has had its first answers.
      setTimeout(warmReader, READER_WARM_DELAY_MS).unref()
      const id = settings.getSettings(db).currentReportId ?? reports.listReports(db)[0]?.id
      if (id === undefined || id === null) return
      try {
        reports.getReport(db, id)
        annotations.listAnnotations(db, id)
      } catch {
        // A report gone since is reported when the app asks for it.
      }
    },
    close: async () => {
      imports.close()
      // Without a backup running, the database closes and the lock goes before the first await.
      if (guard.backingUp) await guard.backingUp.catch(() => undefined)
      if (db.open) db.close()
      lock?.release()
      const printer = chromiumPrinter
      chromiumPrinter = null
      await printer?.close()
    },
  }
}
