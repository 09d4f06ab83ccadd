// SQL functions the schema's search triggers call: the app's own diacritic folding (SQLite's
// folding leaves đ alone) and the report's blocks with offsets. Every connection registers them
// before migrating, so the index stays in step with the data whoever writes it.
import { segmentBlocks } from '../../core/blocks'
import { fold } from '../../core/text'
import type { Db } from './types'

export function registerSqlFunctions(db: Db): void {
  db.function('workbench_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? fold(value) : value === null ? null : fold(String(value)),
  )
  db.table('workbench_blocks', {
    columns: ['block_index', 'block_start', 'block_text'],
    parameters: ['text'],
    *rows(text: unknown) {
      if (typeof text !== 'string') return
      for (const block of segmentBlocks(text)) yield { block_index: block.index, block_start: block.start, block_text: block.text }
    },
  })
}
