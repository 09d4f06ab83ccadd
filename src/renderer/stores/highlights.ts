// How the report's blocks are drawn: in runs (groups) the browser skips while off screen. The
// first screen is drawn at once with its highlights; the other groups follow as plain text while
// the browser is idle, and get their highlights when they come near the viewport. A long report
// with thousands of annotations so paints its first screen quickly, and one new annotation
// re-renders only its own blocks.
import { defineStore } from 'pinia'
import { computed, reactive, watch } from 'vue'
import type { Block } from '../../core/domain'
import type { Layer } from '../lib/annotationSegments'
import { layersByBlock, type BlockLayers } from '../lib/blockLayers'
import { whenIdle } from '../lib/idle'
import { useAnnotationsStore } from './annotations'
import { useReportStore } from './report'

export interface BlockGroup {
  /** Position of the group in the report. */
  index: number
  key: string
  blocks: Block[]
  /** A first guess at its height in px, until the browser has measured it. */
  height: number
}

/**
 * Blocks per group. One skipped (content-visibility) element per block made every later layout
 * of a 1,000-paragraph report cost 20 to 35 ms; forty groups cost about one.
 */
const GROUP_SIZE = 25
/** Groups drawn with their highlights before the first intersection report arrives. */
const FIRST_SCREEN_GROUPS = 2
/** Groups filled with plain text per idle slice (about 10 ms of work each). */
const FILL_PER_SLICE = 4
const FILL_DEADLINE_MS = 500
/** How far beyond the viewport groups start drawing, so marks are there before they scroll in. */
const MARGIN = '100% 0px'
const NO_LAYERS: Layer[] = []

export const useHighlightsStore = defineStore('highlights', () => {
  const report = useReportStore()
  const annotations = useAnnotationsStore()
  /** Groups drawn with their highlights (near the viewport once, or asked for). */
  const live = reactive(new Set<number>())
  /** Groups drawn as plain text so far; the rest are empty boxes of their estimated height. */
  const filled = reactive(new Set<number>())
  let fillRun = 0
  const elements = new Map<Element, number>()
  let observer: IntersectionObserver | null = null
  let previous: BlockLayers = new Map()

  const groups = computed<BlockGroup[]>(() => {
    const r = report.current
    if (!r) return []
    const out: BlockGroup[] = []
    for (let i = 0; i < r.blocks.length; i += GROUP_SIZE) {
      const blocks = r.blocks.slice(i, i + GROUP_SIZE)
      out.push({ index: out.length, key: `${r.id}:${i}`, blocks, height: estimatedHeight(blocks) })
    }
    return out
  })

  const byBlock = computed(() => {
    previous = layersByBlock(report.current?.blocks ?? [], annotations.placed, previous)
    return previous
  })

  const isLive = (group: number): boolean => live.has(group)
  const isFilled = (group: number): boolean => filled.has(group)

  /** Fills the remaining groups a few at a time while the browser is idle; a new text restarts it. */
  function fillWhenIdle(): void {
    const run = ++fillRun
    const step = (): void => {
      if (run !== fillRun) return
      let added = 0
      for (const g of groups.value) {
        if (filled.has(g.index)) continue
        filled.add(g.index)
        if (++added === FILL_PER_SLICE) break
      }
      if (added === FILL_PER_SLICE) whenIdle(step, FILL_DEADLINE_MS)
    }
    whenIdle(step, FILL_DEADLINE_MS)
  }

  function layersFor(blockIndex: number): Layer[] {
    return byBlock.value.get(blockIndex) ?? NO_LAYERS
  }

  function onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const group = elements.get(e.target)
      if (!e.isIntersecting || group === undefined) continue
      live.add(group)
      observer?.unobserve(e.target)
    }
  }

  /** The scrolling element of the report pane, or null when it goes away. */
  function attach(root: HTMLElement | null): void {
    observer?.disconnect()
    observer = null
    if (!root) return
    observer = new IntersectionObserver(onIntersect, { root, rootMargin: MARGIN })
    for (const [el, group] of elements) if (!live.has(group)) observer.observe(el)
  }

  function observe(el: Element, group: number): void {
    elements.set(el, group)
    if (!live.has(group)) observer?.observe(el)
  }

  function forget(el: Element): void {
    elements.delete(el)
    observer?.unobserve(el)
  }

  /** Draws the highlights of the groups a range touches now (before scrolling to them). */
  function showRange(start: number, end: number): void {
    const last = Math.max(end, start + 1)
    for (const g of groups.value) if (g.blocks.some((b) => b.start < last && b.end > start)) live.add(g.index)
  }

  // A new text (another report, or a revision) starts again from the first screen.
  watch(
    () => report.current?.blocks,
    () => {
      live.clear()
      filled.clear()
      for (let i = 0; i < FIRST_SCREEN_GROUPS; i++) live.add(i)
      for (const [el, group] of elements) if (!live.has(group)) observer?.observe(el)
      fillWhenIdle()
    },
    { immediate: true },
  )

  return { groups, isLive, isFilled, layersFor, attach, observe, forget, showRange }
})

/** About 80 characters a line, 28 px a line, one line of margin per block. */
function estimatedHeight(blocks: readonly Block[]): number {
  return blocks.reduce((h, b) => h + (Math.ceil(b.text.length / 80) + 1) * 28, 0)
}
