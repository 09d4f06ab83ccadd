// English text of the list of annotations waiting for review after a revision; spread into en.ts.
export const reviewEn = {
  annotationReview: {
    title: 'To review ({n})',
    hint: 'The revision changed most of the text of these annotations. Compare, then confirm the new text, re-attach to another selection, or delete.',
    before: 'Before',
    now: 'Now',
    confirm: 'Confirm',
    confirmHint: 'Attach the annotation to the new text',
    reattach: 'Re-attach to selection',
    delete: 'Delete',
    revisionDone: 'Revision {revision} loaded: {placed} annotations re-anchored, {review} to review, {unplaced} unplaced',
  },
}
