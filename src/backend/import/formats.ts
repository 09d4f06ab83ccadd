// The file types the importer reads, by extension; light enough for the job registry to load at
// start-up without pulling in the document readers (pdfjs, mammoth), which load on first use.
export const SUPPORTED_EXTENSIONS = ['docx', 'pdf', 'html', 'htm', 'md', 'markdown', 'txt', 'text'] as const

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}
