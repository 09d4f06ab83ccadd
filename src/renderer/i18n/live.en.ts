// English text of edits that crossed with another window's, spread into en.ts; same keys as
// live.vi.ts.
export const liveEn = {
  live: {
    region: 'Changes not saved because another window changed the same item',
    title: 'Changed in another window',
    intro: 'Your change was not saved because this item was just changed elsewhere.',
    now: 'Now',
    yours: 'You typed',
    reapply: 'Re-apply mine',
    keep: 'Keep the current one',
    empty: '(empty)',
    yesNo: { true: 'Yes', false: 'No' },
    domain: { proposals: 'Proposal', annotations: 'Annotation', meetings: 'Meeting', reports: 'Report', minutes: 'Minutes' },
  },
}
