// The all-capital fonts of the TCVN3 (ABC) family (.VnTimeH, .VnArialH, …) store text in lower-case
// codes and draw every letter as a capital, so a heading typed in them reads back in lower case.
// Runs set in such a font (directly, or through their character or paragraph style) are marked
// in the Word file's XML before it is read, and the marked text is put in capitals once it has
// been converted to Unicode.

/** Invisible marks around capital-font text; outside the range a legacy-encoding check looks at. */
export const CAPS_OPEN = '\u2063'
export const CAPS_CLOSE = '\u2064'

/** ".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH", ".VnTime3H" (the size variants too). */
const CAPITAL_FONT = /^\.Vn[^"]*H$/
const FONT_ATTR = /<w:rFonts\b[^>]*?\bw:(?:ascii|hAnsi)="([^"]*)"/
const MAYBE_CAPITAL = /w:(?:ascii|hAnsi)="\.Vn[^"]*H"/

/** Style ids whose run properties set a capital font. */
function capitalStyles(stylesXml: string): Set<string> {
  const ids = new Set<string>()
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const font = FONT_ATTR.exec(m[2]!)?.[1]
    if (font && CAPITAL_FONT.test(font)) ids.add(m[1]!)
  }
  return ids
}

/** document.xml with the text of every run in a capital font between CAPS_OPEN and CAPS_CLOSE; null when there is none. */
export function markCapitalRuns(documentXml: string, stylesXml: string): string | null {
  if (!MAYBE_CAPITAL.test(documentXml) && !MAYBE_CAPITAL.test(stylesXml)) return null
  const styles = capitalStyles(stylesXml)
  let marked = false
  const out = documentXml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const pStyle = /<w:pStyle\b[^>]*\bw:val="([^"]*)"/.exec(paragraph)?.[1]
    return paragraph.replace(/<w:r(?:\s[^>]*)?>[\s\S]*?<\/w:r>/g, (run) => {
      const props = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(run)?.[0] ?? ''
      const font = FONT_ATTR.exec(props)?.[1]
      const rStyle = /<w:rStyle\b[^>]*\bw:val="([^"]*)"/.exec(props)?.[1]
      const capital = font !== undefined ? CAPITAL_FONT.test(font) : (rStyle !== undefined && styles.has(rStyle)) || (pStyle !== undefined && styles.has(pStyle))
      if (!capital) return run
      marked = true
      return run.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, `$1${CAPS_OPEN}$2${CAPS_CLOSE}$3`)
    })
  })
  return marked ? out : null
}

/** Marked text in capitals, marks removed. */
export function applyCapitals(text: string): string {
  if (!text.includes(CAPS_OPEN) && !text.includes(CAPS_CLOSE)) return text
  return text.replace(/\u2063([^\u2063\u2064]*)\u2064/gu, (_, inner: string) => inner.toLocaleUpperCase('vi')).replace(/[\u2063\u2064]/gu, '')
}
