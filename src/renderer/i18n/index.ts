// vue-i18n in composition mode, Vietnamese first. The language also sets <html lang>
// so screen readers and hyphenation follow the interface.
import { createI18n } from 'vue-i18n'
import type { Locale } from '../../core/domain'
import { en } from './en'
import { vi } from './vi'

export const i18n = createI18n({
  legacy: false,
  locale: 'vi',
  fallbackLocale: 'vi',
  messages: { vi, en },
})

export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
