// Presets of issuing body, ký hiệu code and signer lines (data/minutes-presets.json): choosing
// one changes header, code and signature together, so they agree. Names of provinces and
// districts fill the {PROVINCE}/{province}/{DISTRICT}/{district} slots (administrative units
// change, so no name is written here); every field stays editable afterwards.
import type { MinutesPreset, MinutesSettings } from '../meeting-domain'

export interface PresetPlace {
  province: string
  district: string
}

function fill(template: string, place: PresetPlace): string {
  const upper = (s: string) => s.trim().toLocaleUpperCase('vi')
  return template
    .replaceAll('{PROVINCE}', upper(place.province))
    .replaceAll('{province}', place.province.trim())
    .replaceAll('{DISTRICT}', upper(place.district))
    .replaceAll('{district}', place.district.trim())
}

/** Settings with a preset applied: recipients, archive marks and the signer's name are kept. */
export function applyPreset(settings: MinutesSettings, preset: MinutesPreset, place: PresetPlace): MinutesSettings {
  const f = (t: string) => fill(t, place)
  return {
    ...settings,
    parentBody: f(preset.parentBody),
    issuingBody: f(preset.issuingBody),
    issuingBodyInText: f(preset.issuingBodyInText),
    bodyCode: preset.bodyCode,
    placeName: f(preset.placeName),
    thongbao: {
      ...settings.thongbao,
      authorityLines: preset.authorityLines.map(f),
      signerTitle: f(preset.signerTitle),
      closingSentence: f(preset.closingSentence),
    },
  }
}

/** The preset the settings match (header, code and signer lines), or null once edited by hand. */
export function matchingPreset(settings: MinutesSettings, presets: readonly MinutesPreset[], place: PresetPlace): MinutesPreset | null {
  const same = (a: MinutesSettings, b: MinutesSettings) => JSON.stringify(a) === JSON.stringify(b)
  return presets.find((p) => same(applyPreset(settings, p, place), settings)) ?? null
}
