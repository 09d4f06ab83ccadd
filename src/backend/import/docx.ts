// Word (.docx) files through mammoth: headings from Word's heading styles (and the Title style),
// numbered lists with their numbers, tables as one line per row, footnotes and endnotes at the end.
// The document's own title comes from its properties (docProps/core.xml) when set.
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { markCapitalRuns } from './capital-fonts'
import { htmlToText } from './html-text'
import { refuse } from './refusals'

export interface DocxText {
  text: string
  propertiesTitle: string | null
  /** A paragraph in Word's Title style. */
  styledTitle: string | null
  headings: string[]
}

const STYLE_MAP = ["p[style-name='Title'] => h1.doc-title:fresh", "p[style-name='Subtitle'] => h2:fresh"]

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    refuse('damaged')
  }
  const documentFile = zip.file('word/document.xml')
  if (!documentFile) refuse('damaged')
  let input = bytes
  try {
    // Text in an all-capital legacy font is marked, to be put in capitals once it is Unicode.
    const marked = markCapitalRuns(await documentFile.async('string'), (await zip.file('word/styles.xml')?.async('string')) ?? '')
    if (marked !== null) input = await zip.file('word/document.xml', marked).generateAsync({ type: 'uint8array' })
  } catch {
    refuse('damaged')
  }
  let html: string
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(input) }, {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      // Pictures are not read: the report is its text.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    })
    html = result.value
  } catch {
    refuse('damaged')
  }
  const core = await zip.file('docProps/core.xml')?.async('string').catch(() => undefined)
  const { text, headings, styledTitle } = htmlToText(html, { numberLists: true, dropLinksTo: /^#(?:footnote|endnote)-ref-/ })
  return { text, propertiesTitle: core ? coreTitle(core) : null, styledTitle, headings }
}

function coreTitle(xml: string): string | null {
  const m = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(xml)
  if (!m) return null
  const t = m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
  return t || null
}
