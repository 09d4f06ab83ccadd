// The stylesheet of the minutes: print geometry (A4, margins, page number from page 2 on)
// and the decree's type sizes; on screen the same page is drawn as a sheet for the preview.
import { COLUMNS, MARGINS, PAGE, PARAGRAPH, SIGNING_SPACE_LINES, SIZES } from './page'

const mm = (n: number) => `${n}mm`
const pt = (n: number) => `${n}pt`

/**
 * Page numbers: a CSS page-margin box (Chromium 131+, so Electron 34+ as well) prints the page
 * counter centred in the top margin, and `@page :first` removes it from page 1 — page 1 counts
 * but shows no number, as the decree asks. No header template or PDF post-processing needed.
 */
export function minutesCss(fontFaceCss: string): string {
  const margin = `${mm(MARGINS.top)} ${mm(MARGINS.right)} ${mm(MARGINS.bottom)} ${mm(MARGINS.left)}`
  return `${fontFaceCss}
@page {
  size: A4;
  margin: ${margin};
  @top-center { content: counter(page); font-family: Tinos, 'Times New Roman', serif; font-size: ${pt(SIZES.pageNumber)}; vertical-align: middle; }
}
@page :first { @top-center { content: none; } }
html { font-family: Tinos, 'Times New Roman', serif; font-size: ${pt(SIZES.body)}; line-height: 1.2; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen {
  html { background: #d9d9d9; }
  p.from-note { background: #fff6d5; box-shadow: -6px 0 0 #fff6d5, 6px 0 0 #fff6d5; }
  p.from-note::before { content: attr(data-origin); display: block; text-indent: 0; font: 600 9pt system-ui, sans-serif; color: #8a6500; }
  body { box-sizing: border-box; width: ${mm(PAGE.width)}; min-height: ${mm(PAGE.height)}; margin: 12px auto; padding: ${margin}; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); }
}
table.layout { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.layout td { padding: 0; vertical-align: top; text-align: center; }
.hdr-parent { font-size: ${pt(SIZES.parentBody)}; }
.hdr-body { font-size: ${pt(SIZES.issuingBody)}; font-weight: bold; }
.hdr-number { font-size: ${pt(SIZES.number)}; padding-top: 6pt !important; }
.national { font-size: ${pt(SIZES.nationalTitle)}; font-weight: bold; white-space: nowrap; }
.motto { font-size: ${pt(SIZES.motto)}; font-weight: bold; white-space: nowrap; }
.place-date { font-size: ${pt(SIZES.placeDate)}; font-style: italic; padding-top: 6pt !important; }
/* A rule under a text block: inline-block shrinks to the text, the rule takes a share of it. */
.ruled { display: inline-block; }
.ruled::after { content: ''; display: block; margin: 2pt auto 0; border-top: 0.75pt solid #000; }
.ruled.full::after { width: 100%; }
.ruled.third::after { width: 40%; }
.ruled.short::after { width: 25%; margin-top: 4pt; }
.doc-type { margin: 24pt 0 0; text-align: center; font-size: ${pt(SIZES.docType)}; font-weight: bold; }
.subject { margin: 0; text-align: center; font-size: ${pt(SIZES.subject)}; font-weight: bold; }
.subject-block { text-align: center; margin-bottom: 6pt; }
p.body, p.heading { margin: ${pt(PARAGRAPH.spaceBeforePt)} 0 0; text-indent: ${PARAGRAPH.indentCm}cm; text-align: justify; orphans: 2; widows: 2; }
p.heading { font-weight: bold; break-after: avoid; }
.bottom { margin-top: 12pt; break-inside: avoid; }
.sig-title { font-size: ${pt(SIZES.signature)}; font-weight: bold; text-transform: none; }
.sig-space { height: calc(${SIGNING_SPACE_LINES} * 1.2 * ${pt(SIZES.signature)}); }
.sig-name { font-size: ${pt(SIZES.signature)}; font-weight: bold; }
.recipients { text-align: left; }
.recipients-label { margin: 0; font-size: ${pt(SIZES.recipientsLabel)}; font-weight: bold; font-style: italic; }
.recipients-line { margin: 0; padding-left: 0.7em; text-indent: -0.7em; font-size: ${pt(SIZES.recipients)}; line-height: 1.15; }
.bienban-recipients { padding-top: 12pt; }
col.hdr-left { width: ${mm(COLUMNS.header[0])}; }
col.sig-left { width: ${mm(COLUMNS.bienbanSignatures[0])}; }
col.sig-gap { width: ${mm(COLUMNS.bienbanSignatures[1])}; }
col.bottom-left { width: ${mm(COLUMNS.thongbaoBottom[0])}; }
`
}
