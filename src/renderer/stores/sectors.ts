// The sector taxonomy (names and lead departments in both languages), loaded once and
// read in the interface language.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Sector } from '../../core/domain'
import { workbench } from '../api'
import { useSettingsStore } from './settings'

export const useSectorsStore = defineStore('sectors', () => {
  const sectors = ref<Sector[]>([])
  const settings = useSettingsStore()

  async function hydrate(): Promise<void> {
    sectors.value = await workbench().sectors.list({})
  }

  function find(code: string): Sector | undefined {
    return sectors.value.find((s) => s.code === code)
  }

  function name(code: string): string {
    const s = find(code)
    if (!s) return code
    return settings.settings.locale === 'en' ? s.nameEn : s.nameVi
  }

  function leadBody(code: string): string {
    const s = find(code)
    if (!s) return ''
    return settings.settings.locale === 'en' ? s.leadBodyEn : s.leadBodyVi
  }

  return { sectors, hydrate, find, name, leadBody }
})
