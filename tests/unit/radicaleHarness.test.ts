import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasRadicale, radicaleMissing, startRadicale, type Radicale } from './support/radicale'

if (!hasRadicale) console.warn(radicaleMissing)

describe.skipIf(!hasRadicale)('the Radicale test harness', () => {
  let server: Radicale
  beforeAll(async () => {
    server = await startRadicale()
  }, 30_000)
  afterAll(async () => server?.stop())

  const propfind = (password: string) =>
    fetch(`${server.url}${server.user}/`, {
      method: 'PROPFIND',
      headers: {
        Depth: '0',
        Authorization: `Basic ${Buffer.from(`${server.user}:${password}`).toString('base64')}`,
      },
    })

  it('answers the htpasswd user and refuses a wrong password', async () => {
    expect((await propfind(server.password)).status).toBe(207)
    expect((await propfind('wrong')).status).toBe(401)
  })

  it('can be killed and restarted on the same port', async () => {
    await server.kill()
    await expect(propfind(server.password)).rejects.toThrow()
    await server.restart()
    expect((await propfind(server.password)).status).toBe(207)
  }, 30_000)
})
