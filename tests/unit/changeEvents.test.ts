import { request, type IncomingMessage } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import { startHttpServer, type RunningHttpServer } from '../../src/main/transport/httpServer'
import { call, quietCore } from './helpers'

let core: Core
let server: RunningHttpServer

beforeEach(async () => {
  core = await quietCore()
  server = await startHttpServer({ dispatch: core.dispatch, port: 0, changes: core })
})
afterEach(async () => {
  await server.close()
  await core.close()
})

/** Opens GET /events as a page would; resolves with the response once headers arrive. */
function openStream(headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: '/events', method: 'GET', headers },
      resolve,
    )
    req.on('error', reject)
    req.end()
  })
}

/** Reads the stream until `count` "changed" events arrived; answers their collections. */
function changedEvents(res: IncomingMessage, count: number): Promise<string[][]> {
  return new Promise((resolve) => {
    let text = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      text += chunk
      const events = [...text.matchAll(/event: changed\ndata: (.*)\n\n/g)].map(
        (m) => (JSON.parse(m[1]!) as { collections: string[] }).collections,
      )
      if (events.length >= count) {
        res.destroy()
        resolve(events)
      }
    })
  })
}

describe('changed events', () => {
  it('the core names the collections each durable change touched', async () => {
    const seen: string[][] = []
    const stop = core.onChanged((collections) => seen.push(collections))
    await call(core, 'contacts.create', { name: 'Ada' })
    await call(core, 'settings.update', { language: 'zh-CN' })
    stop()
    await call(core, 'contacts.create', { name: 'Not heard' })
    expect(seen).toEqual([['contacts'], ['settings']])
  })

  it('streams them to a signed-in page as server-sent events, and to no one else', async () => {
    const stranger = await openStream({})
    expect(stranger.statusCode).toBe(403)
    stranger.resume()

    const page = await openStream({ cookie: server.cookie })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/event-stream/)
    const events = changedEvents(page, 2)
    await call(core, 'contacts.create', { name: 'From another tab' })
    await call(core, 'followUps.queue', {})
    await call(core, 'settings.update', { language: 'en' })
    // A read writes nothing and sends nothing.
    expect(await events).toEqual([['contacts'], ['settings']])
  })

  it('closing the server ends open streams instead of hanging', async () => {
    const page = await openStream({ cookie: server.cookie })
    const ended = new Promise((resolve) => page.on('close', resolve))
    page.resume()
    await server.close()
    await ended
    // afterEach closes again: a second close must not throw.
    server = { ...server, close: async () => undefined }
  })
})
