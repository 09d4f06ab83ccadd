// The e2e tests start the same system Chromium, with the same flags, as the app's PDF printer.
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../src/backend/pdf/chromium-pdf'

export { CHROMIUM_ARGS }

/** The system Chromium, or undefined so that Playwright reports its own clear error. */
export function chromiumPath(): string | undefined {
  try {
    return chromiumExecutable()
  } catch {
    return undefined
  }
}
