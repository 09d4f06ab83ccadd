// Reads the bytes of a text file into NFC Unicode, telling which encoding it found: a BOM,
// valid UTF-8, UTF-16 without BOM (by its zero bytes), else the 8-bit encodings Vietnamese text
// has used, Windows-1258, TCVN3 and VNI, chosen by which one yields Vietnamese syllables.
import iconv from 'iconv-lite'
import { nfc } from '../../core/text'
import { convertLegacyFont, couldBeLegacy, type LegacyFont } from './legacy-fonts'
import { refuse } from './refusals'
import { scoreVietnamese, vietnameseFitness } from './vn-syllables'

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1258' | LegacyFont | 'ASCII'

export interface DecodedText {
  text: string
  encoding: TextEncoding
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(utf8(bytes.subarray(3)), 'UTF-8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(utf16(bytes.subarray(2), 'le'), 'UTF-16LE')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(utf16(bytes.subarray(2), 'be'), 'UTF-16BE')
  const sixteen = utf16WithoutBom(bytes)
  if (sixteen) return checked(utf16(bytes, sixteen), sixteen === 'le' ? 'UTF-16LE' : 'UTF-16BE')
  if (looksBinary(bytes)) refuse('binary')
  if (bytes.every((b) => b < 0x80)) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'ASCII' }
  let asUtf8: string | null = null
  try {
    asUtf8 = strictUtf8.decode(bytes)
  } catch {
    asUtf8 = null
  }
  if (asUtf8 !== null) return fixLegacyFont({ text: nfc(asUtf8), encoding: 'UTF-8' })
  return eightBit(bytes)
}

/** Text that a Word or UTF-8 file stores in a legacy font's code points, converted; else unchanged. */
export function fixLegacyFont(decoded: DecodedText): DecodedText {
  if (!couldBeLegacy(decoded.text)) return decoded
  const base = vietnameseFitness(scoreVietnamese(decoded.text))
  let best: DecodedText = decoded
  let bestFit = base
  for (const font of ['TCVN3', 'VNI'] as const) {
    const text = convertLegacyFont(decoded.text, font)
    const fit = vietnameseFitness(scoreVietnamese(text))
    if (fit > bestFit) {
      best = { text, encoding: font }
      bestFit = fit
    }
  }
  return best
}

function eightBit(bytes: Uint8Array): DecodedText {
  const latin1 = Buffer.from(bytes).toString('latin1')
  const candidates: DecodedText[] = [
    { text: nfc(iconv.decode(Buffer.from(bytes), 'windows1258')), encoding: 'Windows-1258' },
    { text: convertLegacyFont(latin1, 'TCVN3'), encoding: 'TCVN3' },
    { text: convertLegacyFont(latin1, 'VNI'), encoding: 'VNI' },
  ]
  let best = candidates[0]!
  let bestFit = -Infinity
  for (const c of candidates) {
    const fit = vietnameseFitness(scoreVietnamese(c.text))
    if (fit > bestFit) {
      best = c
      bestFit = fit
    }
  }
  return best
}

function utf8(bytes: Uint8Array): string {
  try {
    return nfc(strictUtf8.decode(bytes))
  } catch {
    refuse('binary')
  }
}

function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const even = bytes.length - (bytes.length % 2)
  const buf = Buffer.from(bytes.subarray(0, even))
  if (order === 'be') buf.swap16()
  return nfc(buf.toString('utf16le'))
}

/** Text of UTF-16 without a BOM has a zero in most odd (LE) or even (BE) bytes: ASCII letters, spaces, digits. */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return null
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++
    if (bytes[i + 1] === 0) zeroOdd++
  }
  const pairs = n / 2
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'le'
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'be'
  return null
}

/** Zero bytes or many control characters: not text in any encoding we read. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++
  }
  return controls > n * 0.01 + 2
}

/** Decoded text with characters no document holds (controls, replacement marks) is refused as binary. */
function checked(text: string, encoding: TextEncoding): DecodedText {
  const bad = text.slice(0, 65_536).match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0
  if (bad > Math.min(text.length, 65_536) * 0.01 + 2) refuse('binary')
  return { text, encoding }
}
