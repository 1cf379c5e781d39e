import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import { startHttpServer, type RunningHttpServer } from '../../src/main/transport/httpServer'
import { quietCore } from './helpers'

let core: Core
let server: RunningHttpServer

beforeEach(async () => {
  core = await quietCore()
  server = await startHttpServer({ dispatch: core.dispatch, port: 0 })
})
afterEach(async () => {
  await server.close()
  await core.close()
})

/** Raw requests, so Host and Origin can be forged as an attacker would. */
function call(
  path: string,
  options: { headers?: Record<string, string>; body?: string; method?: string } = {},
): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'POST',
        // Signed in (the launch secret traded) unless a test says otherwise.
        headers: { 'content-type': 'application/json', cookie: server.cookie, ...options.headers },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(options.body ?? '{}')
  })
}

describe('the HTTP transport of browser mode', () => {
  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('refuses a call without the token', async () => {
    const answer = await call('/api/contacts.list')
    expect(answer.status).toBe(403)
    expect(answer.json.error?.code).toBe('FORBIDDEN')
  })

  it('refuses a call with the right token but without the session cookie', async () => {
    const answer = await call('/api/contacts.list', {
      headers: { 'x-rapport-token': server.token, cookie: '' },
    })
    expect(answer.status).toBe(403)
    expect(answer.json.error?.code).toBe('FORBIDDEN')
  })

  it('refuses a call with a wrong token', async () => {
    const answer = await call('/api/contacts.list', { headers: { 'x-rapport-token': 'guess' } })
    expect(answer.status).toBe(403)
  })

  it('refuses a foreign Origin even with the right token', async () => {
    const answer = await call('/api/contacts.list', {
      headers: { 'x-rapport-token': server.token, origin: 'https://evil.example' },
    })
    expect(answer.status).toBe(403)
  })

  it('refuses a foreign Host (DNS rebinding) even with the right token', async () => {
    const answer = await call('/api/contacts.list', {
      headers: { 'x-rapport-token': server.token, host: `evil.example:${server.port}` },
    })
    expect(answer.status).toBe(403)
  })

  it('answers a good call with the result, and writes through the same services', async () => {
    const headers = { 'x-rapport-token': server.token, origin: `http://127.0.0.1:${server.port}` }
    const created = await call('/api/contacts.create', {
      headers,
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({ ok: true, value: { name: 'Ada' } })
    const listed = await call('/api/contacts.list', { headers })
    expect(listed.json).toMatchObject({ ok: true, value: [{ name: 'Ada' }] })
  })

  it('answers VALIDATION with 400 for bad input and for a body that is not JSON', async () => {
    const headers = { 'x-rapport-token': server.token }
    const bad = await call('/api/contacts.create', { headers, body: JSON.stringify({ name: '' }) })
    expect(bad.status).toBe(400)
    expect(bad.json.error?.code).toBe('VALIDATION')
    const garbage = await call('/api/contacts.create', { headers, body: '{name:' })
    expect(garbage.status).toBe(400)
  })
})
