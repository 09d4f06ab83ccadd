// One block drawn with its highlights and the marked source passage, each a <mark> (see
// LayeredText). It reads its own highlights from the store, so a change elsewhere leaves it be.
import { computed, defineComponent, h, type PropType } from 'vue'
import type { Block } from '../../../core/domain'
import { segmentLayers } from '../../lib/annotationSegments'
import type { TextRange } from '../../lib/sourceMark'
import { useHighlightsStore } from '../../stores/highlights'
import { blockElement } from './blockElement'
import { LayeredText } from './LayeredText'

export default defineComponent({
  name: 'ReportBlock',
  props: {
    block: { type: Object as PropType<Block>, required: true },
    mark: { type: Object as PropType<TextRange | null>, default: null },
  },
  setup(props) {
    const highlights = useHighlightsStore()
    const layers = computed(() => highlights.layersFor(props.block.index))
    const segments = computed(() =>
      segmentLayers(props.block, props.mark ? [...layers.value, { ...props.mark, id: '', colour: '' }] : layers.value),
    )
    return () => blockElement(props.block, [h(LayeredText, { segments: segments.value })])
  },
})
