import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's package; `.ci/run` installs it when missing. */
export const RADICALE_BIN = process.env.RADICALE_PATH ?? '/usr/bin/radicale'
export const hasRadicale = existsSync(RADICALE_BIN)
/** The one line a test run shows when the server is missing (and the tests skip). */
export const radicaleMissing = hasRadicale
  ? ''
  : `Radicale is not installed at ${RADICALE_BIN} (apt-get install radicale): the sync tests are skipped`

export interface Radicale {
  /** e.g. http://127.0.0.1:41234/ */
  url: string
  port: number
  user: string
  password: string
  /** Where Radicale keeps the collections, to look at what it stored. */
  storage: string
  /** The server's process id while it runs (benchmarks read its CPU time). */
  pid(): number | undefined
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>
  /** Starts it again on the same port and storage. */
  restart(): Promise<void>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
    await response.arrayBuffer()
    return true
  } catch {
    return false
  }
}

/**
 * Radicale on a free loopback port with a temporary storage folder and one htpasswd user. Resolves
 * once the server answers HTTP.
 */
export async function startRadicale(
  options: { user?: string; password?: string } = {},
): Promise<Radicale> {
  const user = options.user ?? 'phone-user'
  const password = options.password ?? 'S3cret-app-password-4711'
  const dir = await mkdtemp(join(tmpdir(), 'rapport-radicale-'))
  const storage = join(dir, 'collections')
  const port = await freePort()
  const config = join(dir, 'config')
  await writeFile(join(dir, 'users'), `${user}:${password}\n`)
  await writeFile(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      '[storage]',
      `filesystem_folder = ${storage}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  )
  const url = `http://127.0.0.1:${port}/`
  let child: ChildProcess | null = null
  let output = ''

  const launch = async () => {
    output = ''
    const started = spawn(RADICALE_BIN, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] })
    child = started
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      if (started.exitCode !== null) break
      if (await answers(url)) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    started.kill('SIGKILL')
    throw new Error(`Radicale did not start on port ${port}:\n${output.slice(-2000)}`)
  }

  const halt = async (signal: NodeJS.Signals) => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      running.kill(signal)
    })
  }

  await launch()
  return {
    url,
    port,
    user,
    password,
    storage,
    pid: () => (child as ChildProcess | null)?.pid,
    kill: () => halt('SIGKILL'),
    restart: async () => {
      await halt('SIGKILL')
      await launch()
    },
    stop: async () => {
      await halt('SIGTERM')
      await rm(dir, { recursive: true, force: true })
    },
  }
}
