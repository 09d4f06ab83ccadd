// The bundled Tinos files (resources/fonts) as @font-face rules with data: URLs: fonts loaded
// from file:// fail after page.setContent, and a PDF must not depend on the fonts of the machine.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { WorkbenchError } from '../../core/errors'

/**
 * The unicode-range of each subset, as @fontsource/tinos declares it. Ranges overlap (Ă, Đ, Ơ, Ư are in
 * latin-ext and vietnamese); where they do the face declared last wins, so latin-ext comes first.
 */
const SUBSETS = {
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const

/** Every file the minutes need, relative to the fonts directory. */
export const FONT_FILES = Object.keys(SUBSETS).flatMap((subset) => FACES.map((f) => `tinos-${subset}-${f.weight}-${f.style}.woff2`))

const cache = new Map<string, string>()

/** Code point ranges of a unicode-range list. */
function parseRanges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const [from, to] = part.replace('U+', '').split('-') as [string, string?]
    return [parseInt(from, 16), parseInt(to ?? from, 16)]
  })
}

/** The subset a character is counted for: the first that covers it. */
const PREFERENCE = ['latin', 'vietnamese', 'latin-ext']

const RANGES = Object.fromEntries(Object.entries(SUBSETS).map(([subset, list]) => [subset, parseRanges(list)]))

/**
 * The subsets `text` needs. Embedding only those keeps the HTML small (latin-ext alone is
 * ~330 KB of base64 and Vietnamese never needs it), which makes printing faster.
 */
export function subsetsFor(text: string): string[] {
  const needed = new Set<string>()
  const seen = new Set<number>()
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (seen.has(cp)) continue
    seen.add(cp)
    const subset = PREFERENCE.find((name) => RANGES[name]!.some(([from, to]) => cp >= from && cp <= to))
    if (subset) needed.add(subset)
  }
  // Declaration order, so that the overlap rule above still holds.
  return Object.keys(SUBSETS).filter((name) => needed.has(name))
}

/** @font-face CSS for the Tinos family, the subsets given (all by default); files read once per directory. */
export function tinosFontFaceCss(fontsDir: string, subsets: readonly string[] = Object.keys(SUBSETS)): string {
  return subsets.map((subset) => subsetCss(fontsDir, subset)).join('\n')
}

function subsetCss(fontsDir: string, subset: string): string {
  const cacheKey = `${fontsDir}\0${subset}`
  const cached = cache.get(cacheKey)
  if (cached !== undefined) return cached
  const range = SUBSETS[subset as keyof typeof SUBSETS]
  if (range === undefined) throw new WorkbenchError('internal', `Unknown font subset ${subset}`)
  const rules: string[] = []
  for (const face of FACES) {
    const file = join(fontsDir, `tinos-${subset}-${face.weight}-${face.style}.woff2`)
    let data: Buffer
    try {
      data = readFileSync(file)
    } catch (err) {
      throw new WorkbenchError('internal', `The bundled font ${file} cannot be read: ${(err as Error).message}`)
    }
    rules.push(
      `@font-face { font-family: 'Tinos'; font-style: ${face.style}; font-weight: ${face.weight}; font-display: block; ` +
        `src: url(data:font/woff2;base64,${data.toString('base64')}) format('woff2'); unicode-range: ${range}; }`,
    )
  }
  const css = rules.join('\n')
  cache.set(cacheKey, css)
  return css
}
