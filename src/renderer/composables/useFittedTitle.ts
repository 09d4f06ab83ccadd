// A title shortened in the middle to the width its element really has, measured by laying the
// candidates out in a hidden twin with the element's own font, and kept up to date as the element
// is resized or the web font arrives.
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { middleEllipsis } from '../lib/reportTitles'

export function useFittedTitle(el: Ref<HTMLElement | null>, title: () => string): Ref<string> {
  const fitted = ref(title())
  let observer: ResizeObserver | null = null
  let twin: HTMLSpanElement | null = null

  function measure(node: HTMLElement): (s: string) => number {
    if (!twin) {
      twin = document.createElement('span')
      twin.setAttribute('aria-hidden', 'true')
      Object.assign(twin.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre', left: '-9999px', top: '0' })
      document.body.appendChild(twin)
    }
    const style = getComputedStyle(node)
    for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'fontVariationSettings'] as const) twin.style[p] = style[p]
    return (s) => {
      twin!.textContent = s
      return twin!.getBoundingClientRect().width
    }
  }

  function fit(): void {
    const full = title()
    const node = el.value
    const width = node?.clientWidth ?? 0
    if (!node || width <= 0) {
      fitted.value = full
      return
    }
    const widthOf = measure(node)
    const fits = (s: string) => widthOf(s) <= width
    if (fits(full)) {
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
    void document.fonts?.ready.then(fit)
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    twin?.remove()
  })
  watch(title, fit)
  return fitted
}
