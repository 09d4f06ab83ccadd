// Contract methods — About the running app.
import { z } from 'zod'
import { method } from './define'

export const appMethods = {
  'app.info': method(
    'Version, shell kind and data directory of the running app.',
    z.object({}),
    z.object({ version: z.string(), shell: z.enum(['electron', 'browser']), dataDir: z.string() }),
  ),
} as const
