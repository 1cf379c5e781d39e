import { request as httpRequest, Agent as HttpAgent } from 'node:http'
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https'
import { Readable } from 'node:stream'

/**
 * A `fetch` over node:http / node:https for the sync transport. Node's built-in fetch (undici)
 * hit an internal assertion and took the whole process down when Radicale closed a kept-alive
 * connection during a 15,000-item sync (Node 24.21); node:http reports the same event as an
 * ordinary error, which the transport retries.
 */

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 4 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 4 }),
}

export const nodeFetch: typeof fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const secure = url.protocol === 'https:'
    const headers = new Headers(init?.headers)
    const body = typeof init?.body === 'string' ? Buffer.from(init.body) : undefined
    if (body) headers.set('content-length', String(body.length))
    const signal = init?.signal ?? undefined
    const send = secure ? httpsRequest : httpRequest
    const req = send(
      url,
      {
        method: init?.method ?? 'GET',
        headers: Object.fromEntries(headers.entries()),
        agent: secure ? agents.https : agents.http,
        ...(signal ? { signal } : {}),
      },
      (res) => {
        const responseHeaders = new Headers()
        for (const [key, value] of Object.entries(res.headers)) {
          if (value === undefined) continue
          for (const item of Array.isArray(value) ? value : [value])
            responseHeaders.append(key, item)
        }
        const status = res.statusCode ?? 0
        const empty = status === 204 || status === 304 || init?.method === 'HEAD'
        // A connection that closes before the body is complete must fail the read, not end it.
        res.on('aborted', () => res.destroy(new Error('the server closed the connection early')))
        resolve(
          new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
            status,
            statusText: res.statusMessage ?? '',
            headers: responseHeaders,
          }),
        )
        if (empty) res.resume()
      },
    )
    req.on('error', (error) => reject(signal?.aborted ? (signal.reason as Error) : error))
    req.end(body)
  })
