// The sector taxonomy, loaded once from the bundled data: lists sectors for the UI and
// checks sector codes on every proposal write.
import type { Sector } from '../../core/domain'
import { WorkbenchError } from '../../core/errors'

export interface SectorCatalog {
  list(): Sector[]
  /** The sector with this code, or a bad_request error naming the known codes. */
  require(code: string): Sector
}

export function createSectorCatalog(sectors: readonly Sector[]): SectorCatalog {
  const byCode = new Map(sectors.map((s) => [s.code, s]))
  if (byCode.size !== sectors.length) throw new WorkbenchError('internal', 'The sector taxonomy lists a sector code twice')
  return {
    list: () => sectors.map((s) => ({ ...s })),
    require(code) {
      const sector = byCode.get(code)
      if (!sector) {
        throw new WorkbenchError('bad_request', `Unknown sector "${code}". Known sectors: ${[...byCode.keys()].join(', ')}`)
      }
      return sector
    },
  }
}
