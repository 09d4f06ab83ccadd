// Which links may leave the app for the system browser: https only, with no credentials in
// them; everything else (http, file:, javascript:, custom schemes) stays closed.
export function externalLinkOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}
