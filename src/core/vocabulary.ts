// The fixed word lists of the domain (statuses, priorities, kinds, colours, locales) and the
// default settings, without zod: the renderer imports them from here so zod stays out of its bundle.
import type { Settings } from './domain'

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'in_progress', 'done', 'rejected', 'deferred'] as const
/** Statuses that count as "decided" in the checklist summary. */
export const DECIDED_STATUSES: readonly (typeof PROPOSAL_STATUSES)[number][] = ['accepted', 'in_progress', 'done', 'rejected', 'deferred']

export const PRIORITIES = ['low', 'normal', 'high'] as const

export const LOCALES = ['vi', 'en'] as const

export const DEFAULT_SETTINGS: Settings = {
  locale: 'vi',
  splitRatio: 0.58,
  zoom: 1,
  authorName: '',
  currentReportId: null,
}

export const ANNOTATION_KINDS = ['highlight', 'note', 'question', 'concern', 'decision'] as const
export const ANNOTATION_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const

/** The colour a new annotation gets when none is chosen: one per kind, so kinds tell apart at a glance. */
export const DEFAULT_COLOUR_BY_KIND: Readonly<Record<(typeof ANNOTATION_KINDS)[number], (typeof ANNOTATION_COLOURS)[number]>> = {
  highlight: 'yellow',
  note: 'blue',
  question: 'purple',
  concern: 'pink',
  decision: 'green',
}

export const ENTRY_KINDS = ['discussion', 'decision', 'action'] as const
/** bienban = Biên bản (Mẫu 1.9); thongbao = Thông báo kết luận (Mẫu 1.4). */
export const MINUTES_KINDS = ['bienban', 'thongbao'] as const
export const MINUTES_FORMATS = ['pdf', 'docx'] as const
