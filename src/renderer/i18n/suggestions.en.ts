// English text of the suggestion panel's filters and facts, spread into en.ts.
import type { suggestionPanelVi } from './suggestions.vi'

export const suggestionPanelEn: typeof suggestionPanelVi = {
  suggestionPanel: {
    sector: 'Sector',
    allSectors: 'All sectors',
    body: 'Body',
    allBodies: 'All bodies',
    noBody: '(no body named)',
    order: 'Order',
    byConfidence: 'Most confident first',
    bySection: 'By report section',
    noSection: 'Start of the report',
    owner: 'Responsible body',
    partners: 'With: {partners}',
    due: 'Due {date}',
    confidence: 'Confidence {pct}%',
    noMatch: 'No suggestion matches the filters.',
    shown: 'Showing {n} of {total}',
  },
}
