// `npm run minutes`: flags checked with one-line errors and exit codes, the data directory
// created and seeded when new, and the file written atomically (nothing half-written on failure).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/backend/atomic-file'
import { EXIT, runMinutesCli } from '../../src/backend/cli/minutes'
import { useTempDirs } from './helpers/temp-dirs'
import { callOk, openTestWorkbench } from './helpers/workbench'

const tempDir = useTempDirs('workbench-cli-')
const TSX = resolve('node_modules/.bin/tsx')
const CLI = resolve('src/backend/cli/minutes.ts')

const run = (...argv: string[]) => runMinutesCli(argv)

describe('minutes command line, in process', () => {
  it('refuses bad flags with exit 2 and one line naming the problem', async () => {
    const dir = tempDir()
    const out = join(dir, 'x.pdf')
    const cases: [string[], RegExp][] = [
      [['--meeting', '1', '--kind', 'bienban', '--format', 'pdf', '--out', out, '--colour', 'red'], /Unknown option '--colour'/],
      [['--meeting', '1', '--format', 'pdf', '--out', out], /--kind is required/],
      [['--meeting', '1', '--kind', 'memo', '--format', 'pdf', '--out', out], /--kind must be bienban or thongbao, not "memo"/],
      [['--meeting', 'first', '--kind', 'bienban', '--format', 'pdf', '--out', out], /--meeting must be a meeting id/],
      [['--meeting', '1', '--kind', 'bienban', '--format', 'odt', '--out', out], /--format must be pdf or docx/],
      [['--meeting', '1', '--kind', 'bienban', '--format', 'docx', '--out', out], /--out must end in \.docx/],
      [['--kind', 'bienban', '--format', 'pdf', '--out', out], /--meeting is required/],
      [['--meeting', '1', '--kind', 'bienban', '--format', 'pdf'], /--out is required/],
    ]
    for (const [argv, message] of cases) {
      const result = await run(...argv, '--data-dir', join(dir, 'data'))
      expect(result.exitCode, argv.join(' ')).toBe(EXIT.usage)
      expect(result.message).toMatch(message)
      expect(result.message).not.toContain('\n')
    }
    expect(existsSync(join(dir, 'data'))).toBe(false)
    expect((await run('--help')).exitCode).toBe(EXIT.ok)
  })

  it('exits 4 before touching anything when the output cannot be written', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'data')
    writeFileSync(join(dir, 'a-file'), 'x')
    mkdirSync(join(dir, 'folder.pdf'))
    for (const out of [join(dir, 'missing', 'x.pdf'), join(dir, 'a-file', 'x.pdf'), join(dir, 'folder.pdf')]) {
      const result = await run('--data-dir', dataDir, '--meeting', '1', '--kind', 'bienban', '--format', 'pdf', '--out', out)
      expect(result.exitCode, out).toBe(EXIT.unwritable)
      expect(result.message).toMatch(/^Cannot write /)
    }
    expect(existsSync(dataDir)).toBe(false)
    expect(readdirSync(join(dir, 'folder.pdf'))).toEqual([])
  })

  it('exits 3 for a meeting that does not exist, leaving an older file in place', async () => {
    const dir = tempDir()
    const out = join(dir, 'old.docx')
    writeFileSync(out, 'older export')
    const missing = await run('--data-dir', join(dir, 'data'), '--meeting', '999', '--kind', 'thongbao', '--format', 'docx', '--out', out)
    expect(missing).toEqual({ exitCode: EXIT.noMeeting, message: 'Meeting 999 does not exist' })
    expect(readFileSync(out, 'utf8')).toBe('older export')

    const wb = openTestWorkbench(join(dir, 'data'))
    await callOk(wb, 'meetings.delete', { id: 1 })
    await wb.close()
    const none = await run('--data-dir', join(dir, 'data'), '--meeting', 'latest', '--kind', 'thongbao', '--format', 'docx', '--out', out)
    expect(none).toEqual({ exitCode: EXIT.noMeeting, message: 'There is no meeting in this data directory' })
    expect(readdirSync(dir).sort()).toEqual(['data', 'old.docx'])
  })

  it('writes a DOCX over an older file, with no temporary file left', async () => {
    const dir = tempDir()
    const out = join(dir, 'bien-ban.docx')
    writeFileSync(out, 'older export')
    const result = await run('--data-dir', join(dir, 'data'), '--meeting', '1', '--kind', 'bienban', '--format', 'docx', '--out', out)
    expect(result.exitCode).toBe(EXIT.ok)
    expect(result.message).toMatch(new RegExp(`^Wrote ${out} \\(\\d+ bytes, meeting 1, bienban\\)$`))
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(readdirSync(dir).sort()).toEqual(['bien-ban.docx', 'data'])
  })
})

describe('writing atomically', () => {
  it('leaves neither a partial target nor a temporary file when the final step fails', () => {
    const dir = tempDir()
    const target = join(dir, 'busy.pdf')
    mkdirSync(target)
    writeFileSync(join(target, 'inside'), 'x')
    expect(() => writeFileAtomic(target, new Uint8Array([1, 2, 3]))).toThrow()
    expect(readdirSync(dir)).toEqual(['busy.pdf'])
    expect(readdirSync(target)).toEqual(['inside'])
  })
})

describe('minutes command line, as a process', () => {
  const spawnCli = (...argv: string[]) => spawnSync(TSX, [CLI, ...argv], { encoding: 'utf8', timeout: 90_000 })

  it('creates and seeds a new data directory and writes the latest meeting as PDF', () => {
    const dir = tempDir()
    const out = join(dir, 'thong-bao.pdf')
    const result = spawnCli('--data-dir', join(dir, 'new', 'data'), '--meeting', 'latest', '--kind', 'thongbao', '--format', 'pdf', '--out', out)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Wrote .*thong-bao\.pdf \(\d+ bytes, meeting 1, thongbao\)\n$/)
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(existsSync(join(dir, 'new', 'data', 'workbench.sqlite'))).toBe(true)
  }, 90_000)

  it('sets the exit code and writes the one-line error to stderr', () => {
    const dir = tempDir()
    const result = spawnCli('--data-dir', join(dir, 'data'), '--meeting', '42', '--kind', 'bienban', '--format', 'pdf', '--out', join(dir, 'x.pdf'))
    expect(result.status).toBe(EXIT.noMeeting)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim()).toBe('Meeting 42 does not exist')
    const bad = spawnCli('--meeting')
    expect(bad.status).toBe(EXIT.usage)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  }, 90_000)
})
