import { timingSafeEqual } from 'node:crypto'

export const TOKEN_HEADER = 'x-rapport-token'

/**
 * Browser-mode requests must come to our own loopback address (the Host check defeats DNS
 * rebinding), from our own page (Origin, when a browser sends one) and, for the API, carry the
 * per-launch token that only our served page knows.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export function isValidToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
