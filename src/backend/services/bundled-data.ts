// Reads the data shipped with the app (sector taxonomy, default sample report with its
// starter checklist and meeting, minutes settings and presets, search synonyms) from disk, validating every file, and names the file at fault.
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import type { z } from 'zod'
import { DataManifest, SampleMeeting, SampleReportMeta, SectorsFile, StarterChecklist } from '../../core/data-files'
import type { Sector } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'
import { SynonymsFile } from '../../core/search/synonyms'
import { MinutesPresetsFile, MinutesSettings, type MinutesPreset } from '../../core/meeting-domain'

export interface BundledSample {
  meta: z.output<typeof SampleReportMeta>
  /** The report file as shipped, before parsing. */
  rawText: string
  checklist: z.output<typeof StarterChecklist>
  /** The meeting the sample describes (meeting.json), if the sample has one. */
  meeting: z.output<typeof SampleMeeting> | null
}

export function loadSectors(bundledDataDir: string): Sector[] {
  const manifest = readManifest(bundledDataDir)
  return readJson(inside(bundledDataDir, manifest.sectors), SectorsFile).sectors
}

export function loadDefaultSample(bundledDataDir: string): BundledSample {
  const sampleDir = inside(bundledDataDir, readManifest(bundledDataDir).defaultSample)
  const meta = readJson(inside(sampleDir, 'report.json'), SampleReportMeta)
  const rawText = readText(inside(sampleDir, meta.file))
  const checklist = readJson(inside(sampleDir, 'checklist.json'), StarterChecklist)
  const meetingFile = inside(sampleDir, 'meeting.json')
  const meeting = existsSync(meetingFile) ? readJson(meetingFile, SampleMeeting) : null
  return { meta, rawText, checklist, meeting }
}

/** data/minutes-settings.json: the issuing body, signer lines and recipients until the user sets their own. */
export function loadMinutesSettingsDefaults(bundledDataDir: string): MinutesSettings {
  return readJson(resolve(bundledDataDir, 'minutes-settings.json'), MinutesSettings)
}

/** data/search-synonyms.json: administrative wording that widens a search. */
export function loadSearchSynonyms(bundledDataDir: string): SynonymsFile {
  return readJson(resolve(bundledDataDir, 'search-synonyms.json'), SynonymsFile)
}

/** data/minutes-presets.json: the usual issuing bodies with their codes and signer lines. */
export function loadMinutesPresets(bundledDataDir: string): MinutesPreset[] {
  return readJson(resolve(bundledDataDir, 'minutes-presets.json'), MinutesPresetsFile).presets
}

function readManifest(bundledDataDir: string): z.output<typeof DataManifest> {
  return readJson(resolve(bundledDataDir, 'manifest.json'), DataManifest)
}

function readJson<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let json: unknown
  try {
    json = JSON.parse(readText(file))
  } catch (err) {
    if (err instanceof WorkbenchError) throw err
    throw bundleError(`${file} is not valid JSON: ${(err as Error).message}`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw bundleError(`${file} does not have the expected shape: ${parsed.error.message}`)
  return parsed.data
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    throw bundleError(`${file} cannot be read: ${(err as Error).message}`)
  }
}

/** Paths in the manifest are relative and must stay inside the bundle. */
function inside(dir: string, child: string): string {
  const full = resolve(dir, child)
  const rel = relative(resolve(dir), full)
  if (rel.startsWith('..') || isAbsolute(rel)) throw bundleError(`${child} points outside ${dir}`)
  return full
}

function bundleError(detail: string): WorkbenchError {
  return new WorkbenchError('internal', `The bundled data of the workbench is broken: ${detail}`)
}
