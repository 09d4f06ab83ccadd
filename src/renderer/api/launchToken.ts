// The browser shell hands the page a per-launch token in `?token=`. It is read once,
// kept for reloads in sessionStorage and taken out of the visible address.
const STORAGE_KEY = 'workbench.token'

interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export function takeLaunchToken(href: string, storage: StorageLike, replaceUrl: (url: string) => void): string | null {
  const url = new URL(href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl !== null) {
    storage.setItem(STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    replaceUrl(url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(STORAGE_KEY)
}
