// Presets of issuing body, code and signer lines: each keeps header, ký hiệu and signature in
// agreement, the bundled defaults are one of them, and a preset keeps what it does not govern.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MinutesPresetsFile, MinutesSettings } from '../../src/core/meeting-domain'
import { buildMinutes } from '../../src/core/minutes/build'
import { applyPreset as apply, matchingPreset as matching, type PresetPlace } from '../../src/core/minutes/presets'

const defaults = MinutesSettings.parse(JSON.parse(readFileSync('data/minutes-settings.json', 'utf8')))
const place = { province: 'Nghệ An', district: 'Kỳ Sơn' }
const presets = MinutesPresetsFile.parse(JSON.parse(readFileSync('data/minutes-presets.json', 'utf8'))).presets
const PRESET_KEYS = presets.map((p) => p.key)
const byKey = (key: string) => presets.find((p) => p.key === key)!
const applyPreset = (s: MinutesSettings, key: string, at: PresetPlace) => apply(s, byKey(key), at)
const matchingPreset = (s: MinutesSettings, at: PresetPlace) => matching(s, presets, at)?.key ?? null

describe('minutes presets', () => {
  it('offers UBND tỉnh, the Văn phòng with -VP and -VPUB, and UBND huyện', () => {
    expect(PRESET_KEYS).toEqual(['ubndTinh', 'vpTinh', 'vpubTinh', 'ubndHuyen'])
  })

  it('the bundled defaults are the Văn phòng UBND tỉnh preset: header, code -VPUB and TL. signer lines agree', () => {
    expect(matchingPreset(defaults, place)).toBe('vpubTinh')
    expect(defaults).toMatchObject({ parentBody: 'UBND TỈNH NGHỆ AN', issuingBody: 'VĂN PHÒNG', bodyCode: 'VPUB' })
    expect(defaults.thongbao.authorityLines).toEqual(['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG'])
  })

  it('UBND tỉnh: no parent body, code -UBND, TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', () => {
    const s = applyPreset(defaults, 'ubndTinh', place)
    expect(s).toMatchObject({ parentBody: '', issuingBody: 'ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN', issuingBodyInText: 'UBND tỉnh', bodyCode: 'UBND', placeName: 'Nghệ An' })
    expect([...s.thongbao.authorityLines, s.thongbao.signerTitle]).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'])
    expect(s.thongbao.closingSentence.startsWith('UBND tỉnh thông báo')).toBe(true)
  })

  it('Văn phòng -VP and UBND huyện name their own body and place', () => {
    expect(applyPreset(defaults, 'vpTinh', place).bodyCode).toBe('VP')
    const district = applyPreset(defaults, 'ubndHuyen', place)
    expect(district).toMatchObject({ issuingBody: 'ỦY BAN NHÂN DÂN\nHUYỆN KỲ SƠN', placeName: 'Kỳ Sơn', bodyCode: 'UBND', parentBody: '' })
  })

  it('every preset is valid settings, keeps recipients and the signer name, and is recognised again', () => {
    const named = { ...defaults, thongbao: { ...defaults.thongbao, signerName: 'Nguyễn Văn A' } }
    for (const key of PRESET_KEYS) {
      const s = applyPreset(named, key, place)
      expect(MinutesSettings.safeParse(s).success, key).toBe(true)
      expect(s.thongbao.signerName).toBe('Nguyễn Văn A')
      expect(s.bienban.recipients).toEqual(defaults.bienban.recipients)
      expect(matchingPreset(s, place)).toBe(key)
    }
    expect(matchingPreset({ ...defaults, bodyCode: 'SCT' }, place)).toBeNull()
  })

  it('changes the printed header, number line and signer lines together', () => {
    const meeting = {
      id: 1, reportId: 1, title: 'Buổi làm việc', number: '5', noticeNumber: '7', noticeDate: null, place: '', startedAt: '2022-05-26T08:00', endedAt: null,
      chair: { name: '', post: '' }, secretary: { name: '', post: '' }, attendees: [], agenda: [], entries: [], createdAt: '', updatedAt: '', version: 1,
    }
    const doc = buildMinutes({ kind: 'thongbao', meeting, proposals: new Map(), settings: applyPreset(defaults, 'ubndTinh', place) })
    expect(doc.header).toMatchObject({ parentBody: null, issuingBodyLines: ['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN'], numberLine: 'Số: 07/TB-UBND' })
    expect(doc.signatures.right.titleLines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'])
    expect(doc.missingSigners).toEqual(['signer'])
    const bb = buildMinutes({ kind: 'bienban', meeting, proposals: new Map(), settings: defaults })
    expect(bb.missingSigners).toEqual(['chair', 'secretary'])
  })
})
