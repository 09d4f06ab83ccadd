// Which report blocks draw their highlights, and the highlights of each block. A block draws
// its <mark>s once it comes near the viewport and keeps them, so a long report with thousands
// of annotations starts as plain text plus the marks on screen, and one new annotation
// re-renders only its own blocks.
import { defineStore } from 'pinia'
import { computed, reactive, watch } from 'vue'
import type { Block } from '../../core/domain'
import { layersByBlock as groupLayers, type BlockLayers } from '../lib/blockLayers'
import type { Layer } from '../lib/annotationSegments'
import { useAnnotationsStore } from './annotations'
import { useReportStore } from './report'

/** Blocks drawn with their highlights before the first intersection report arrives. */
const FIRST_SCREEN_BLOCKS = 40
/** How far beyond the viewport blocks start drawing, so marks are there before they scroll in. */
const MARGIN = '100% 0px'
const NO_LAYERS: Layer[] = []

export const useHighlightsStore = defineStore('highlights', () => {
  const report = useReportStore()
  const annotations = useAnnotationsStore()
  const live = reactive(new Set<number>())
  const elements = new Map<Element, number>()
  let observer: IntersectionObserver | null = null
  let previous: BlockLayers = new Map()

  const byBlock = computed(() => {
    previous = groupLayers(report.current?.blocks ?? [], annotations.placed, previous)
    return previous
  })

  /** Highlights to draw in a block: none until it has come near the viewport. */
  function layersFor(index: number): Layer[] {
    if (!live.has(index)) return NO_LAYERS
    return byBlock.value.get(index) ?? NO_LAYERS
  }

  function onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (!e.isIntersecting) continue
      const index = elements.get(e.target)
      if (index === undefined) continue
      live.add(index)
      observer?.unobserve(e.target)
    }
  }

  /** The scrolling element of the report pane, or null when it goes away. */
  function attach(root: HTMLElement | null): void {
    observer?.disconnect()
    observer = null
    if (!root) return
    observer = new IntersectionObserver(onIntersect, { root, rootMargin: MARGIN })
    for (const [el, index] of elements) if (!live.has(index)) observer.observe(el)
  }

  function observe(el: Element, index: number): void {
    elements.set(el, index)
    if (!live.has(index)) observer?.observe(el)
  }

  function forget(el: Element): void {
    elements.delete(el)
    observer?.unobserve(el)
  }

  /** Draws the highlights of the blocks a range touches now (before scrolling to them). */
  function showRange(start: number, end: number): void {
    for (const b of blocksTouching(report.current?.blocks ?? [], start, end)) live.add(b.index)
  }

  // A new text (another report, or a revision) starts again from the first screen.
  watch(
    () => report.current?.blocks,
    () => {
      live.clear()
      for (let i = 0; i < FIRST_SCREEN_BLOCKS; i++) live.add(i)
      for (const [el, index] of elements) if (!live.has(index)) observer?.observe(el)
    },
    { immediate: true },
  )

  return { layersFor, attach, observe, forget, showRange }
})

function blocksTouching(blocks: readonly Block[], start: number, end: number): Block[] {
  return blocks.filter((b) => b.start < Math.max(end, start + 1) && b.end > start)
}
