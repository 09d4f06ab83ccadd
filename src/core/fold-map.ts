// Search matches on the folded form (no diacritics, no case, đ→d) but highlights must land on the
// report's NFC text: this folds and keeps, for every folded code unit, where it came from.
import { nfc } from './text'

const MARKS = /\p{M}+/gu

function foldOne(ch: string): string {
  return ch.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/**
 * fold() (from ./text) plus, for each code unit of the folded string, the index in the NFC source it
 * came from (and one extra entry for the end, equal to the NFC source's length). A letter with
 * several marks ("ệ", "ữ") folds to one unit mapped to that letter; a lone combining mark maps to nothing.
 */
export function foldWithMap(s: string): { folded: string; map: number[] } {
  const source = nfc(s)
  let stripped = ''
  const map: number[] = []
  let i = 0
  for (const ch of source) {
    const f = foldOne(ch)
    stripped += f
    for (let k = 0; k < f.length; k++) map.push(i)
    i += ch.length
  }
  // Lower-casing the whole string keeps context rules (final sigma) identical to fold();
  // only when it changes the length do we fall back to per-character lower case.
  let folded = stripped.toLowerCase()
  if (folded.length !== stripped.length) {
    folded = ''
    const perChar: number[] = []
    let unit = 0
    for (const ch of stripped) {
      const lower = ch.toLowerCase()
      folded += lower
      for (let k = 0; k < lower.length; k++) perChar.push(map[unit]!)
      unit += ch.length
    }
    map.length = 0
    map.push(...perChar)
  }
  map.push(source.length)
  return { folded, map }
}

