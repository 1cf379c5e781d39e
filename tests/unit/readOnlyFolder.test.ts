import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

/**
 * A data folder Rapport may not write to (here: one the `nobody` user does not own, which is
 * what a read-only folder is to that user) must stop browser mode and the command line with a
 * sentence that says so, not a stack trace, and must be left exactly as it was.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SERVE = join(ROOT, 'out', 'main', 'serve.js')
const CLI = join(ROOT, 'out', 'main', 'cli.js')
const BUILD_MS = 240_000

function asNobody(args: string[]) {
  return spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args],
    { cwd: '/', encoding: 'utf8', timeout: 30_000 },
  )
}

describe.skipIf(process.getuid?.() !== 0)('a data folder Rapport may not write to', () => {
  beforeAll(() => {
    if (existsSync(SERVE) && existsSync(CLI)) return
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      timeout: BUILD_MS,
    })
  }, BUILD_MS + 10_000)

  it('stops browser mode and the command line with a clear sentence and changes nothing', async () => {
    const root = await tempDir()
    await chmod(root, 0o755)
    const dataDir = join(root, 'data')
    await mkdir(dataDir, { mode: 0o755 })
    await chmod(dataDir, 0o755)
    const missing = join(root, 'not-yet')

    for (const dir of [dataDir, missing]) {
      const serve = asNobody([SERVE, '--data', dir, '--port', '0', '--lang', 'en'])
      expect(serve.status, serve.stderr).toBe(1)
      expect(serve.stderr).toContain(`Rapport cannot write to its data folder ${dir}`)
      expect(serve.stderr).toContain('Make the folder writable, or choose another with --data DIR')
      // Words, not a stack trace.
      expect(serve.stderr).not.toMatch(/^\s+at /m)
      expect(serve.stdout).not.toContain('Rapport is running')

      const cli = asNobody([CLI, 'export-vcard', '--out', join(root, 'out.vcf'), '--data', dir])
      expect(cli.status, cli.stderr).toBe(1)
      expect(cli.stderr).toContain('Rapport cannot write to its data folder')
      expect(cli.stderr).not.toMatch(/^\s+at /m)
    }
    expect(await readdir(dataDir)).toEqual([])
    expect(existsSync(missing)).toBe(false)
  }, 60_000)
})
