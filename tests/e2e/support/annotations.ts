// Selecting report text the way a user's drag does: a DOM Range over a phrase (across the
// text nodes highlights split it into), then the mouseup the report listens for.
import type { Page } from '@playwright/test'

/** Selects `length` characters of a block's text from `from` (or the whole of `phrase`). */
export async function selectInReport(page: Page, phrase: string, opts: { from?: number; length?: number } = {}): Promise<void> {
  await page.evaluate(
    ({ phrase, from, length }) => {
      const blocks = [...document.querySelectorAll<HTMLElement>('[data-testid="report-block"]')]
      const block = blocks.find((b) => (b.textContent ?? '').includes(phrase))
      if (!block) throw new Error(`no report block contains “${phrase}”`)
      const at = (block.textContent ?? '').indexOf(phrase) + (from ?? 0)
      const end = at + (length ?? phrase.length)
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      let seen = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent!.length
        if (at >= seen && at <= seen + len && range.startContainer === document) range.setStart(node, at - seen)
        if (end >= seen && end <= seen + len) {
          range.setEnd(node, end - seen)
          break
        }
        seen += len
      }
      block.scrollIntoView({ block: 'center' })
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    },
    { phrase, from: opts.from, length: opts.length },
  )
}

/** The text each highlight of an annotation covers, joined across blocks. */
export async function highlightedText(page: Page, id: string): Promise<string> {
  return page
    .locator(`[data-testid="annotation-highlight"][data-annotation-id="${id}"]`)
    .evaluateAll((marks) => marks.map((m) => m.textContent).join(''))
}
