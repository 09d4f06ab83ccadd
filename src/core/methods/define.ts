// The shape of one contract entry: a doc string and the zod schemas of its arguments and result.
import type { z } from 'zod'

export const method = <A extends z.ZodType, R extends z.ZodType>(doc: string, args: A, result: R) => ({ doc, args, result })
