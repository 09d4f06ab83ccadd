// Applying the text just previewed takes the plan the preview made instead of re-anchoring every
// annotation again, but only while nothing was written in between, here or by another connection:
// otherwise the plan is made afresh, so a stale one never moves an anchor.
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/backend/db/connection'
import { timePhases } from '../../src/backend/services/revision-phases'
import type { Workbench } from '../../src/backend/workbench'
import { fullAnnotations, rangeOf, useSampleWorkbench } from './helpers/annotations'
import { callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

const OPENING = 'Đoạn mở đầu mới được bổ sung trong bản sửa đổi của báo cáo.'
const revised = () => `${OPENING}\n\n${text}`.replace('kinh doanh xăng dầu', 'kinh doanh xăng dầu, khí đốt')
const shift = OPENING.length + 2

async function annotate() {
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'kinh doanh xăng dầu') })
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'không để xảy ra cháy rừng') })
  await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'điện lưới') })
}

/** Applies `next`; whether the engine ran for it ('plan' phase) and the anchors it left. */
async function apply(next: string) {
  const { value, phases } = await timePhases(() => callOk(wb, 'reports.revise', { reportId, text: next }))
  return { revision: value.revision, planned: phases.plan !== undefined, anchors: fullAnnotations(wb, reportId).map(({ id, start, end, exact, prefix, suffix, status }) => ({ id, start, end, exact, prefix, suffix, status })) }
}

describe('applying right after a preview', () => {
  it('takes the preview’s plan and places every anchor as planning afresh does', async () => {
    await annotate()
    const next = revised()
    await callOk(wb, 'reports.previewRevision', { reportId, text: next })
    const reused = await apply(next)
    expect(reused.planned).toBe(false)

    await callOk(wb, 'reports.undoRevision', { reportId, revision: reused.revision })
    const fresh = await apply(next)
    expect(fresh.planned).toBe(true)
    expect(reused.anchors).toEqual(fresh.anchors)
    expect(fresh.anchors.find((a) => a.exact === 'điện lưới')).toMatchObject({ status: 'placed', ...rangeOf(next, 'điện lưới') })
  })

  it('plans again when an annotation was made between the preview and applying', async () => {
    await annotate()
    const next = revised()
    await callOk(wb, 'reports.previewRevision', { reportId, text: next })
    const late = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, 'Kỳ Sơn') })
    const applied = await apply(next)
    expect(applied.planned).toBe(true)
    expect(applied.anchors.find((a) => a.id === late.id)).toMatchObject({ status: 'placed', start: late.start! + shift, end: late.end! + shift })
  })

  it('plans again when another connection moved an annotation after the preview', async () => {
    await annotate()
    const [first] = await callOk(wb, 'annotations.list', { reportId })
    const next = revised()
    await callOk(wb, 'reports.previewRevision', { reportId, text: next })
    const target = rangeOf(text, 'điểm trường')
    const other = openDatabase(wb.dbPath)
    try {
      other
        .prepare('UPDATE annotations SET position_start = ?, position_end = ?, exact = ?, prefix = ?, suffix = ? WHERE id = ?')
        .run(target.start, target.end, 'điểm trường', text.slice(target.start - 32, target.start), text.slice(target.end, target.end + 32), first!.id)
    } finally {
      other.close()
    }
    const applied = await apply(next)
    expect(applied.planned).toBe(true)
    expect(applied.anchors.find((a) => a.id === first!.id)).toMatchObject({ status: 'placed', exact: 'điểm trường', ...rangeOf(next, 'điểm trường') })
  })

  it('plans again for a text other than the one previewed', async () => {
    await annotate()
    await callOk(wb, 'reports.previewRevision', { reportId, text: revised() })
    const other = `${OPENING}\n\n${text}`
    const applied = await apply(other)
    expect(applied.planned).toBe(true)
    expect(applied.anchors.find((a) => a.exact === 'kinh doanh xăng dầu')).toMatchObject({ start: rangeOf(other, 'kinh doanh xăng dầu').start })
  })
})
