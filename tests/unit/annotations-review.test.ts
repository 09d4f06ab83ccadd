// Annotations whose text a revision changed substantially wait for review: unplaced, with the old
// quote beside the text now standing there; confirming places them, undo reopens the review, and
// a later revision carries the proposed place along.
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../src/backend/workbench'
import { rangeOf, useSampleWorkbench } from './helpers/annotations'
import { callError, callOk } from './helpers/workbench'

let wb: Workbench
let reportId: number
let text: string
useSampleWorkbench((sample) => ({ wb, reportId, text } = sample))

const OLD = 'tốc độ tăng trưởng'
const NEW = 'tốc độ phát triển'

async function reviseToReview(): Promise<{ id: string; revised: string }> {
  const note = await callOk(wb, 'annotations.create', { reportId, ...rangeOf(text, OLD), body: 'Vì sao thấp?' })
  const revised = text.replace(OLD, NEW)
  expect(await callOk(wb, 'reports.revise', { reportId, text: revised })).toMatchObject({ placed: 0, unplaced: 1, review: 1 })
  return { id: note.id, revised }
}

describe('annotations waiting for review', () => {
  it('lists an annotation whose words were mostly replaced with its old and new text, unplaced', async () => {
    const { id, revised } = await reviseToReview()
    const [a] = await callOk(wb, 'annotations.list', { reportId })
    expect(a).toMatchObject({ id, status: 'unplaced', start: null, exact: OLD, review: { oldQuote: OLD, newQuote: NEW, ...rangeOf(revised, NEW) } })
  })

  it('confirming places it on the new text; reopening (undo) brings the review back, once', async () => {
    const { id, revised } = await reviseToReview()
    const placed = await callOk(wb, 'annotations.reattach', { id, ...rangeOf(revised, NEW) })
    expect(placed).toMatchObject({ status: 'placed', exact: NEW, ...rangeOf(revised, NEW) })
    expect(placed.review).toBeUndefined()
    const reopened = await callOk(wb, 'annotations.reopenReview', { id })
    expect(reopened).toMatchObject({ status: 'unplaced', start: null, exact: OLD, review: { oldQuote: OLD, newQuote: NEW } })
    expect((await callError(wb, 'annotations.reopenReview', { id })).code).toBe('conflict')
  })

  it('keeps the review across delete and restore', async () => {
    const { id } = await reviseToReview()
    await callOk(wb, 'annotations.delete', { id })
    expect(await callOk(wb, 'annotations.list', { reportId })).toEqual([])
    expect(await callOk(wb, 'annotations.restore', { id })).toMatchObject({ status: 'unplaced', review: { newQuote: NEW } })
  })

  it('carries the proposed place through a later revision', async () => {
    const { id, revised } = await reviseToReview()
    const again = `Đoạn mở đầu mới của bản sửa đổi thứ ba.\n\n${revised}`
    expect(await callOk(wb, 'reports.revise', { reportId, text: again })).toMatchObject({ review: 1 })
    const [a] = await callOk(wb, 'annotations.list', { reportId })
    expect(a).toMatchObject({ id, status: 'unplaced', review: { oldQuote: OLD, newQuote: NEW, ...rangeOf(again, NEW) } })
  })
})
