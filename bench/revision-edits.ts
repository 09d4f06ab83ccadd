// The edits a drafting office makes to a word or a sentence, as pure text functions: a slip of
// the keyboard, another tone mark, a new sentence in the report's own style.
import { pick, type SourceMaterial } from './corpus'

const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy'
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u
const VOWEL = /^[aăâeêioôơuưy]/iu

export function misspell(rng: () => number, w: string): string {
  const chars = [...w]
  const i = 1 + Math.floor(rng() * (chars.length - 2))
  const r = rng()
  if (r < 0.3) chars[i] = pick(rng, [...LETTERS])
  else if (r < 0.55) chars.splice(i, 1)
  else if (r < 0.8) chars.splice(i, 0, pick(rng, [...LETTERS]))
  else if (i + 1 < chars.length - 1) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!]
  return chars.join('')
}

export function changeDiacritic(rng: () => number, w: string): string {
  const chars = [...w]
  const spots = chars.map((c, i) => (VOWEL.test(c.normalize('NFD')) || c === 'đ' || c === 'd' ? i : -1)).filter((i) => i >= 0)
  if (spots.length === 0) return w
  const i = pick(rng, spots)
  const c = chars[i]!
  if (c === 'đ' || c === 'd') chars[i] = c === 'đ' ? 'd' : 'đ'
  else {
    const nfd = c.normalize('NFD')
    const tone = nfd.match(TONE)?.[0] ?? ''
    const others = TONES.filter((t) => t !== tone)
    chars[i] = (nfd.replace(TONE, '') + pick(rng, others)).normalize('NFC')
  }
  return chars.join('')
}

/** Another sentence in the style of the report: the start of one sample sentence, the end of another. */
export function newSentence(rng: () => number, sources: SourceMaterial, vocabulary: string[]): string {
  const a = pick(rng, sources.sentences).split(' ')
  const b = pick(rng, sources.sentences).split(' ')
  const words = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))]
  words[1 + Math.floor(rng() * (words.length - 1))] = pick(rng, vocabulary)
  const s = words.join(' ').replace(/[.!?…]*$/, '.')
  return s[0]!.toUpperCase() + s.slice(1)
}
