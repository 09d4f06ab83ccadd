// A heading or paragraph of the report as an element, with its character offsets as attributes
// (selections and scrolling read them). Shared by the plain and the highlighted drawing.
import { h, type VNode, type VNodeArrayChildren } from 'vue'
import type { Block } from '../../../core/domain'

const isLead = (b: Block): boolean => b.kind === 'paragraph' && b.index === 0

export function blockElement(block: Block, children: string | VNodeArrayChildren): VNode {
  return h(
    block.kind === 'heading' ? 'h2' : 'p',
    {
      id: `block-${block.index}`,
      class: ['report-block', block.kind, { lead: isLead(block) }],
      'data-testid': 'report-block',
      'data-start': block.start,
      'data-end': block.end,
      'data-block-index': block.index,
      tabindex: block.kind === 'heading' ? -1 : undefined,
    },
    children,
  )
}
