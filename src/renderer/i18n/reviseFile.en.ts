// English text of reading a revised version from a file (progress while it is read).
// Spread into en.ts; same keys as reviseFile.vi.ts. Refusals reuse docImport.refused.
export const reviseFileEn = {
  reviseFile: {
    title: 'Reading the revised version',
  },
}
