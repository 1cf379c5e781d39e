import { RapportError } from '../../../shared/errors'
import type { SyncFailureReason } from '../../../shared/sync/syncOperations'
import { nodeFetch } from './nodeFetch'

/**
 * HTTP to the user's sync server, and only there: https, or plain http to this machine; every
 * request bounded in time and size, retried with back-off when the network or the server hiccups.
 * The password goes into the Authorization header and nowhere else (never into an error).
 */

export class SyncRemoteError extends RapportError {
  constructor(reason: SyncFailureReason, message: string, status?: number) {
    super('REMOTE', message, status === undefined ? { reason } : { reason, status })
  }
  get reason(): SyncFailureReason {
    return (this.details as { reason: SyncFailureReason }).reason
  }
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** The server's address if it may be used: https, or http to 127.0.0.1 / ::1 / localhost. */
export function checkServerUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new SyncRemoteError('badAddress', `"${text.slice(0, 200)}" is not a web address`)
  }
  if (url.username || url.password) {
    throw new SyncRemoteError('badAddress', 'Put the user name and password in their own fields')
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url
  throw new SyncRemoteError(
    'insecure',
    `Only https addresses are allowed (plain http only to this computer): ${url.origin}`,
  )
}

export interface DavResponse {
  status: number
  headers: Headers
  text: string
  url: string
}

export interface TransportOptions {
  serverUrl: string
  user: string
  password: string
  timeoutMs?: number
  retries?: number
  /** Hard cap on one response body. */
  maxBytes?: number
  /** First back-off delay; doubled at each retry. */
  backoffMs?: number
  fetch?: typeof fetch
  signal?: AbortSignal
}

const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
])

function causeCode(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return ''
}

/** Network failures in words, without the password or the full request. */
function networkError(error: unknown, origin: string): SyncRemoteError {
  if (error instanceof SyncRemoteError) return error
  const name = (error as Error)?.name
  if (name === 'TimeoutError')
    return new SyncRemoteError('timeout', `${origin} did not answer in time`)
  const code = causeCode(error)
  if (CERTIFICATE_CODES.has(code) || /cert/i.test(code)) {
    return new SyncRemoteError('certificate', `${origin}'s certificate is not valid (${code})`)
  }
  return new SyncRemoteError('unreachable', `Cannot reach ${origin}${code ? ` (${code})` : ''}`)
}

async function readCapped(response: Response, maxBytes: number, origin: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0')
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new SyncRemoteError('tooLarge', `${origin} sent more than ${maxBytes} bytes`)
  }
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new SyncRemoteError('tooLarge', `${origin} sent more than ${maxBytes} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const RETRY_STATUS = new Set([429, 502, 503, 504])

export class DavTransport {
  readonly origin: string
  readonly base: URL
  private readonly authorization: string
  private readonly options: Required<Omit<TransportOptions, 'signal' | 'password'>> & {
    signal?: AbortSignal
  }

  constructor(options: TransportOptions) {
    this.base = checkServerUrl(options.serverUrl)
    this.origin = this.base.origin
    this.authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`
    this.options = {
      serverUrl: this.base.href,
      user: options.user,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
      backoffMs: options.backoffMs ?? 300,
      fetch: options.fetch ?? nodeFetch,
      ...(options.signal ? { signal: options.signal } : {}),
    }
  }

  /**
   * An absolute URL on the configured server; anything pointing elsewhere is refused. The same
   * provider's other hosts over https count as the server (iCloud sends contacts.icloud.com
   * users on to p123-contacts.icloud.com).
   */
  resolve(href: string, base: string = this.base.href): string {
    const url = new URL(href, base)
    if (url.origin !== this.origin && !this.sameProvider(url)) {
      throw new SyncRemoteError('elsewhere', `The server pointed to another host (${url.origin})`)
    }
    return url.href
  }

  private sameProvider(url: URL): boolean {
    if (url.protocol !== 'https:' || this.base.protocol !== 'https:') return false
    const labels = this.base.hostname.split('.')
    if (labels.length < 2 || /^\d+$/.test(labels.at(-1)!)) return false
    // example.com, but example.co.uk / example.com.cn: the second-level part alone is no provider.
    const keep = labels.length >= 3 && labels.at(-2)!.length <= 3 ? 3 : 2
    const provider = labels.slice(-keep).join('.')
    return url.hostname === provider || url.hostname.endsWith(`.${provider}`)
  }

  async request(
    method: string,
    href: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<DavResponse> {
    const url = this.resolve(href)
    let attempt = 0
    let redirects = 0
    let target = url
    for (;;) {
      this.options.signal?.throwIfAborted()
      let response: Response
      try {
        const signals = [AbortSignal.timeout(this.options.timeoutMs)]
        if (this.options.signal) signals.push(this.options.signal)
        response = await this.options.fetch(target, {
          method,
          redirect: 'manual',
          signal: AbortSignal.any(signals),
          headers: {
            Authorization: this.authorization,
            ...(init.body !== undefined
              ? { 'Content-Type': 'application/xml; charset=utf-8' }
              : {}),
            ...init.headers,
          },
          ...(init.body !== undefined ? { body: init.body } : {}),
        })
      } catch (error) {
        if (this.options.signal?.aborted) throw this.options.signal.reason
        if (attempt < this.options.retries) {
          await this.backoff(attempt++)
          continue
        }
        throw networkError(error, this.origin)
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel()
        if (++redirects > 5)
          throw new SyncRemoteError('notDav', `${this.origin} redirects in a loop`)
        target = this.resolve(response.headers.get('location')!, target)
        continue
      }
      if (RETRY_STATUS.has(response.status) && attempt < this.options.retries) {
        await response.body?.cancel()
        await this.backoff(attempt++)
        continue
      }
      let text: string
      try {
        text = await readCapped(response, this.options.maxBytes, this.origin)
      } catch (error) {
        if (error instanceof SyncRemoteError) throw error
        if (this.options.signal?.aborted) throw this.options.signal.reason
        // The connection broke in the middle of the answer: ask again.
        if (attempt < this.options.retries) {
          await this.backoff(attempt++)
          continue
        }
        throw networkError(error, this.origin)
      }
      if (response.status === 401) {
        throw new SyncRemoteError(
          'unauthorized',
          `${this.origin} refused the user name or password`,
          401,
        )
      }
      return { status: response.status, headers: response.headers, text, url: target }
    }
  }

  private backoff(attempt: number): Promise<void> {
    const delay = this.options.backoffMs * 2 ** attempt
    return new Promise((resolve) => setTimeout(resolve, delay))
  }
}
