// Vietnamese text helpers shared by every layer: one NFC rule and one folding rule,
// so indexed text and queries are always compared in the same form.

/** Canonical composed form; every string that enters the app passes through this. */
export function nfc(s: string): string {
  return s.normalize('NFC')
}

/**
 * Folds case and diacritics for search: NFD, drop combining marks, đ→d, lower case.
 * SQLite's unicode61 folding leaves đ/Đ alone, hence the explicit step.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
}
