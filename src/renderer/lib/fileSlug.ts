// File names for exports built from a Vietnamese report title: folded to plain ASCII so the
// name survives every file system and mail client.
import { fold } from '../../core/text'

export function fileSlug(title: string | undefined, fallback = 'bao-cao'): string {
  const slug = fold(title ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || fallback
}
