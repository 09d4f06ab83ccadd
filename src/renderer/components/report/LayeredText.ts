// Draws a block's pieces with one <mark> per covering layer, nested outermost first, so
// overlapping highlights stack (darker where they overlap) and each stays clickable.
import { h, type FunctionalComponent, type VNodeChild } from 'vue'
import type { Layer, LayeredSegment } from '../../lib/annotationSegments'

function markFor(layer: Layer, child: VNodeChild): VNodeChild {
  if (layer.id === '') return h('mark', { class: 'source-mark' }, [child])
  return h(
    'mark',
    {
      class: ['anno', `anno-${layer.colour}`],
      'data-testid': 'annotation-highlight',
      'data-annotation-id': layer.id,
    },
    [child],
  )
}

export const LayeredText: FunctionalComponent<{ segments: LayeredSegment[] }> = (props) =>
  props.segments.map((s) => s.layers.reduceRight<VNodeChild>((child, layer) => markFor(layer, child), s.text))

LayeredText.props = ['segments']
