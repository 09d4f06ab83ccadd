// Contract methods — The sector taxonomy bundled in data/.
import { z } from 'zod'
import { Sector } from '../domain'
import { method } from './define'

export const sectorsMethods = {
  'sectors.list': method('Sector taxonomy from data/sectors.json.', z.object({}), z.array(Sector)),
} as const
