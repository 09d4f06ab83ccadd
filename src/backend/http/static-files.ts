// Maps a URL path onto a file of the built renderer without ever leaving its folder;
// shared by the browser shell and Electron's app:// protocol so both serve files alike.
import { realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** A built asset's name ends in a hash of its content (index-CQDbRhYF.js): it never changes. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/

/**
 * The page carries the launch token in its URL, so it is never cached. Hashed assets are kept
 * without asking again (no round trip, and the script's compiled code is reused at start);
 * anything else may be kept but is revalidated.
 */
export function cacheControlFor(file: string): string {
  if (extname(file).toLowerCase() === '.html') return 'no-store'
  return HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * Resolves a request path (still percent-encoded, without query) to a regular file inside
 * `root`, or null. Refuses `..` segments, encoded separators, NUL, hidden files and
 * symlinks that lead outside `root`.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null
  if (decoded.endsWith('/') || segments.length === 0) segments.push('index.html')

  let realRoot: string
  let realFile: string
  try {
    realRoot = await realpath(root)
    realFile = await realpath(resolve(realRoot, ...segments))
  } catch {
    return null
  }
  if (!realFile.startsWith(realRoot + sep)) return null
  try {
    return (await stat(realFile)).isFile() ? realFile : null
  } catch {
    return null
  }
}
