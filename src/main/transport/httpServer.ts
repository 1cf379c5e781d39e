import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { ErrorCode } from '../../shared/errors'
import { RapportError, type Envelope } from '../../shared/errors'
import type { Dispatch } from '../core/dispatch'
import { RENDERER_CSP_HEADER } from './contentSecurityPolicy'
import { isAllowedHost, isAllowedOrigin, isValidToken, TOKEN_HEADER } from './requestGuard'

export interface HttpServerOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer); omitted in tests that only call the API. */
  rendererDir?: string
  /** 0 picks a free port. */
  port: number
  /** Per-launch secret; generated when omitted. */
  token?: string
}

export interface RunningHttpServer {
  url: string
  port: number
  token: string
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
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path.startsWith(API_PREFIX)) return handleApi(req, res, path.slice(API_PREFIX.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') {
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

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      }),
  }
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
