// Page geometry and type sizes of the minutes (Decree 30/2020, Phụ lục I), shared by the
// HTML template and the DOCX writer so both print the same page.

/** A4 portrait, in millimetres. */
export const PAGE = { width: 210, height: 297 } as const

/**
 * Margins within the decree's ranges (top/bottom 20–25, left 30–35, right 15–20 mm). Left 30
 * and right 15 give a 165 mm text width: the templates' 6.75 | 10 cm header columns fit, and
 * the 13 pt bold Quốc hiệu (≈ 96 mm in a Times-metric face) stays on one line.
 */
export const MARGINS = { top: 25, bottom: 20, left: 30, right: 15 } as const

export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right

/**
 * Column widths (mm) of the borderless layout tables. The header follows the Phụ lục III
 * templates; the bottom tables give "Nơi nhận" (11 pt) room for a recipient of about 55
 * characters in two lines, while the signer column still holds a 14 pt bold authority line
 * of about 20 characters on one.
 */
export const COLUMNS = {
  header: [65, 100],
  bienbanSignatures: [78, 5, 82],
  thongbaoBottom: [80, 85],
} as const

/** Blank lines left for the signature (and seal) between the signer's title and name (Decree 30 templates: 3–4). */
export const SIGNING_SPACE_LINES = 4

/** Type sizes in points. */
export const SIZES = {
  body: 14,
  parentBody: 13,
  issuingBody: 13,
  number: 13,
  nationalTitle: 13,
  motto: 14,
  placeDate: 14,
  docType: 14,
  subject: 14,
  signature: 14,
  pageNumber: 14,
  recipientsLabel: 12,
  recipients: 11,
} as const

/** First-line indent (cm) and space before a body paragraph (pt). */
export const PARAGRAPH = { indentCm: 1, spaceBeforePt: 6 } as const

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc'
export const RECIPIENTS_LABEL = 'Nơi nhận:'
