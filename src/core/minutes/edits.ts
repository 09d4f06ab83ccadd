// How a user's edit replaces a generated section: the section is shown as plain text, one
// paragraph a line; an edited text is read back the same way, numbered lines ("2. …") as headings.
import type { GeneratedSection, MinutesEditInput, MinutesSection, Paragraph } from './model'
import { paragraphText } from './model'

const HEADING_LINE = /^\d+(\.\d+)*\.\s/

export function sectionText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map(paragraphText).join('\n')
}

export function paragraphsFromText(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ style: HEADING_LINE.test(line) ? 'heading' : 'body', runs: [{ text: line }] }))
}

/** Applies the edit stored under the section's key, if any. */
export function resolveSection(generated: GeneratedSection, edits: ReadonlyMap<string, MinutesEditInput>): MinutesSection {
  const generatedText = sectionText(generated.paragraphs)
  const edit = edits.get(generated.key)
  if (!edit) {
    return { ...generated, generatedText, text: generatedText, edited: false, stale: false }
  }
  return {
    key: generated.key,
    label: generated.label,
    paragraphs: paragraphsFromText(edit.text),
    generatedText,
    text: edit.text,
    edited: true,
    stale: edit.baseText !== generatedText,
  }
}
