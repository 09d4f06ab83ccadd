// One fixture, two shells: every spec gets `wb`, a running workbench on its own fresh
// data directory, in the browser shell or in Electron depending on the project.
import { test as base, expect, _electron, type Page, type ElectronApplication } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBrowserShell, type RunningShell } from './support/browser-shell'
import { installedElectronBinary } from './support/electron-binary'

export type ShellKind = 'browser' | 'electron'

export interface Workbench {
  readonly page: Page
  readonly dataDir: string
  /** Reloads the window (the renderer starts over, the back end keeps running). */
  reload(): Promise<void>
  /** Stops the whole app and starts it again on the same data directory. */
  restart(): Promise<void>
  /** The browser shell's address and token (browser project only). */
  readonly shell: RunningShell | null
}

export const ELECTRON_MISSING =
  'Electron binary is not installed on this machine (it cannot be downloaded here); the electron project runs where it is installed.'

export const test = base.extend<{ wb: Workbench }, { shellKind: ShellKind }>({
  shellKind: ['browser', { option: true, scope: 'worker' }],

  wb: async ({ shellKind, browser }, use, testInfo) => {
    test.skip(shellKind === 'electron' && !installedElectronBinary(), ELECTRON_MISSING)
    const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-'))
    const wb = shellKind === 'electron' ? await electronWorkbench(dataDir) : await browserWorkbench(dataDir, browser)
    await use(wb.api)
    await wb.close()
    if (testInfo.status === testInfo.expectedStatus) rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect }

async function waitForApp(page: Page) {
  await expect(page.getByTestId('report-pane')).toBeVisible({ timeout: 20_000 })
}

async function browserWorkbench(dataDir: string, browser: import('@playwright/test').Browser) {
  let shell = await startBrowserShell(dataDir)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })
  let page = await context.newPage()
  await page.goto(shell.url)
  await waitForApp(page)
  const api: Workbench = {
    get page() {
      return page
    },
    dataDir,
    get shell() {
      return shell
    },
    async reload() {
      await page.reload()
      await waitForApp(page)
    },
    async restart() {
      await page.close()
      await shell.stop()
      shell = await startBrowserShell(dataDir)
      page = await context.newPage()
      await page.goto(shell.url)
      await waitForApp(page)
    },
  }
  return {
    api,
    close: async () => {
      await context.close()
      await shell.stop()
    },
  }
}

async function electronWorkbench(dataDir: string) {
  const launch = async () => {
    const app = await _electron.launch({ args: [resolve('.'), '--data-dir', dataDir], cwd: resolve('.') })
    const page = await app.firstWindow()
    await waitForApp(page)
    return { app, page }
  }
  let running: { app: ElectronApplication; page: Page } = await launch()
  const api: Workbench = {
    get page() {
      return running.page
    },
    dataDir,
    shell: null,
    async reload() {
      await running.page.reload()
      await waitForApp(running.page)
    },
    async restart() {
      await running.app.close()
      running = await launch()
    },
  }
  return { api, close: () => running.app.close() }
}
