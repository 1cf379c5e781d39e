import { request } from 'node:http'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { operationNames } from '../../src/shared/contract'
import { errorCodeSchema } from '../../src/shared/errors'
import { storeDataSchema } from '../../src/shared/model'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { startHttpServer } from '../../src/main/transport/httpServer'
import { quietCore, tempDir } from './helpers'

/** Raw POST through the real HTTP transport, as the browser page would send it. */
function post(
  port: number,
  credentials: { token: string; cookie: string },
  op: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${encodeURIComponent(op)}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-rapport-token': credentials.token,
          cookie: credentials.cookie,
        },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Inputs a careless or hostile caller sends: wrong types, odd keys, huge and strange strings. */
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uFEFF',
      '💥'.repeat(40),
      'x'.repeat(5000),
      '9999-99-99',
      '2026-02-30T25:61:00Z',
      'demo-contact-01',
      '../../etc/passwd',
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'contactId'),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value

describe('fuzzing every operation through the HTTP transport', () => {
  it('answers every input with a typed error or a valid result, and leaves a valid store', async () => {
    const dataDir = await tempDir()
    const core = await quietCore({ dataDir, demoOnFirstLaunch: true })
    const server = await startHttpServer({ dispatch: core.dispatch, port: 0 })
    const codes = new Set<string>(errorCodeSchema.options)
    const seen = { ok: 0, errors: 0 }
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...operationNames.filter((op) => op !== 'store.startEmpty')),
          fc.oneof(
            hostileValue.map((v) => JSON.stringify(v) ?? ''),
            fc.constantFrom('', '{', '[1,', 'null', '{"__proto__":{"polluted":1}}'),
          ),
          async (op, body) => {
            const revision = core.revision()
            const answer = await post(server.port, server, op, body)
            const envelope = JSON.parse(answer.text) as { ok: boolean; error?: { code: string } }
            expect(typeof envelope.ok).toBe('boolean')
            if (!envelope.ok) {
              seen.errors += 1
              expect(codes.has(envelope.error!.code)).toBe(true)
              expect(envelope.error!.code).not.toBe('INTERNAL')
              // A refused call wrote nothing: the store holds nothing it sent.
              expect(core.revision(), `${op} ${body.slice(0, 200)}`).toBe(revision)
            } else {
              seen.ok += 1
              expect(answer.status).toBe(200)
            }
          },
        ),
        { numRuns: 10_000 },
      )
      expect(seen.ok + seen.errors).toBeGreaterThanOrEqual(10_000)
      // Some generated inputs are valid (e.g. empty lists): the fuzz reaches the services too.
      expect(seen.ok).toBeGreaterThan(0)
      // Some of them wrote (e.g. a contact with a valid name): the revision check is not vacuous.
      expect(core.revision()).toBeGreaterThan(0)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      const still = await post(server.port, server, 'app.info', '')
      expect(still.status).toBe(200)
    } finally {
      await server.close()
      await core.close()
    }
    const reopened = await openJournaledStore({
      dir: dataDir,
      holder: 'test',
      initialData: () => {
        throw new Error('the store must exist')
      },
      backups: false,
      watchIntervalMs: 0,
    })
    expect(storeDataSchema.safeParse(reopened.read()).success).toBe(true)
    await reopened.close()
  }, 240_000)
})
