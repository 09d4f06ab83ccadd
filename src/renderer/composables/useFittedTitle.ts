// A title shortened in the middle to the width its element really has (measured with the
// element's own font), kept up to date as the element is resized.
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { middleEllipsis } from '../lib/reportTitles'

export function useFittedTitle(el: Ref<HTMLElement | null>, title: () => string): Ref<string> {
  const fitted = ref(title())
  const context = document.createElement('canvas').getContext('2d')
  let observer: ResizeObserver | null = null

  function fit(): void {
    const full = title()
    const node = el.value
    if (!node || !context) {
      fitted.value = full
      return
    }
    const width = node.clientWidth
    context.font = getComputedStyle(node).font
    const fits = (s: string) => context.measureText(s).width <= width
    if (width <= 0 || fits(full)) {
      fitted.value = full
      return
    }
    // The longest shortening that fits (binary search over the character budget).
    let lo = 4
    let hi = full.length
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (fits(middleEllipsis(full, mid))) lo = mid
      else hi = mid - 1
    }
    fitted.value = middleEllipsis(full, lo)
  }

  onMounted(() => {
    observer = new ResizeObserver(fit)
    if (el.value) observer.observe(el.value)
    fit()
  })
  onBeforeUnmount(() => observer?.disconnect())
  watch(title, fit)
  watch(el, (node, old) => {
    if (old) observer?.unobserve(old)
    if (node) observer?.observe(node)
    fit()
  })
  return fitted
}
