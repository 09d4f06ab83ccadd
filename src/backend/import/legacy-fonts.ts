// The legacy Vietnamese font encodings (TCVN3/ABC and VNI) that older documents still use:
// their bytes (or the Latin-1 characters a Word file stores for them) turned into NFC Unicode.
// The tables are data (data/legacy-encodings), read once.
import tcvn3Table from '../../../data/legacy-encodings/tcvn3.json' with { type: 'json' }
import vniTable from '../../../data/legacy-encodings/vni.json' with { type: 'json' }
import { nfc } from '../../core/text'

export type LegacyFont = 'TCVN3' | 'VNI'

const TCVN3 = new Map<string, string>(
  Object.entries(tcvn3Table.bytes as Record<string, string>).map(([hex, ch]) => [String.fromCharCode(parseInt(hex, 16)), ch]),
)
const VNI = new Map<string, string>(Object.entries(vniTable.sequences as Record<string, string>))

/** Converts text whose characters stand for legacy bytes; characters above U+00FF pass through. */
export function convertLegacyFont(text: string, font: LegacyFont): string {
  let out = ''
  if (font === 'TCVN3') {
    for (const ch of text) out += TCVN3.get(ch) ?? ch
    return nfc(out)
  }
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2)
    const two = pair.length === 2 ? VNI.get(pair) : undefined
    if (two) {
      out += two
      i++
      continue
    }
    const ch = text[i]!
    out += VNI.get(ch) ?? ch
  }
  return nfc(out)
}

/** Only text made of Latin-1 characters can be legacy-encoded. */
export function couldBeLegacy(text: string): boolean {
  return /[\u00A0-\u00FF]/.test(text) && !/[\u0100-\uFFFF]/.test(text.replace(/[\u2000-\u206F\uFEFF]/g, ''))
}
