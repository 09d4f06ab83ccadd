// Plain text of a Markdown file: the words without the markup (#, emphasis, link targets,
// table rules), soft-wrapped lines joined into one paragraph, the first heading as the title.
export interface MarkdownText {
  text: string
  firstHeading: string | null
}

export function markdownToText(source: string): MarkdownText {
  const out: string[] = []
  let para: string[] = []
  let firstHeading: string | null = null
  let fence: string | null = null
  const flush = () => {
    if (para.length) out.push(para.join(' '))
    para = []
  }
  for (const raw of source.split('\n')) {
    const fenceMark = /^\s*(```|~~~)/.exec(raw)
    if (fenceMark) {
      flush()
      fence = fence === null ? fenceMark[1]! : fence === fenceMark[1] ? null : fence
      continue
    }
    if (fence !== null) {
      if (raw.trim()) out.push(raw.trim())
      continue
    }
    const line = raw.trim()
    if (!line) {
      flush()
      continue
    }
    if (/^(?:[-*_]\s*){3,}$/.test(line) || /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/.test(line)) {
      flush()
      continue
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      flush()
      const h = inline(heading[1]!)
      if (firstHeading === null && h) firstHeading = h
      out.push(h)
      continue
    }
    if (/^=+$|^-+$/.test(line) && para.length) {
      // Setext heading: the paragraph so far is the heading.
      const h = inline(para.join(' '))
      para = []
      if (firstHeading === null && h) firstHeading = h
      out.push(h)
      continue
    }
    if (line.startsWith('|')) {
      flush()
      out.push(
        line
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => inline(c.trim()))
          .join(' | '),
      )
      continue
    }
    const item = /^(?:[-*+]|(\d{1,3}[.)]))\s+(.*)$/.exec(line)
    if (item) {
      flush()
      para.push((item[1] ? `${item[1]} ` : '') + inline(item[2]!))
      continue
    }
    para.push(inline(line.replace(/^(?:>\s?)+/, '')))
  }
  flush()
  return { text: out.filter((l) => l.trim()).join('\n'), firstHeading }
}

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\p{L}\d])[*_](\S(?:.*?\S)?)[*_](?![\p{L}\d])/gu, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim()
}
