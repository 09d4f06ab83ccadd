// Visible text of an HTML document (an .html file or the HTML mammoth makes of a .docx):
// nothing in it is executed or fetched; scripts, styles and hidden elements are skipped,
// block elements become lines, table rows become one line with their cells in order.
import { Parser } from 'htmlparser2'

export interface HtmlText {
  /** One block per line. */
  text: string
  /** The <title>, if any. */
  docTitle: string | null
  /** Text of the h1–h3 headings, in order. */
  headings: string[]
  /** The first element of class "doc-title" (Word's Title style, as the docx reader maps it). */
  styledTitle: string | null
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'button'])
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'figure', 'figcaption', 'hr', 'form', 'fieldset', 'legend', 'caption', 'center', 'body', 'html',
])
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'area', 'base', 'col', 'source', 'track'])

export interface HtmlOptions {
  /** Ordered list items get their number back ("1. "), as Word shows numbering. */
  numberLists?: boolean
  /** Links to these fragments (mammoth's footnote back-references) are dropped. */
  dropLinksTo?: RegExp
}

export function htmlToText(html: string, options: HtmlOptions = {}): HtmlText {
  const lines: string[] = []
  let line = ''
  let skipDepth = 0
  const stack: { name: string; skip: boolean; heading: boolean; styledTitle: boolean }[] = []
  let styledTitle: string | null = null
  let docTitle: string | null = null
  let inTitle = false
  let titleText = ''
  const headings: string[] = []
  let headingText: string | null = null
  const listCounters: number[] = []
  let cellIndex = 0
  let cellDepth = 0
  let inPre = 0

  const flush = () => {
    // Inside a table cell, paragraphs run on: the row is one line.
    if (cellDepth > 0) {
      line += ' '
      return
    }
    // A list number waits for its item's first paragraph.
    if (/^\s*\d+\. $/.test(line)) return
    const t = line.replace(/[^\S\n]+/g, ' ').trim()
    if (t) lines.push(t)
    line = ''
  }
  const append = (s: string) => {
    if (skipDepth > 0) return
    line += s
    if (headingText !== null) headingText += s
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const hidden =
          'hidden' in attrs ||
          attrs['aria-hidden'] === 'true' ||
          /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attrs.style ?? '') ||
          (name === 'a' && options.dropLinksTo !== undefined && options.dropLinksTo.test(attrs.href ?? ''))
        if (name === 'title') {
          inTitle = true
          titleText = ''
        }
        const skip = SKIPPED.has(name) || hidden
        if (!VOID.has(name)) stack.push({ name, skip, heading: /^h[1-3]$/.test(name), styledTitle: /\bdoc-title\b/.test(attrs.class ?? '') })
        if (skip) {
          if (!VOID.has(name)) skipDepth++
          return
        }
        if (name === 'br') {
          if (skipDepth === 0) flush()
          return
        }
        if (BLOCKS.has(name)) flush()
        if (name === 'pre') inPre++
        if (name === 'ol') listCounters.push(0)
        if (name === 'ul') listCounters.push(-1)
        if (name === 'li' && options.numberLists && skipDepth === 0) {
          const n = listCounters.length - 1
          if (n >= 0 && listCounters[n]! >= 0) {
            listCounters[n]!++
            line += `${listCounters[n]}. `
          }
        }
        if (name === 'tr') {
          cellDepth = 0
          cellIndex = 0
        }
        if (name === 'td' || name === 'th') {
          if (cellIndex++ > 0) append(' | ')
          cellDepth++
        }
        if (/^h[1-3]$/.test(name) && skipDepth === 0) headingText = ''
      },
      ontext(text) {
        if (inTitle) titleText += text
        if (skipDepth > 0) return
        if (inPre > 0) {
          const parts = text.split('\n')
          parts.forEach((p, i) => {
            if (i > 0) flush()
            append(p)
          })
        } else append(text.replace(/\s+/g, ' '))
      },
      onclosetag(name, implied) {
        void implied
        if (name === 'title') {
          inTitle = false
          docTitle = titleText.replace(/\s+/g, ' ').trim() || null
        }
        if (VOID.has(name)) return
        // Pop to the matching element (htmlparser2 closes implied tags for us).
        const top = stack.pop()
        if (!top) return
        if (top.skip) {
          skipDepth--
          return
        }
        if (top.heading && headingText !== null) {
          const h = headingText.replace(/\s+/g, ' ').trim()
          if (h) headings.push(h)
          if (h && top.styledTitle && styledTitle === null) styledTitle = h
          headingText = null
        }
        if (name === 'pre') inPre--
        if ((name === 'td' || name === 'th') && cellDepth > 0) cellDepth--
        if (name === 'ol' || name === 'ul') listCounters.pop()
        if (BLOCKS.has(name)) flush()
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  )
  parser.write(html)
  parser.end()
  flush()
  return { text: lines.join('\n'), docTitle, headings, styledTitle }
}
