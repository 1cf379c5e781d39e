import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, quietCore, tempDir } from './helpers'
import { phoneFor } from './support/davPhone'
import { hasRadicale, radicaleMissing, startRadicale, type Radicale } from './support/radicale'
import type { Contact } from '../../src/shared/model'

if (!hasRadicale) console.warn(radicaleMissing)

const root = join(__dirname, '../..')

function rapport(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/main/cli.ts'), ...args],
      {
        cwd: root,
        env: { ...process.env, ...env },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe.skipIf(!hasRadicale)('rapport sync (command line)', () => {
  let server: Radicale
  beforeAll(async () => {
    server = await startRadicale()
  }, 30_000)
  afterAll(async () => server?.stop())

  it('puts the demo network’s contacts on the server and says what changed each way', async () => {
    const dataDir = await tempDir()
    const seeded = await quietCore({ dataDir, demoOnFirstLaunch: true })
    const active = (await call<Contact[]>(seeded, 'contacts.list', {})).length
    const queue = await call<Record<'overdue' | 'next24h' | 'upcoming', unknown[]>>(
      seeded,
      'followUps.queue',
      {},
    )
    const openFollowUps = queue.overdue.length + queue.next24h.length + queue.upcoming.length
    const events = (await call<unknown[]>(seeded, 'events.list', {})).length
    await seeded.close()

    const args = ['sync', '--data', dataDir, '--server', server.url, '--user', server.user]
    const first = await rapport(args, { RAPPORT_SYNC_PASSWORD: server.password })
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Rapport → server: \d+ created\n/)
    expect(first.stdout).toContain('Server → Rapport: nothing changed')
    const phone = phoneFor(server)
    expect(await phone.list(`${server.url}${server.user}/rapport-contacts/`)).toHaveLength(active)
    const calendar = await phone.list(`${server.url}${server.user}/rapport-calendar/`)
    expect(calendar.filter((item) => item.data.includes('BEGIN:VTODO'))).toHaveLength(openFollowUps)
    expect(calendar.filter((item) => /UID:event-/.test(item.data))).toHaveLength(events)

    const second = await rapport(args, { RAPPORT_SYNC_PASSWORD: server.password })
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Rapport → server: nothing changed')
  }, 120_000)

  it('exits non-zero with the reason, and never prints the password', async () => {
    const dataDir = await tempDir()
    const args = ['sync', '--data', dataDir, '--server', server.url, '--user', server.user]
    const wrong = await rapport(args, { RAPPORT_SYNC_PASSWORD: 'wrong-password-123' })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/refused the user name or password/)
    expect(wrong.stdout + wrong.stderr).not.toContain('wrong-password-123')

    const missing = await rapport(args, { RAPPORT_SYNC_PASSWORD: '' })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/RAPPORT_SYNC_PASSWORD/)
  }, 120_000)
})
