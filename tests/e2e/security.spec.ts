// The browser shell is a real server on loopback: it demands the per-launch token, refuses
// foreign Host headers and invalid arguments, and writes nothing on a refused call.
import { request as httpRequest } from 'node:http'
import { test, expect } from './fixtures'

test.describe('browser shell security', () => {
  test.beforeEach(({ shellKind }) => {
    test.skip(shellKind !== 'browser', 'HTTP checks apply to the browser shell only')
  })

  test('RPC needs the launch token, a local Host and valid arguments', async ({ wb, playwright }) => {
    const shell = wb.shell!
    const base = `http://127.0.0.1:${shell.port}`
    const api = await playwright.request.newContext()
    const rpc = (method: string, data: unknown, token: string | null = shell.token) =>
      api.post(`${base}/rpc/${method}`, {
        data: data as object,
        headers: token === null ? {} : { Authorization: `Bearer ${token}` },
      })

    const noToken = await rpc('reports.list', {}, null)
    expect(noToken.status()).toBe(401)
    expect((await noToken.json()).ok).toBe(false)
    expect((await rpc('reports.list', {}, 'not-the-token')).status()).toBe(401)

    const reports = await rpc('reports.list', {})
    expect(reports.status()).toBe(200)
    const [report] = (await reports.json()).value as { id: number }[]
    expect(report).toBeTruthy()

    const before = (await (await rpc('proposals.list', { reportId: report!.id })).json()).value as unknown[]
    const bad = await rpc('proposals.create', { reportId: report!.id, title: 42, sector: '' })
    expect(bad.status()).toBe(400)
    const badBody = await bad.json()
    expect(badBody.error.code).toBe('bad_request')
    expect(badBody.error.message).toMatch(/title|sector/)
    const after = (await (await rpc('proposals.list', { reportId: report!.id })).json()).value as unknown[]
    expect(after).toHaveLength(before.length)

    // DNS rebinding: a page on another name resolving to 127.0.0.1 sends its own Host.
    const foreign = await new Promise<number>((done, fail) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: shell.port, path: '/rpc/reports.list', method: 'POST',
          headers: { Host: 'evil.example:80', Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' } },
        (res) => {
          res.resume()
          done(res.statusCode ?? 0)
        },
      )
      req.on('error', fail)
      req.end('{}')
    })
    expect(foreign).toBe(403)
    await api.dispose()
  })

  test('the page itself works only with the token it was given', async ({ wb }) => {
    const { page } = wb
    await page.goto(`http://127.0.0.1:${wb.shell!.port}/`)
    await page.evaluate(() => sessionStorage.clear())
    await page.goto(`http://127.0.0.1:${wb.shell!.port}/?token=wrong`)
    await expect(page.getByTestId('report-pane')).toHaveCount(0)
    await expect(page.getByRole('alert')).toBeVisible()
  })
})
