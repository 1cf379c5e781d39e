import type * as FsPromises from 'node:fs/promises'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import type * as Http from 'node:http'
import { execFile } from 'node:child_process'
import { request, type Server } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openCore, type Core } from '../../src/main/core/openCore'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { startHttpServer, type RunningHttpServer } from '../../src/main/transport/httpServer'
import { emptyStoreData, storeDataSchema } from '../../src/shared/model'

/**
 * Browser mode under attack: every request here is one a hostile page, a rebinding DNS name or
 * another local program could send. All must be refused without the data folder being touched
 * beyond Rapport's own files, and the server must stay usable throughout.
 */

/** Paths the code under test hands to node:fs/promises, to prove what it did not read. */
const fsLog = vi.hoisted(() => ({ paths: [] as string[] }))
/** Every node:http server created here, to check its timeouts. */
const servers = vi.hoisted(() => [] as Server[])

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const logged = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      fsLog.paths.push(String(args[0]))
      return fn(...args)
    }) as F
  const wrapped = {
    ...actual,
    readFile: logged(actual.readFile),
    open: logged(actual.open),
    stat: logged(actual.stat),
    copyFile: logged(actual.copyFile),
    readdir: logged(actual.readdir),
  }
  return { ...wrapped, default: wrapped }
})

vi.mock('node:http', async (importOriginal) => {
  const actual = await importOriginal<typeof Http>()
  const createServer = ((...args: Parameters<typeof actual.createServer>) => {
    const server = actual.createServer(...args)
    servers.push(server)
    return server
  }) as typeof actual.createServer
  return { ...actual, createServer, default: { ...actual, createServer } }
})

const execFileAsync = promisify(execFile)

const SECRET = 'TOP-SECRET-7f3a9c'
/** A real JPEG header followed by a marker: would be served as a photo if it were ever read. */
const BAIT = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from(`BAIT-PHOTO-${SECRET}`),
])
const HEX = 'ab'.repeat(32)

let root: string
let dataDir: string
let rendererDir: string
let core: Core | null = null
let server: RunningHttpServer
/** Operations that reached the core; a refused request must never add to it. */
const dispatched: string[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapport-attack-'))
  dataDir = join(root, 'data')
  rendererDir = join(root, 'renderer')
  await mkdir(dataDir)
  await mkdir(rendererDir)
  await mkdir(join(root, 'renderer-evil'))
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Rapport</title></head><body>app</body></html>',
  )
  await writeFile(join(rendererDir, 'app.js'), 'console.log("app")')
  await writeFile(join(root, 'secret.txt'), SECRET)
  await writeFile(join(root, 'renderer-evil', 'secret.txt'), SECRET)
  await writeFile(join(root, 'bait.jpg'), BAIT)
  await writeFile(join(root, 'data-secret.txt'), SECRET)

  core = await openCore({
    dataDir,
    version: 't',
    systemLanguage: 'en',
    backups: false,
    watchIntervalMs: 0,
    reminders: false,
  })
  const opened = core
  server = await startHttpServer({
    dispatch: (name, input) => {
      dispatched.push(name)
      return opened.dispatch(name, input)
    },
    rendererDir,
    port: 0,
  })
}, 30_000)

afterAll(async () => {
  await server?.close()
  await core?.close()
  if (root) await rm(root, { recursive: true, force: true })
}, 30_000)

interface RawAnswer {
  /** 0 when the server closed or reset the connection without an answer. */
  status: number
  head: string
  body: string
  error?: string
}

/**
 * Sends exactly these bytes (no client-side normalisation) and reads what comes back until the
 * server closes the connection (requests here say `Connection: close`).
 */
function raw(bytes: string | Buffer, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolveAnswer) => {
    const socket = connect(server.port, '127.0.0.1')
    const chunks: Buffer[] = []
    let error: string | undefined
    const timer = setTimeout(() => {
      error = 'timeout'
      socket.destroy()
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message))
    socket.on('close', () => {
      clearTimeout(timer)
      resolveAnswer(parseAnswer(Buffer.concat(chunks), error))
    })
    // Not end(): a half-closed request would make the server hang up before it answers.
    socket.write(bytes)
  })
}

function parseAnswer(all: Buffer, error?: string): RawAnswer {
  const text = all.toString('latin1')
  const end = text.indexOf('\r\n\r\n')
  const head = end < 0 ? text : text.slice(0, end)
  let body = end < 0 ? '' : text.slice(end + 4)
  if (/^transfer-encoding:\s*chunked/im.test(head)) body = unchunk(body)
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)
  return { status, head, body, error }
}

function unchunk(body: string): string {
  let out = ''
  let rest = body
  for (;;) {
    const line = rest.indexOf('\r\n')
    if (line < 0) return out + rest
    const size = parseInt(rest.slice(0, line), 16)
    if (!Number.isFinite(size) || size === 0) return out
    out += rest.slice(line + 2, line + 2 + size)
    rest = rest.slice(line + 2 + size + 2)
  }
}

function get(target: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const all = {
    host: `127.0.0.1:${server.port}`,
    connection: 'close',
    cookie: server.cookie,
    ...headers,
  }
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`)
  return raw(`GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`)
}

interface ApiAnswer {
  status: number
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

/** A well-formed API call; `headers` may override or add anything. */
function api(
  operation: string,
  input: unknown,
  headers: Record<string, string | string[]> = {},
): Promise<ApiAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${operation}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-rapport-token': server.token,
          cookie: server.cookie,
          ...headers,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          try {
            resolveAnswer({ status: res.statusCode ?? 0, json: JSON.parse(text) })
          } catch (error) {
            reject(error)
          }
        })
      },
    )
    req.on('error', reject)
    req.end(input === undefined ? '' : JSON.stringify(input))
  })
}

async function contactNames(): Promise<string[]> {
  const answer = await api('contacts.list', { includeArchived: true })
  expect(answer.status).toBe(200)
  return (answer.json.value as { name: string }[]).map((c) => c.name)
}

/** Outside-the-photos-folder paths the code under test touched while `action` ran. */
async function touchedOutsidePhotos(action: () => Promise<void>): Promise<string[]> {
  fsLog.paths.length = 0
  await action()
  const photos = join(dataDir, 'photos') + sep
  return fsLog.paths.filter((path) => !resolve(path).startsWith(photos))
}

async function listRecursively(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory())
      out.push(`${relative(dataDir, full)}/`, ...(await listRecursively(full)))
    else out.push(relative(dataDir, full))
  }
  return out
}

describe('browser mode under attack', () => {
  it('serves its own page and files, so the refusals below are not a broken setup', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<meta name="rapport-token" content="${server.token}">`)
    const script = await get('/app.js')
    expect(script.status).toBe(200)
    expect(script.body).toBe('console.log("app")')
  })

  it('never serves a file outside the interface folder, however the path is spelled', async () => {
    const port = server.port
    const targets = [
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/\\..\\secret.txt',
      '\\..\\secret.txt',
      '/..%5c..%5csecret.txt',
      '//etc/passwd',
      '///etc/passwd',
      '/%2fetc%2fpasswd',
      `/${encodeURIComponent(join(root, 'secret.txt'))}`,
      '/../renderer-evil/secret.txt',
      '/..%2frenderer-evil%2fsecret.txt',
      '/..%2fdata-secret.txt',
      '/secret.txt%00.html',
      '/..%2fsecret.txt%00',
      '/%00',
      '/index.html%00../../secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/%e0%80%ae%e0%80%ae/secret.txt',
      '/%ZZ/secret.txt',
      '/%',
      '../secret.txt',
      'secret.txt',
      `http://127.0.0.1:${port}/../secret.txt`,
      `http://127.0.0.1:${port}/..%2fsecret.txt`,
      '/api/..%2f..%2fsecret.txt',
      '/api/%2e%2e/%2e%2e/secret.txt',
    ]
    for (const target of targets) {
      for (const method of ['GET', 'HEAD']) {
        const lines = [`Host: 127.0.0.1:${port}`, `Cookie: ${server.cookie}`, 'Connection: close']
        const answer = await raw(`${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`)
        const shown = `${method} ${target}`
        expect(answer.body, shown).not.toContain(SECRET)
        expect(answer.body, shown).not.toMatch(/root:.*:0:0:/)
        // Refused as the client's mistake, not served and not an internal error.
        expect([400, 403, 404, 405], `${shown} answered ${answer.status}`).toContain(answer.status)
      }
    }
    // A NUL byte in the raw request line is refused by the parser itself.
    const nul = await raw(`GET /..\0/secret.txt HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
    expect(nul.body).not.toContain(SECRET)
    expect(nul.status === 0 || nul.status === 400).toBe(true)
  }, 30_000)

  it('gives nothing but directions to a browser that did not open the launch address', async () => {
    const before = dispatched.length
    const strangers: Record<string, string>[] = [
      { cookie: '' },
      { cookie: `${server.cookie}x` },
      { cookie: server.cookie.replace(/=.*/, '=guess') },
      // The right value under another port's name (another Rapport's cookie) does not count.
      { cookie: server.cookie.replace(/-\d+=/, `-${server.port + 1}=`) },
      { cookie: `x-rapport-token=${server.token}` },
    ]
    for (const headers of strangers) {
      for (const target of ['/', '/index.html', '/app.js', `/?launch=${server.token}`]) {
        const answer = await get(target, headers)
        const shown = `${target} ${JSON.stringify(headers)}`
        expect(answer.status, shown).toBe(403)
        expect(answer.body, shown).toContain('Open Rapport with the link from its launch')
        // The raw reader keeps bytes as latin1.
        const text = Buffer.from(answer.body, 'latin1').toString('utf8')
        expect(text, shown).toContain('请用启动时给出的链接打开 Rapport')
        expect(answer.body, shown).not.toContain(server.token)
        expect(answer.body, shown).not.toContain('console.log')
        expect(answer.head, shown).not.toMatch(/set-cookie/i)
      }
      const call = await api('contacts.create', { name: 'intruder' }, headers)
      expect(call.status).toBe(403)
      expect(call.json.error?.code).toBe('FORBIDDEN')
    }
    expect(dispatched.length).toBe(before)
  })

  it('trades the launch secret once for an HttpOnly, SameSite=Strict cookie', async () => {
    const launch = new URL(server.launchUrl)
    expect(launch.origin + launch.pathname).toBe(server.url)
    const secret = launch.searchParams.get('launch')!
    expect(secret.length).toBeGreaterThanOrEqual(40)
    const wrong = await get(`/?launch=${secret.slice(0, -1)}`, { cookie: '' })
    expect(wrong.status).toBe(403)
    expect(wrong.head).not.toMatch(/set-cookie/i)

    const first = await get(launch.pathname + launch.search, { cookie: '' })
    expect(first.status).toBe(303)
    expect(first.head).toMatch(/^location: \/$/im)
    const setCookie = /^set-cookie: (.*)$/im.exec(first.head)?.[1] ?? ''
    expect(setCookie.split(';')[0]).toBe(server.cookie)
    expect(setCookie).toMatch(/;\s*HttpOnly/i)
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i)
    // The cookie opens the app; the spent secret opens nothing any more.
    const page = await get('/', { cookie: setCookie.split(';')[0]! })
    expect(page.status).toBe(200)
    expect(page.body).toContain(server.token)
    const again = await get(launch.pathname + launch.search, { cookie: '' })
    expect(again.status).toBe(403)
    expect(again.head).not.toMatch(/set-cookie/i)
    expect(again.body).not.toContain(server.token)
    // With the cookie, the old address just leads to the app.
    const signedIn = await get(launch.pathname + launch.search)
    expect(signedIn.status).toBe(303)
    expect(signedIn.head).not.toMatch(/set-cookie/i)
  })

  it.skipIf(process.getuid?.() !== 0)(
    'another OS user (nobody) can neither read the token nor call the API',
    async () => {
      const before = dispatched.length
      // What a neighbour on the same computer can try: the page, the launch address without
      // its secret, guessed cookies, and the API with every header it could think of.
      const script = `
        const base = 'http://127.0.0.1:${server.port}'
        const out = {}
        for (const path of ['/', '/index.html', '/?launch=', '/app.js']) {
          const r = await fetch(base + path, { redirect: 'manual' })
          out[path] = { status: r.status, body: await r.text(), cookie: r.headers.get('set-cookie') }
        }
        const api = await fetch(base + '/api/contacts.list', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rapport-token': 'guess',
            cookie: '${server.cookie.replace(/=.*/, '=guess')}' },
          body: '{}',
        })
        out.api = { status: api.status, body: await api.text() }
        console.log(JSON.stringify(out))
      `
      const { stdout } = await execFileAsync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script],
        { cwd: '/' },
      )
      const seen = JSON.parse(stdout) as Record<
        string,
        { status: number; body: string; cookie?: string | null }
      >
      for (const [path, answer] of Object.entries(seen)) {
        expect(answer.status, path).toBe(403)
        expect(answer.body, path).not.toContain(server.token)
        expect(answer.body, path).not.toContain(server.cookie.split('=')[1])
        expect(answer.cookie ?? null, path).toBeNull()
      }
      expect(seen['/']!.body).toContain('Open Rapport with the link from its launch')
      expect(dispatched.length).toBe(before)
    },
    30_000,
  )

  it('gives the page (and its token) only to its own Host and Origin', async () => {
    const port = server.port
    const refused: Record<string, string>[] = [
      { host: `evil.example:${port}` },
      { host: 'evil.example' },
      { host: '127.0.0.1' },
      { host: `127.0.0.1:${port + 1}` },
      { host: `127.0.0.1:${port}.evil.example` },
      { host: `localhost.evil.example:${port}` },
      { host: `[::1]:${port}` },
      { host: `0.0.0.0:${port}` },
      { host: `127.0.0.2:${port}` },
      { host: `LOCALHOST:${port}x` },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${port}.evil.example` },
      { origin: `https://127.0.0.1:${port}` },
      { origin: `http://localhost:${port + 1}` },
    ]
    for (const headers of refused) {
      const answer = await get('/', headers)
      expect(answer.status, JSON.stringify(headers)).toBe(403)
      expect(answer.body).not.toContain(server.token)
    }
    // HTTP/1.0 without any Host at all.
    const bare = await raw('GET / HTTP/1.0\r\n\r\n')
    expect(bare.status).toBe(403)
    expect(bare.body).not.toContain(server.token)
  })

  it('refuses API calls without the exact token, whatever else is right', async () => {
    const before = dispatched.length
    const token = server.token
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
    const badTokens: Record<string, string | string[]>[] = [
      { 'x-rapport-token': '' },
      { 'x-rapport-token': flipped },
      { 'x-rapport-token': token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x') },
      {
        'x-rapport-token':
          token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      },
      { 'x-rapport-token': token.slice(0, -1) },
      { 'x-rapport-token': token + 'x' },
      { 'x-rapport-token': ` ${token}`.slice(0, token.length) },
      { 'x-rapport-token': [token, token] },
      { 'x-rapport-token': 'x'.repeat(token.length) },
      { 'x-rapport-token': token.slice(0, token.length / 2) },
      { authorization: `Bearer ${token}`, 'x-rapport-token': flipped },
    ]
    for (const headers of badTokens) {
      const answer = await api('contacts.create', { name: 'intruder' }, headers)
      expect(answer.status, JSON.stringify(headers)).toBe(403)
      expect(answer.json.error?.code).toBe('FORBIDDEN')
    }
    // The token only counts in its header: not in the query, nor in a cookie.
    const elsewhere = await raw(
      `POST /api/contacts.create?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
        `Cookie: ${server.cookie}; x-rapport-token=${token}\r\n` +
        'Content-Type: application/json\r\n' +
        'Content-Length: 19\r\nConnection: close\r\n\r\n{"name":"intruder"}',
    )
    expect(elsewhere.status).toBe(403)
    // The right token from a foreign origin or a rebinding host is still refused.
    const origin = await api('contacts.create', { name: 'intruder' }, { origin: 'http://evil' })
    expect(origin.status).toBe(403)
    const host = await api(
      'contacts.create',
      { name: 'intruder' },
      { host: `attacker.example:${server.port}` },
    )
    expect(host.status).toBe(403)
    // A form post (no preflight) cannot send JSON, and so is refused even with the token.
    const form = await api(
      'contacts.create',
      { name: 'intruder' },
      { 'content-type': 'text/plain' },
    )
    expect(form.status).toBe(415)
    expect(dispatched.length).toBe(before)
    expect(await contactNames()).not.toContain('intruder')
  })

  it('refuses a body over the 72 MB limit and keeps serving', async () => {
    const before = dispatched.length
    const huge = JSON.stringify({ name: 'oversized', notes: 'x'.repeat(73 * 1024 * 1024) })

    /** The refusal as answered; a connection cut off without an answer rejects. */
    const send = (chunked: boolean) =>
      new Promise<{ status: number; text: string }>((resolveAnswer, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/contacts.create',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-rapport-token': server.token,
              cookie: server.cookie,
              ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(huge)) }),
            },
          },
          (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => (text += chunk))
            res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', reject)
        if (chunked) {
          for (let i = 0; i < huge.length; i += 1024 * 1024)
            req.write(huge.slice(i, i + 1024 * 1024))
          req.end()
        } else req.end(huge)
      })

    for (const chunked of [false, true]) {
      const answer = await send(chunked)
      expect(answer.status, `chunked ${chunked}`).toBe(413)
      expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const next = await api('app.info', undefined)
      expect(next.status).toBe(200)
    }
    // Only the two app.info calls got through.
    expect(dispatched.slice(before)).toEqual(['app.info', 'app.info'])
    expect(await contactNames()).not.toContain('oversized')
  }, 30_000)

  it('keeps answering others while slow clients dribble or never finish', async () => {
    const port = server.port
    const sockets: ReturnType<typeof connect>[] = []
    const timers: NodeJS.Timeout[] = []
    const open = () => {
      const socket = connect(port, '127.0.0.1')
      socket.on('error', () => undefined)
      sockets.push(socket)
      return socket
    }
    try {
      for (let i = 0; i < 20; i++) {
        // Headers that never end (slowloris).
        open().write(`POST /api/contacts.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-A: `)
        // A complete head, then a body promised but dribbled a byte at a time.
        const dribbler = open()
        dribbler.write(
          `POST /api/contacts.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
            `X-Rapport-Token: ${server.token}\r\nCookie: ${server.cookie}\r\n` +
            'Content-Type: application/json\r\n' +
            'Content-Length: 100000\r\n\r\n{"name":"slow',
        )
        timers.push(setInterval(() => dribbler.write('w'), 50))
        // A connection that sends nothing at all.
        open()
      }
      await new Promise((wait) => setTimeout(wait, 300))
      for (let i = 0; i < 5; i++) {
        const started = Date.now()
        const answer = await api('contacts.create', { name: `prompt-${i}` })
        expect(answer.status).toBe(200)
        expect(Date.now() - started).toBeLessThan(1_000)
      }
      // One that gives up half-way through its body does not stall anything either.
      const quitter = open()
      quitter.write(
        `POST /api/contacts.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
          `X-Rapport-Token: ${server.token}\r\nCookie: ${server.cookie}\r\n` +
          'Content-Type: application/json\r\n' +
          'Content-Length: 50\r\n\r\n{"name":"quit',
      )
      quitter.destroy()
      const after = await api('app.info', undefined)
      expect(after.status).toBe(200)
    } finally {
      for (const timer of timers) clearInterval(timer)
      for (const socket of sockets) socket.destroy()
    }
    expect(await contactNames()).toEqual(
      expect.arrayContaining(['prompt-0', 'prompt-1', 'prompt-2', 'prompt-3', 'prompt-4']),
    )
    expect((await contactNames()).some((name) => name.startsWith('slow'))).toBe(false)
    // Slow or stuck clients are eventually dropped: the server has finite timeouts.
    expect(servers.length).toBeGreaterThan(0)
    for (const created of servers) {
      expect(created.headersTimeout).toBeGreaterThan(0)
      expect(created.headersTimeout).toBeLessThanOrEqual(60_000)
      expect(created.requestTimeout).toBeGreaterThan(0)
      expect(created.requestTimeout).toBeLessThanOrEqual(300_000)
    }
  }, 30_000)

  it('never reads a file outside photos/ for a photo reference', async () => {
    const refs = [
      '../../rapport.json',
      '../rapport.json',
      'rapport.json',
      '../../bait.jpg',
      '../../../bait.jpg',
      join(root, 'bait.jpg'),
      '/etc/passwd',
      `sha256-${HEX}.jpg/../x`,
      `sha256-${HEX}.jpg/../../rapport.json`,
      `sha256-${HEX}.jpg/../../../bait.jpg`,
      `../sha256-${HEX}.jpg`,
      `photos/../sha256-${HEX}.jpg`,
      `sha256-${HEX}.jpg\0`,
      `sha256-${HEX}.jpg\n`,
      `sha256-${HEX}.jpg\\..\\..\\rapport.json`,
      `sha256-${HEX.toUpperCase()}.jpg`,
      `sha256-${HEX}.json`,
      `sha256-${HEX}.thumb.jpg`,
      `sha256-../../${HEX.slice(6)}.jpg`,
      'sha256-..%2f..%2frapport.json',
      `file://${join(root, 'bait.jpg')}`,
    ]
    for (const ref of refs) {
      for (const variant of ['full', 'thumb'] as const) {
        let answer: ApiAnswer | undefined
        const outside = await touchedOutsidePhotos(async () => {
          answer = await api('photos.get', { ref, variant })
        })
        expect(answer?.json.ok, ref).toBe(false)
        expect(['VALIDATION', 'NOT_FOUND']).toContain(answer?.json.error?.code)
        expect(JSON.stringify(answer)).not.toContain(BAIT.toString('base64').slice(0, 16))
        expect(outside, ref).toEqual([])
      }
    }
    // A well-formed reference that is not stored looks in photos/ only, and is not found.
    const missing = await api('photos.get', { ref: `sha256-${HEX}.jpg`, variant: 'thumb' })
    expect(missing.json.error?.code).toBe('NOT_FOUND')
  }, 30_000)

  it('never embeds a file outside photos/ in a vCard export', async () => {
    const refs = [
      '../../bait.jpg',
      join(root, 'bait.jpg'),
      `sha256-${HEX}.jpg/../../../bait.jpg`,
      `file://${join(root, 'bait.jpg')}`,
      '../rapport.json',
    ]
    const ids: string[] = []
    for (const [i, photo] of refs.entries()) {
      const created = await api('contacts.create', { name: `photo-path-${i}`, photo })
      expect(created.status).toBe(200)
      ids.push((created.json.value as { id: string }).id)
    }
    let answer: ApiAnswer | undefined
    const outside = await touchedOutsidePhotos(async () => {
      answer = await api('export.vcard', { ids })
    })
    expect(answer?.status).toBe(200)
    const { text, fileName } = answer?.json.value as { text: string; fileName: string }
    expect(fileName).toMatch(/^rapport-contacts-\d{4}-\d{2}-\d{2}\.vcf$/)
    expect(text).toContain('photo-path-0')
    expect(text).not.toContain(BAIT.toString('base64').slice(0, 16))
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('"schemaVersion"')
    expect(outside).toEqual([])
    // The same for everyone at once.
    const all = await api('export.vcard', {})
    expect(JSON.stringify(all)).not.toContain(BAIT.toString('base64').slice(0, 16))
  })

  it('restores only a backup of its own list, never an arbitrary file', async () => {
    const backup = await api('backups.create', undefined)
    expect(backup.status).toBe(200)
    const real = (backup.json.value as { file: string }).file
    expect(real.startsWith(join(dataDir, 'backups') + sep)).toBe(true)

    // A valid snapshot with its sidecar, planted outside the data folder: restoring it would
    // bring in a contact no one created here.
    const planted = storeDataSchema.parse(JSON.parse(gunzipSync(await readFile(real)).toString()))
    planted.contacts[0]!.name = 'planted'
    const plantedFile = join(root, 'rapport-000000000001-2020-01-01T00-00-00-000Z.json.gz')
    await writeFile(plantedFile, gzipSync(JSON.stringify(planted)))
    await writeFile(
      plantedFile.replace(/\.json\.gz$/, '.meta.json'),
      await readFile(real.replace(/\.json\.gz$/, '.meta.json')),
    )

    const files = [
      '/etc/passwd',
      join(dataDir, 'rapport.json'),
      join(dataDir, 'rapport.journal'),
      join(dataDir, 'rapport.json.sum'),
      'rapport.json',
      '../rapport.json',
      join(dataDir, 'backups', '..', 'rapport.json'),
      `${real}/../../rapport.json`,
      `${dataDir}${sep}backups${sep}.${sep}${real.slice(real.lastIndexOf(sep) + 1)}`,
      `${dataDir}${sep}${sep}backups${sep}${real.slice(real.lastIndexOf(sep) + 1)}`,
      real.replace(/\.json\.gz$/, '.meta.json'),
      `${real}\0`,
      join(root, 'secret.txt'),
      plantedFile,
      real.toUpperCase(),
    ]
    for (const file of files) {
      const answer = await api('backups.restore', { file })
      expect(answer.json.ok, file).toBe(false)
      expect(['VALIDATION', 'NOT_FOUND'], file).toContain(answer.json.error?.code)
    }
    const info = await api('app.info', undefined)
    const notices = (info.json.value as { notices: { kind: string }[] }).notices
    expect(notices.some((n) => n.kind === 'restoredBackup')).toBe(false)
    expect(await contactNames()).toContain('prompt-0')
  })

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    const elsewhere = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address)
    for (const address of ['::1', ...elsewhere]) {
      const outcome = await new Promise<string>((resolveOutcome) => {
        const socket = connect({ host: address, port: server.port })
        const timer = setTimeout(() => {
          socket.destroy()
          resolveOutcome('timeout')
        }, 2_000)
        socket.on('connect', () => {
          clearTimeout(timer)
          socket.destroy()
          resolveOutcome('connected')
        })
        socket.on('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer)
          resolveOutcome(error.code ?? 'error')
        })
      })
      expect(outcome, address).not.toBe('connected')
    }
  }, 30_000)

  it('leaves only its own files in the data folder, and the store validates', async () => {
    await server.close()
    await core?.close()
    core = null
    const allowed = [
      /^rapport\.json$/,
      /^rapport\.json\.sum$/,
      /^rapport\.journal$/,
      /^rapport\.lock$/,
      /^photos\/$/,
      /^photos\/[0-9a-f]{64}(\.thumb)?\.(jpg|png|webp)$/,
      /^backups\/$/,
      /^backups\/rapport-\d{12}-[0-9T-]+Z(\.json\.gz|\.meta\.json)$/,
    ]
    const files = await listRecursively(dataDir)
    expect(files).toContain('rapport.json')
    for (const file of files) {
      expect(
        allowed.some((pattern) => pattern.test(file.split(sep).join('/'))),
        file,
      ).toBe(true)
    }
    // Nothing was written next to the data folder either.
    expect((await readdir(root)).sort()).toEqual(
      [
        'bait.jpg',
        'data',
        'data-secret.txt',
        'rapport-000000000001-2020-01-01T00-00-00-000Z.json.gz',
        'rapport-000000000001-2020-01-01T00-00-00-000Z.meta.json',
        'renderer',
        'renderer-evil',
        'secret.txt',
      ].sort(),
    )
    expect(await readFile(join(root, 'secret.txt'), 'utf8')).toBe(SECRET)

    const store = await openJournaledStore({
      dir: dataDir,
      initialData: emptyStoreData,
      holder: 'test',
      backups: false,
    })
    try {
      const data = storeDataSchema.parse(store.read())
      const names = data.contacts.map((contact) => contact.name)
      expect(names).toEqual(expect.arrayContaining(['prompt-0', 'prompt-4', 'photo-path-0']))
      for (const bad of ['intruder', 'oversized', 'planted']) expect(names).not.toContain(bad)
      expect(names.some((name) => name.startsWith('slow') || name.startsWith('quit'))).toBe(false)
    } finally {
      await store.close()
    }
  })
})
