import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContactSearchResult } from '../../src/shared/contract'
import type { Envelope } from '../../src/shared/errors'
import { storeDataSchema } from '../../src/shared/model'
import { tempDir } from './helpers'
import { mulberry32 } from '../../bench/generateStore'

/**
 * The kill test through the real API: `serve` (the built browser mode) on a temp folder takes
 * concurrent writes over HTTP and is SIGKILLed at random moments, round after round on the same
 * folder. Every restart must take over the stale lock and still hold every write that was
 * answered `{ ok: true }`; at the end a clean stop leaves a snapshot that validates.
 *
 * Reproduce a run with SERVE_KILL_SEED=<seed printed by the test>.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SERVE = join(ROOT, 'out', 'main', 'serve.js')
const PAGE = join(ROOT, 'out', 'renderer', 'index.html')

const ROUNDS = 22
const IN_FLIGHT = 8
const MIN_KILL_MS = 50
const MAX_KILL_MS = 400
/** A serve that has not printed its address within this long has hung. */
const START_MS = 15_000
const BUILD_MS = 240_000

/** mulberry32 (seeded), so a failing run can be replayed. */
const prng = mulberry32

interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** One `serve` process, from its start to the address it prints and its exit. */
class Serve {
  readonly child: ChildProcessByStdio<null, Readable, Readable>
  readonly exited: Promise<Exit>
  stdout = ''
  stderr = ''

  constructor(dir: string) {
    this.child = spawn(process.execPath, [SERVE, '--data', dir, '--port', '0', '--lang', 'en'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject)
      this.child.on('exit', (code, signal) => resolve({ code, signal }))
    })
    this.exited.catch(() => undefined)
    this.child.stdout.setEncoding('utf8')
    this.child.stdout.on('data', (chunk: string) => (this.stdout += chunk))
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk))
  }

  /** The address once printed; fails if the process exits or hangs first. */
  async url(): Promise<string> {
    const deadline = Date.now() + START_MS
    let gone: Exit | null = null
    void this.exited.then((exit) => (gone = exit))
    for (;;) {
      const match = /Rapport is running at (http:\/\/127\.0\.0\.1:\d+\/\?launch=\S+)/.exec(
        this.stdout,
      )
      if (match) return match[1]!
      if (gone || Date.now() > deadline) {
        this.child.kill('SIGKILL')
        throw new Error(
          `serve did not start (${gone ? `exited ${JSON.stringify(gone)}` : 'timed out'})\n` +
            `stdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
        )
      }
      await new Promise((wait) => setTimeout(wait, 10))
    }
  }

  async kill(): Promise<Exit> {
    this.child.kill('SIGKILL')
    return this.exited
  }
}

/** What a signed-in browser holds: the session cookie and the token its page carries. */
interface Session {
  token: string
  cookie: string
}

/** Opens the printed launch address as a browser would, then reads the token from the page. */
async function signIn(launchUrl: string): Promise<{ url: string; session: Session }> {
  const opened = await fetch(launchUrl, { redirect: 'manual' })
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]
  if (opened.status !== 303 || !cookie) throw new Error(`launch answered ${opened.status}`)
  const url = new URL('/', launchUrl).href
  const html = await (await fetch(url, { headers: { cookie } })).text()
  const token = /<meta name="rapport-token" content="([^"]+)">/.exec(html)?.[1]
  if (!token) throw new Error(`no token in the page:\n${html.slice(0, 500)}`)
  return { url, session: { token, cookie } }
}

async function callApi<T>(url: string, session: Session, name: string, input: unknown) {
  const response = await fetch(`${url}api/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-rapport-token': session.token,
      cookie: session.cookie,
    },
    body: JSON.stringify(input),
  })
  return (await response.json()) as Envelope<T>
}

/**
 * Names of the kill test's contacts, through the API, page by page: a fast machine writes more
 * than one page (5,000) over the rounds, and a single page sorted by name would cut off the
 * highest names and read as lost writes.
 */
async function storedNames(url: string, token: Session): Promise<Set<string>> {
  const names = new Set<string>()
  for (let offset = 0; ; offset += 5000) {
    const answer = await callApi<ContactSearchResult>(url, token, 'contacts.search', {
      text: 'kill',
      offset,
      limit: 5000,
      includeArchived: true,
    })
    if (!answer.ok) throw new Error(`contacts.search failed: ${JSON.stringify(answer.error)}`)
    for (const item of answer.value.items) names.add(item.name)
    if (offset + answer.value.items.length >= answer.value.total) return names
  }
}

describe('serve under SIGKILL', () => {
  beforeAll(() => {
    if (existsSync(SERVE) && existsSync(PAGE)) return
    console.log('serveKill: out/main/serve.js is missing; building with electron-vite')
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      timeout: BUILD_MS,
    })
  }, BUILD_MS + 10_000)

  it(`keeps every acknowledged write across ${ROUNDS} kills`, async () => {
    const seed = Number(process.env.SERVE_KILL_SEED ?? Math.floor(Math.random() * 2 ** 32))
    console.log(`serveKill: seed ${seed} (replay with SERVE_KILL_SEED=${seed})`)
    const random = prng(seed)
    const dir = await tempDir()
    const started = Date.now()
    const everAcked: string[] = []
    /** Answers that were neither a success nor a cut connection: never expected. */
    const refusals: string[] = []
    let running: Serve | null = null

    try {
      for (let round = 0; round < ROUNDS; round++) {
        const serve = new Serve(dir)
        running = serve
        const { url, session: token } = await signIn(await serve.url())

        // Every earlier acknowledged write survived the last kill and the takeover of its lock.
        const names = await storedNames(url, token)
        const missing = everAcked.filter((name) => !names.has(name))
        if (missing.length > 0) {
          throw new Error(
            `round ${round} (seed ${seed}): ${missing.length} acknowledged writes are missing, ` +
              `e.g. ${missing.slice(0, 5).join(', ')}`,
          )
        }

        const delay = MIN_KILL_MS + Math.floor(random() * (MAX_KILL_MS - MIN_KILL_MS + 1))
        let killed = false
        let next = 0
        const acked: string[] = []
        const writer = async () => {
          while (!killed) {
            const name = `kill-${round}-${next++}`
            let answer: Envelope<unknown>
            try {
              answer = await callApi(url, token, 'contacts.create', { name })
            } catch {
              // Cut off by the kill: not acknowledged, so it may or may not be there.
              return
            }
            if (answer.ok) acked.push(name)
            else refusals.push(`${name}: ${JSON.stringify(answer.error)}`)
          }
        }
        const writers = Array.from({ length: IN_FLIGHT }, writer)
        await new Promise((wait) => setTimeout(wait, delay))
        killed = true
        const exit = await serve.kill()
        await Promise.all(writers)
        running = null
        if (exit.signal !== 'SIGKILL') {
          throw new Error(
            `round ${round}: serve exited by itself (${JSON.stringify(exit)})\n${serve.stderr}`,
          )
        }
        everAcked.push(...acked)
      }

      // Once more, then a clean stop.
      const last = new Serve(dir)
      running = last
      const { url, session: token } = await signIn(await last.url())
      const names = await storedNames(url, token)
      expect(everAcked.filter((name) => !names.has(name))).toEqual([])
      last.child.kill('SIGTERM')
      const exit = await last.exited
      running = null
      expect(exit, last.stderr).toEqual({ code: 0, signal: null })
    } finally {
      if (running) await running.kill()
    }

    // The clean stop folded everything into the snapshot, which validates on its own.
    const snapshot = storeDataSchema.parse(
      JSON.parse(await readFile(join(dir, 'rapport.json'), 'utf8')),
    )
    const inSnapshot = new Set(snapshot.contacts.map((contact) => contact.name))
    expect(everAcked.filter((name) => !inSnapshot.has(name))).toEqual([])
    expect(refusals).toEqual([])
    expect(existsSync(join(dir, 'rapport.lock'))).toBe(false)

    console.log(
      `serveKill: ${ROUNDS} rounds, ${everAcked.length} acknowledged writes, ` +
        `${Date.now() - started} ms`,
    )
    expect(everAcked.length).toBeGreaterThan(ROUNDS)
  }, 90_000)
})
