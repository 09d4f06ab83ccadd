// Tells how Vietnamese a decoded text looks, so the importer can choose between encodings
// by what they produce (a wrong guess yields letters in impossible places: "chaứo", "viờũc").
import { nfc } from '../../core/text'

const TONED = 'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'
const BASES = 'aaaaaăăăăăâââââeeeeeêêêêêiiiiiooooôôôôôơơơơơuuuuuưưưưưyyyyy'
// Each toned vowel, in TONED order, with its base: five tones per base vowel.
const TONE_BASE = new Map<string, string>()
{
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']
  const toned = [...TONED]
  bases.forEach((b, i) => toned.slice(i * 5, i * 5 + 5).forEach((t) => TONE_BASE.set(t, b)))
  void BASES
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?'
const NUCLEUS =
  '(?:uyê|uya|uyu|ươi|ươu|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươ|iê|yê|uô|uâ|uê|uơ|uy|oa|oă|oe|oo|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)'
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?'
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`)

/** The syllable with its tone mark taken off, or null when it carries two tones. */
function untone(word: string): string | null {
  let tones = 0
  let out = ''
  for (const ch of word) {
    const base = TONE_BASE.get(ch)
    if (base) {
      tones++
      out += base
    } else out += ch
  }
  return tones > 1 ? null : out
}

export function isVietnameseSyllable(word: string): boolean {
  const bare = untone(nfc(word).toLocaleLowerCase('vi'))
  return bare !== null && SYLLABLE.test(bare)
}

export interface VietnameseScore {
  /** Words with a letter outside ASCII. */
  marked: number
  /** Of those, the ones that are Vietnamese syllables. */
  valid: number
  /** Characters that no Vietnamese text holds: Latin-1 symbols, stray combining marks, controls. */
  foreign: number
}

const WORD = /[\p{L}\p{M}]+/gu

export function scoreVietnamese(text: string, sampleChars = 200_000): VietnameseScore {
  const sample = nfc(text.slice(0, sampleChars))
  let marked = 0
  let valid = 0
  for (const m of sample.matchAll(WORD)) {
    const w = m[0]
    if (/^[\x00-\x7F]+$/.test(w)) continue
    marked++
    if (isVietnameseSyllable(w)) valid++
  }
  const foreign = sample.match(/[\u0080-\u00BF\u00D7\u00F7\p{M}\u0000-\u0008\u000E-\u001F\uFFFD]/gu)?.length ?? 0
  return { marked, valid, foreign }
}

/** Higher is better: valid marked words, less whatever reads as noise. */
export function vietnameseFitness(s: VietnameseScore): number {
  return s.valid - (s.marked - s.valid) - 2 * s.foreign
}
