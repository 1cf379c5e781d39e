import { describe, expect, it } from 'vitest'
import { checkServerUrl, DavTransport } from '../../src/main/core/sync/transport'

const transport = (serverUrl: string, fetchImpl?: typeof fetch) =>
  new DavTransport({
    serverUrl,
    user: 'me',
    password: 'pw',
    retries: 2,
    backoffMs: 1,
    timeoutMs: 500,
    maxBytes: 1000,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  })

describe('the sync transport', () => {
  it('takes https anywhere and plain http only to this computer', () => {
    expect(checkServerUrl('https://dav.example.com/').href).toBe('https://dav.example.com/')
    expect(checkServerUrl('http://127.0.0.1:5232/').port).toBe('5232')
    expect(checkServerUrl('http://[::1]:5232/').hostname).toBe('[::1]')
    expect(checkServerUrl('http://localhost/').hostname).toBe('localhost')
    expect(() => checkServerUrl('http://dav.example.com/')).toThrow(/Only https/)
    expect(() => checkServerUrl('ftp://x/')).toThrow(/Only https/)
    expect(() => checkServerUrl('https://me:pw@dav.example.com/')).toThrow(/own fields/)
    expect(() => checkServerUrl('not a url')).toThrow(/not a web address/)
  })

  it('sends nothing to another host, but follows the same provider’s hosts', () => {
    const icloud = transport('https://contacts.icloud.com/')
    expect(icloud.resolve('https://p42-contacts.icloud.com/123/carddavhome/')).toBe(
      'https://p42-contacts.icloud.com/123/carddavhome/',
    )
    expect(() => icloud.resolve('https://evil.example/')).toThrow(/another host/)
    expect(() => icloud.resolve('http://p42-contacts.icloud.com/')).toThrow(/another host/)
    const uk = transport('https://dav.example.co.uk/')
    expect(() => uk.resolve('https://other.co.uk/')).toThrow(/another host/)
    const local = transport('http://127.0.0.1:5232/')
    expect(() => local.resolve('http://127.0.0.1:9999/')).toThrow(/another host/)
  })

  it('retries a busy server with back-off, then answers', async () => {
    let calls = 0
    const flaky: typeof fetch = async () => {
      calls += 1
      return calls < 3 ? new Response('busy', { status: 503 }) : new Response('ok', { status: 200 })
    }
    const answer = await transport('https://dav.example.com/', flaky).request('GET', '/x')
    expect(answer.status).toBe(200)
    expect(calls).toBe(3)
  })

  it('refuses an answer over the size cap, and says so', async () => {
    const huge: typeof fetch = async () => new Response('x'.repeat(5000), { status: 200 })
    await expect(
      transport('https://dav.example.com/', huge).request('GET', '/x'),
    ).rejects.toMatchObject({
      code: 'REMOTE',
      details: { reason: 'tooLarge' },
    })
  })

  it('gives up on a server that does not answer in time', async () => {
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      )
    await expect(
      transport('https://dav.example.com/', silent).request('GET', '/x'),
    ).rejects.toMatchObject({
      code: 'REMOTE',
      details: { reason: 'timeout' },
    })
  })

  it('words a certificate problem and never puts the password in an error', async () => {
    const badCert: typeof fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('cert'), { code: 'CERT_HAS_EXPIRED' }),
      })
    }
    const error = (await transport('https://dav.example.com/', badCert)
      .request('GET', '/x')
      .catch((e: unknown) => e)) as Error & { details: unknown }
    expect(error).toMatchObject({ code: 'REMOTE', details: { reason: 'certificate' } })
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('pw')
  })
})
