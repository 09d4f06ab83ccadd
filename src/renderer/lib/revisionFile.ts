// Reads a chosen revised-report file into text. Every revision loaded from a file goes through
// this one function, so that richer formats (Word, PDF, legacy encodings) can be read here later
// without touching the revision flow.
export const MAX_REVISION_CHARS = 5_000_000

export type RevisionFileProblem = 'empty' | 'tooLarge'

export interface RevisionFileText {
  text: string
  fileName: string
}

export class RevisionFileError extends Error {
  constructor(
    readonly problem: RevisionFileProblem,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${problem}`)
  }
}

export async function readRevisionFile(file: File): Promise<RevisionFileText> {
  if (file.size > MAX_REVISION_CHARS * 4) throw new RevisionFileError('tooLarge', file.name)
  const text = await file.text()
  if (!text.trim()) throw new RevisionFileError('empty', file.name)
  if (text.length > MAX_REVISION_CHARS) throw new RevisionFileError('tooLarge', file.name)
  return { text, fileName: file.name }
}
