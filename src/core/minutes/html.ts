// Minutes model → ONE HTML document: the in-app preview and the PDF source alike. Layout of
// Decree 30/2020 Phụ lục III (Mẫu 1.9 biên bản, Mẫu 1.4 thông báo). Fonts come in as
// @font-face CSS (data: URLs) from the caller, since core does no I/O.
import { minutesCss } from './html-style'
import type { MinutesDocument, MinutesSection, Paragraph, SignatureBlock } from './model'
import { MOTTO, NATIONAL_TITLE, RECIPIENTS_LABEL } from './page'

export interface MinutesHtmlOptions {
  /** @font-face rules for the Tinos family (data: URLs: file:// fonts fail after setContent). */
  fontFaceCss: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

export function renderMinutesHtml(doc: MinutesDocument, options: MinutesHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${esc(doc.title)}</title>
<style>${minutesCss(options.fontFaceCss)}</style>
</head>
<body class="minutes ${doc.kind}">
${header(doc)}
<div class="doc-type">${esc(doc.docType)}</div>
<div class="subject-block" data-section="subject"><span class="ruled short">${doc.subject.paragraphs
    .map((p) => `<p class="subject">${runsHtml(p)}</p>`)
    .join('')}</span></div>
${doc.body.map(sectionHtml).join('\n')}
${doc.kind === 'bienban' ? bienbanBottom(doc) : thongbaoBottom(doc)}
</body>
</html>
`
}

function header(doc: MinutesDocument): string {
  const h = doc.header
  const parent = h.parentBody ? `<div class="hdr-parent">${esc(h.parentBody)}</div>` : ''
  const body = h.issuingBodyLines.map(esc).join('<br>')
  const placeDate = h.placeDateLine === null ? '<td></td>' : `<td class="place-date">${esc(h.placeDateLine)}</td>`
  return `<table class="layout header"><colgroup><col class="hdr-left"><col></colgroup>
<tr><td>${parent}<div class="hdr-body"><span class="ruled third">${body}</span></div></td>
<td><div class="national">${NATIONAL_TITLE}</div><div class="motto"><span class="ruled full">${MOTTO}</span></div></td></tr>
<tr><td class="hdr-number">${esc(h.numberLine)}</td>${placeDate}</tr>
</table>`
}

function sectionHtml(section: MinutesSection): string {
  return `<div class="section" data-section="${esc(section.key)}">${section.paragraphs.map(paragraphHtml).join('')}</div>`
}

function paragraphHtml(p: Paragraph): string {
  // A paragraph from a flagged annotation says so on screen (the stylesheet hides it in print).
  const origin = p.origin ? ` data-origin="${esc(p.origin)}"` : ''
  return `<p class="${p.style}${p.origin ? ' from-note' : ''}"${origin}>${runsHtml(p)}</p>`
}

function runsHtml(p: Paragraph): string {
  return p.runs
    .map((r) => {
      let html = esc(r.text)
      if (r.italic) html = `<i>${html}</i>`
      if (r.bold) html = `<b>${html}</b>`
      return html
    })
    .join('')
}

function signatureHtml(sig: SignatureBlock): string {
  return `${sig.titleLines.map((l) => `<div class="sig-title">${esc(l)}</div>`).join('')}<div class="sig-space"></div><div class="sig-name">${esc(sig.name)}</div>`
}

function recipientsHtml(section: MinutesSection): string {
  const lines = section.paragraphs.map((p) => `<p class="recipients-line">${esc(p.runs.map((r) => r.text).join(''))}</p>`).join('')
  return `<div class="recipients" data-section="recipients"><p class="recipients-label">${RECIPIENTS_LABEL}</p>${lines}</div>`
}

/** Mẫu 1.9: THƯ KÝ | gap | CHỦ TỌA, and Nơi nhận in the left column under THƯ KÝ. */
function bienbanBottom(doc: MinutesDocument): string {
  return `<table class="layout bottom signatures"><colgroup><col class="sig-left"><col class="sig-gap"><col></colgroup>
<tr><td>${signatureHtml(doc.signatures.left!)}<div class="bienban-recipients">${recipientsHtml(doc.recipients)}</div></td><td></td><td>${signatureHtml(doc.signatures.right)}</td></tr>
</table>`
}

/** Mẫu 1.4: Nơi nhận left, level with the signer's title; the signer block right. */
function thongbaoBottom(doc: MinutesDocument): string {
  return `<table class="layout bottom signatures"><colgroup><col class="bottom-left"><col></colgroup>
<tr><td>${recipientsHtml(doc.recipients)}</td><td>${signatureHtml(doc.signatures.right)}</td></tr>
</table>`
}
