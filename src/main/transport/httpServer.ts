import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { ErrorCode } from '../../shared/errors'
import { RapportError, type Envelope } from '../../shared/errors'
import type { Dispatch } from '../core/dispatch'
import { RENDERER_CSP_HEADER } from './contentSecurityPolicy'
import { createLaunchSession, LAUNCH_PARAM, SIGN_IN_PAGE } from './launchSession'
import { isAllowedHost, isAllowedOrigin, isValidToken, TOKEN_HEADER } from './requestGuard'

export interface HttpServerOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer); omitted in tests that only call the API. */
  rendererDir?: string
  /** 0 picks a free port. */
  port: number
  /** Per-launch secret; generated when omitted. */
  token?: string
  /** What changed in the core, streamed to signed-in pages at GET /events (server-sent events). */
  changes?: { onChanged(listener: (collections: string[]) => void): () => void }
}

/** Where signed-in pages listen for "changed" events. */
export const CHANGES_PATH = '/events'
/** A comment line this often keeps proxies and idle timers from closing the stream. */
const HEARTBEAT_MS = 25_000

export interface RunningHttpServer {
  /** The clean address; it answers only a browser that has opened `launchUrl`. */
  url: string
  /** The address to print at launch: it carries the one-time secret that lets a browser in. */
  launchUrl: string
  port: number
  token: string
  /** The session cookie (`name=value`) a browser gets for the launch secret. */
  cookie: string
  close(): Promise<void>
}

/** The largest input the contract accepts (an import file as base64) plus room for JSON. */
const MAX_BODY_BYTES = 72 * 1024 * 1024
const API_PREFIX = '/api/'

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNSUPPORTED: 501,
  REMOTE: 502,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** The HTTP transport of browser mode: the contract over POST /api/<operation>, loopback only. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  let port = options.port
  const session = createLaunchSession(() => port)
  const streams = new Set<ServerResponse>()

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) send(res, 500, failure('INTERNAL', 'Unexpected server error'))
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      send(
        res,
        403,
        failure('FORBIDDEN', 'Requests must come from Rapport itself on this computer'),
      )
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    const launch = url.searchParams.get(LAUNCH_PARAM)
    const isRead = req.method === 'GET' || req.method === 'HEAD'
    if (path === '/' && launch !== null && isRead) {
      const setCookie = session.trade(launch)
      if (setCookie !== null || session.isSignedIn(req.headers.cookie)) {
        // To the clean address, so the spent secret does not stay in the address bar.
        res.writeHead(303, {
          location: '/',
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
          ...(setCookie !== null ? { 'set-cookie': setCookie } : {}),
        })
        res.end()
        return
      }
    }
    if (!session.isSignedIn(req.headers.cookie)) {
      if (path.startsWith(API_PREFIX)) {
        send(
          res,
          403,
          failure('FORBIDDEN', 'Open Rapport with the address printed when it was started'),
        )
      } else sendSignInPage(res, req.method === 'HEAD')
      return
    }
    if (path.startsWith(API_PREFIX)) return handleApi(req, res, path.slice(API_PREFIX.length))
    if (path === CHANGES_PATH && req.method === 'GET' && options.changes) {
      return streamChanges(req, res, options.changes)
    }
    if (!isRead) {
      send(res, 405, failure('NOT_FOUND', 'Method not allowed'))
      return
    }
    return serveStatic(res, path)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, operation: string) {
    if (!isValidToken(req.headers[TOKEN_HEADER], token)) {
      send(res, 403, failure('FORBIDDEN', 'Missing or wrong Rapport token'))
      return
    }
    if (req.method !== 'POST') {
      send(res, 405, failure('NOT_FOUND', 'Use POST for API calls'))
      return
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, failure('VALIDATION', 'API calls must send application/json'))
      return
    }
    let input: unknown
    try {
      const text = await readBody(req)
      if (text === null) {
        // Answered rather than cut off, so the page can say why; the rest of the upload is
        // discarded and the connection closed once the answer is out.
        send(res, 413, failure('VALIDATION', 'The request is too large'), { connection: 'close' })
        return
      }
      input = text.trim() === '' ? undefined : JSON.parse(text)
    } catch (error) {
      const message =
        error instanceof RapportError ? error.message : 'The request body is not valid JSON'
      send(res, 400, failure('VALIDATION', message))
      return
    }
    const name = decodeOrNull(operation)
    if (name === null) {
      send(res, 404, failure('NOT_FOUND', 'Unknown operation'))
      return
    }
    const envelope = await options.dispatch(name, input)
    send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope)
  }

  /**
   * Server-sent events: one "changed" event per durable change, naming the collections it
   * touched. Only signed-in pages get here (the cookie checked above); the events carry no data,
   * only what to re-read through the API.
   */
  function streamChanges(
    req: IncomingMessage,
    res: ServerResponse,
    changes: NonNullable<HttpServerOptions['changes']>,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    })
    // Reconnect soon after a restart of the server.
    res.write('retry: 2000\n\n')
    streams.add(res)
    const unsubscribe = changes.onChanged((collections) => {
      res.write(`event: changed\ndata: ${JSON.stringify({ collections })}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS)
    heartbeat.unref()
    const end = () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(res)
    }
    req.once('close', end)
    res.once('close', end)
  }

  async function serveStatic(res: ServerResponse, path: string) {
    const dir = options.rendererDir
    if (!dir) {
      send(res, 404, failure('NOT_FOUND', 'No interface is served here'))
      return
    }
    const relative = path === '/' ? 'index.html' : decodeOrNull(path)?.replace(/^\/+/, '')
    const file = relative === undefined ? '' : normalize(join(dir, relative))
    if (!file.startsWith(normalize(dir) + sep)) {
      send(res, 404, failure('NOT_FOUND', 'Not found'))
      return
    }
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      send(res, 404, failure('NOT_FOUND', 'Not found'))
      return
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    }
    if (extname(file) === '.html') {
      // The served page is the only place the token appears.
      body = Buffer.from(
        body
          .toString('utf8')
          .replace('<head>', `<head><meta name="rapport-token" content="${token}">`),
      )
      headers['content-security-policy'] = RENDERER_CSP_HEADER
      headers['cache-control'] = 'no-store'
      headers['x-frame-options'] = 'DENY'
    }
    res.writeHead(200, headers)
    res.end(body)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`

  return {
    url,
    launchUrl: `${url}?${LAUNCH_PARAM}=${session.launchSecret}`,
    port,
    token,
    cookie: session.cookie,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end()
        server.closeAllConnections()
        server.close(() => resolveClose())
      }),
  }
}

function sendSignInPage(res: ServerResponse, headOnly: boolean): void {
  res.writeHead(403, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  })
  res.end(headOnly ? undefined : SIGN_IN_PAGE)
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

function send(
  res: ServerResponse,
  status: number,
  envelope: Envelope<unknown>,
  extraHeaders: Record<string, string> = {},
): void {
  const body = JSON.stringify(envelope)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  })
  res.end(body)
}

/** A malformed percent-escape is the client's mistake, not a server error. */
function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** The body as text, or null when it is larger than MAX_BODY_BYTES (the rest is not kept). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      resolveBody(null)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // Not req.destroy(): that would reset the connection before the refusal is sent.
        chunks.length = 0
        resolveBody(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
