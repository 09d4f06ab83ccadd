// End-to-end tests. The "browser" project drives the browser shell in Debian's Chromium
// (Playwright cannot download browsers here); the "electron" project runs the same specs
// against the real Electron app where its binary is installed, and is skipped otherwise.
import { defineConfig } from '@playwright/test'
import type { ShellKind } from './tests/e2e/fixtures'
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/chromium'

export default defineConfig<{ shellKind: ShellKind }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The system Chromium, for the browser project (the electron project never opens a page in it).
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'browser', use: { shellKind: 'browser' } },
    { name: 'electron', use: { shellKind: 'electron' } },
  ],
})
