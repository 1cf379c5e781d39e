import { readdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import type { EventView } from '../../src/shared/events/eventViews'
import type { Contact } from '../../src/shared/model'
import type { SyncConflict, SyncLogEntry } from '../../src/shared/sync/syncModel'
import type { SyncReport, SyncStatus } from '../../src/shared/sync/syncOperations'
import { call, quietCore, tempDir } from './helpers'
import { editLine, phoneFor } from './support/davPhone'
import { hasRadicale, radicaleMissing, startRadicale, type Radicale } from './support/radicale'

if (!hasRadicale) console.warn(radicaleMissing)

const quickTransport = { timeoutMs: 5_000, retries: 1, backoffMs: 20 }
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '')

/** Points the core at the test server and makes its "Rapport" address book; answers its URL. */
async function connectAddressBook(core: Core, server: Radicale): Promise<string> {
  await call(core, 'sync.configure', { serverUrl: server.url, user: server.user })
  const { addressBookUrl } = await call<{ addressBookUrl: string }>(
    core,
    'sync.createCollections',
    { addressBook: true, calendar: false },
  )
  return addressBookUrl
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await allFiles(path)))
    else out.push(path)
  }
  return out
}

describe.skipIf(!hasRadicale)('two-way CardDAV sync against Radicale', () => {
  let server: Radicale
  let core: Core
  let dataDir: string
  let addressBook: string
  let phone: ReturnType<typeof phoneFor>

  beforeAll(async () => {
    server = await startRadicale()
    phone = phoneFor(server)
  }, 30_000)
  afterAll(async () => server?.stop())

  beforeEach(async () => {
    dataDir = await tempDir()
    core = await quietCore({
      dataDir,
      syncPassword: () => server.password,
      syncTransport: quickTransport,
    })
    await call(core, 'sync.configure', { serverUrl: server.url, user: server.user, enabled: true })
    const settings = await call<{ addressBookUrl: string }>(core, 'sync.createCollections', {
      addressBook: true,
      calendar: false,
    })
    addressBook = settings.addressBookUrl
    // Each test starts from an empty address book on the shared server.
    for (const card of await phone.list(addressBook)) await phone.remove(card.href)
  })
  afterEach(async () => core?.close())

  const run = () => call<SyncReport>(core, 'sync.run', {})
  const contacts = () => call<Contact[]>(core, 'contacts.list', { includeArchived: true })
  const byName = async (name: string) => (await contacts()).find((c) => c.name === name)!

  it('puts the contacts on the phone with a readable note, the circle and Rapport-only fields', async () => {
    await call(core, 'contacts.create', {
      name: 'Ada Lovelace',
      organization: 'Analytical Engines',
      whatTheyDo: 'Writes programs for machines that do not exist yet',
      seed: 'Send her the Babbage notes',
      tier: 'close',
      tags: ['math'],
      emails: [{ label: 'work', value: 'ada@example.org' }],
    })
    await call(core, 'contacts.create', { name: '王小明', organization: '星火科技' })
    const report = await run()
    expect(report.up.created).toBe(2)
    const cards = await phone.list(addressBook)
    expect(cards).toHaveLength(2)
    const ada = cards.find((c) => c.data.includes('Ada Lovelace'))!.data.replace(/\r\n[ \t]/g, '')
    expect(ada).toMatch(/^NOTE:.*The seed: Send her the Babbage notes/m)
    expect(ada).toMatch(/What they do: Writes programs/)
    expect(ada).toMatch(/^CATEGORIES:math,Golden circle: close friend$/m)
    expect(ada).toMatch(/^X-RAPPORT-SEED;VALUE=text:Send her the Babbage notes$/m)
    expect(ada).toMatch(/^EMAIL;TYPE=work:ada@example.org$/m)
  })

  it('sends the photo’s thumbnail with the card', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const { ref } = await call<{ ref: string }>(core, 'photos.save', { data: png, thumbnail: png })
    await call(core, 'contacts.create', { name: 'With Photo', photo: ref })
    await run()
    const card = unfold((await phone.find(addressBook, /With Photo/)).data)
    // In the form that survives the server (Radicale rewrites RFC 6350 data: URIs).
    expect(card).toContain(`PHOTO;ENCODING=b;TYPE=PNG:${png}`)
  })

  it('changes nothing on a second sync in a row', async () => {
    await call(core, 'contacts.create', { name: 'Grace Hopper', tier: 'life', tags: ['navy'] })
    await run()
    const before = await contacts()
    const cards = await phone.list(addressBook)
    const second = await run()
    for (const counts of [second.up, second.down]) {
      expect(Object.values(counts).every((n) => n === 0)).toBe(true)
    }
    expect(await contacts()).toEqual(before)
    expect((await phone.list(addressBook)).map((c) => c.etag)).toEqual(cards.map((c) => c.etag))
  })

  it('takes an edit from each side', async () => {
    await call(core, 'contacts.create', { name: 'Alan Turing', organization: 'Bletchley' })
    await call(core, 'contacts.create', { name: 'Joan Clarke', role: 'Cryptanalyst' })
    await run()
    const alan = await phone.find(addressBook, /Alan Turing/)
    await phone.put(alan.href, editLine(alan.data, 'ORG', 'Manchester University'), alan.etag)
    const joan = await byName('Joan Clarke')
    await call(core, 'contacts.update', { id: joan.id, patch: { role: 'Numismatist' } })

    const report = await run()
    expect(report.down.updated).toBe(1)
    expect(report.up.updated).toBe(1)
    expect((await byName('Alan Turing')).organization).toBe('Manchester University')
    expect((await phone.find(addressBook, /Joan Clarke/)).data).toMatch(/^TITLE:Numismatist/m)
    // The phone's edit stays on the phone; Rapport's own fields were not touched by it.
    expect((await phone.find(addressBook, /Alan Turing/)).data).toMatch(
      /^ORG:Manchester University/m,
    )
  })

  it('keeps Rapport’s value on a conflict and takes the phone’s with one click', async () => {
    await call(core, 'contacts.create', { name: 'Margaret Hamilton', organization: 'MIT' })
    await run()
    const card = await phone.find(addressBook, /Margaret Hamilton/)
    await phone.put(card.href, editLine(card.data, 'ORG', 'NASA'), card.etag)
    const margaret = await byName('Margaret Hamilton')
    await call(core, 'contacts.update', {
      id: margaret.id,
      patch: { organization: 'Hamilton Technologies' },
    })

    const report = await run()
    expect(report.down.conflicts).toBe(1)
    expect((await byName('Margaret Hamilton')).organization).toBe('Hamilton Technologies')
    const conflicts = await call<SyncConflict[]>(core, 'sync.conflicts', {})
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({ field: 'organization', phoneValue: '"NASA"' })
    expect((await call<SyncStatus>(core, 'sync.status', {})).conflicts).toBe(1)

    await call(core, 'sync.resolveConflict', { id: conflicts[0]!.id, take: 'phone' })
    expect((await byName('Margaret Hamilton')).organization).toBe('NASA')
    expect(await call(core, 'sync.conflicts', {})).toEqual([])
    await run()
    expect((await phone.find(addressBook, /Margaret Hamilton/)).data).toMatch(/^ORG:NASA/m)
  })

  it('archives a contact deleted on the phone and deletes from the phone one deleted in Rapport', async () => {
    await call(core, 'contacts.create', { name: 'Deleted On Phone' })
    const gone = await call<Contact>(core, 'contacts.create', { name: 'Deleted In Rapport' })
    await run()
    await phone.remove((await phone.find(addressBook, /Deleted On Phone/)).href)
    await call(core, 'contacts.delete', { id: gone.id })

    const report = await run()
    expect(report.down.archived).toBe(1)
    expect(report.up.deleted).toBe(1)
    const kept = await byName('Deleted On Phone')
    expect(kept.archived).toBe(true)
    expect((await phone.list(addressBook)).map((c) => c.data)).toEqual([])
    // Archived stays archived: the phone does not get it back.
    await run()
    expect(await phone.list(addressBook)).toEqual([])
  })

  it('skips a card another app wrote badly, says why, and syncs the rest', async () => {
    await phone.put(
      `${addressBook}broken.vcf`,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-1\r\nFN:\r\nNOTE:written by a scanner app\r\nEND:VCARD\r\n',
    )
    await phone.put(
      `${addressBook}fine.vcf`,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:fine-1\r\nFN:Katherine Johnson\r\nN:Johnson;Katherine;;;\r\nEND:VCARD\r\n',
    )
    const report = await run()
    expect(report.down.skipped).toBe(1)
    expect(report.down.created).toBe(1)
    expect(await byName('Katherine Johnson')).toBeDefined()
    const log = await call<SyncLogEntry[]>(core, 'sync.log', {})
    const skipped = log.find((e) => e.action === 'skipped')!
    expect(skipped.label).toMatch(/broken\.vcf/)
    expect(skipped.detail).toMatch(/name/i)
  })

  it('never writes the password anywhere in the data folder', async () => {
    await call(core, 'contacts.create', { name: 'Someone' })
    await call(core, 'sync.setPassword', { password: server.password })
    await run()
    await call(core, 'backups.create', {}).catch(() => undefined)
    await core.close()
    const files = await allFiles(dataDir)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = await readFile(file, 'latin1')
      expect(text.includes(server.password), file).toBe(false)
      expect(text.includes(Buffer.from(server.password).toString('base64')), file).toBe(false)
    }
  })
})

describe.skipIf(!hasRadicale)('sync faults', () => {
  let server: Radicale
  beforeAll(async () => {
    server = await startRadicale()
  }, 30_000)
  afterAll(async () => server?.stop())

  const configured = async (password: string) => {
    const core = await quietCore({ syncPassword: () => password, syncTransport: quickTransport })
    await call(core, 'sync.configure', { serverUrl: server.url, user: server.user })
    return core
  }

  it('says a wrong password is wrong, and changes nothing', async () => {
    const core = await configured('not-the-password')
    try {
      await expect(
        call(core, 'sync.testConnection', { serverUrl: server.url, user: server.user }),
      ).rejects.toMatchObject({ code: 'REMOTE', details: { reason: 'unauthorized', status: 401 } })
    } finally {
      await core.close()
    }
  })

  it('says the server cannot be reached', async () => {
    const core = await quietCore({ syncPassword: () => 'x', syncTransport: quickTransport })
    try {
      await expect(
        call(core, 'sync.testConnection', { serverUrl: 'http://127.0.0.1:9/', user: 'me' }),
      ).rejects.toMatchObject({ code: 'REMOTE', details: { reason: 'unreachable' } })
      await expect(
        call(core, 'sync.testConnection', { serverUrl: 'http://example.org/', user: 'me' }),
      ).rejects.toMatchObject({ code: 'REMOTE', details: { reason: 'insecure' } })
    } finally {
      await core.close()
    }
  })

  it('says when the server forbids the address, and when it is no CardDAV/CalDAV server', async () => {
    const core = await configured(server.password)
    const web = createServer((_req, res) => res.end('<html><body>Welcome</body></html>'))
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
    try {
      await expect(
        call(core, 'sync.testConnection', {
          serverUrl: `${server.url}someone-else/`,
          user: server.user,
        }),
      ).rejects.toMatchObject({ code: 'REMOTE', details: { reason: 'forbidden', status: 403 } })
      const port = (web.address() as AddressInfo).port
      await expect(
        call(core, 'sync.testConnection', { serverUrl: `http://127.0.0.1:${port}/`, user: 'me' }),
      ).rejects.toMatchObject({ code: 'REMOTE', details: { reason: 'notDav' } })
    } finally {
      web.close()
      await core.close()
    }
  })

  it('loses nothing when the server dies in the middle of a sync, and finishes the next time', async () => {
    const core = await configured(server.password)
    const phone = phoneFor(server)
    try {
      const settings = await call<{ addressBookUrl: string }>(core, 'sync.createCollections', {
        addressBook: true,
        calendar: false,
      })
      for (const card of await phone.list(settings.addressBookUrl)) await phone.remove(card.href)
      for (let i = 0; i < 120; i += 1) {
        await call(core, 'contacts.create', { name: `Person ${String(i).padStart(3, '0')}` })
      }
      const running = call<SyncReport>(core, 'sync.run', {})
      // Kill the server once some cards are up.
      for (;;) {
        const status = await call<SyncStatus>(core, 'sync.status', {})
        if ((status.progress?.done ?? 0) >= 20) break
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      await server.kill()
      await expect(running).rejects.toMatchObject({ code: 'REMOTE' })
      const log = await call<SyncLogEntry[]>(core, 'sync.log', {})
      expect(log[0]!.action).toBe('failed')
      expect(log[0]!.detail).toMatch(/^\[unreachable\] /)
      await server.restart()

      const report = await call<SyncReport>(core, 'sync.run', {})
      expect(report.up.created + report.up.updated).toBeGreaterThan(0)
      const cards = await phone.list(settings.addressBookUrl)
      const names = cards.map((c) => /^FN:(.*)$/m.exec(c.data)![1]).sort()
      expect(names).toHaveLength(120)
      expect(new Set(names).size).toBe(120)
      expect((await call<Contact[]>(core, 'contacts.list', {})).length).toBe(120)
      const again = await call<SyncReport>(core, 'sync.run', {})
      expect(again.up.created + again.up.updated + again.down.updated).toBe(0)
    } finally {
      await core.close()
    }
  }, 60_000)

  it('keeps the sync log for 30 days', async () => {
    let now = new Date('2026-01-01T10:00:00.000Z')
    const core = await quietCore({
      clock: { now: () => now },
      syncPassword: () => server.password,
      syncTransport: quickTransport,
    })
    try {
      await connectAddressBook(core, server)
      await call(core, 'sync.run', {})
      const first = await call<SyncLogEntry[]>(core, 'sync.log', {})
      expect(first.length).toBeGreaterThan(0)
      now = new Date('2026-01-25T10:00:00.000Z')
      await call(core, 'sync.run', {})
      expect((await call<SyncLogEntry[]>(core, 'sync.log', {})).length).toBeGreaterThan(
        first.length,
      )
      now = new Date('2026-02-05T10:00:00.000Z')
      await call(core, 'sync.run', {})
      const kept = await call<SyncLogEntry[]>(core, 'sync.log', {})
      expect(kept.every((e) => e.at >= '2026-01-06')).toBe(true)
      expect(kept.some((e) => e.at.startsWith('2026-01-25'))).toBe(true)
    } finally {
      await core.close()
    }
  })

  it('can be cancelled in the middle, keeps what was done, and finishes the next time', async () => {
    const core = await configured(server.password)
    const phone = phoneFor(server)
    try {
      const { addressBookUrl } = await call<{ addressBookUrl: string }>(
        core,
        'sync.createCollections',
        { addressBook: true, calendar: false },
      )
      for (const card of await phone.list(addressBookUrl)) await phone.remove(card.href)
      for (let i = 0; i < 60; i += 1) await call(core, 'contacts.create', { name: `Guest ${i}` })
      const running = call<SyncReport>(core, 'sync.run', {})
      for (;;) {
        const status = await call<SyncStatus>(core, 'sync.status', {})
        if ((status.progress?.done ?? 0) >= 10) break
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      await call(core, 'sync.cancel', {})
      await expect(running).rejects.toMatchObject({
        code: 'REMOTE',
        details: { reason: 'cancelled' },
      })
      const partial = (await phone.list(addressBookUrl)).length
      expect(partial).toBeGreaterThanOrEqual(10)
      expect(partial).toBeLessThan(60)
      const report = await call<SyncReport>(core, 'sync.run', {})
      expect(report.up.created).toBe(60 - partial)
      expect(await phone.list(addressBookUrl)).toHaveLength(60)
    } finally {
      await core.close()
    }
  }, 60_000)

  it('works with a server without sync-collection, by the ctag and each card’s ETag', async () => {
    const phone = phoneFor(server)
    const seen: string[] = []
    // The same server, minus RFC 6578: no sync-token property and no sync-collection report.
    const withoutSyncCollection: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : ''
      if (init?.method === 'REPORT' && body.includes('sync-collection')) {
        return new Response('not implemented', { status: 501 })
      }
      seen.push(`${init?.method} ${body.includes('getetag') ? 'etags' : ''}`)
      const response = await fetch(input, init)
      if (init?.method !== 'PROPFIND') return response
      const text = (await response.text()).replace(
        /<[^>]*sync-token[^>]*>[^<]*<\/[^>]*sync-token>/g,
        '',
      )
      return new Response(text, { status: response.status, headers: response.headers })
    }
    const core = await quietCore({
      syncPassword: () => server.password,
      syncTransport: { ...quickTransport, fetch: withoutSyncCollection },
    })
    try {
      const addressBookUrl = await connectAddressBook(core, server)
      for (const card of await phone.list(addressBookUrl)) await phone.remove(card.href)
      await call(core, 'contacts.create', { name: 'Barbara Liskov', organization: 'MIT' })
      await call(core, 'sync.run', {})
      const card = await phone.find(addressBookUrl, /Barbara Liskov/)
      await phone.put(card.href, editLine(card.data, 'ORG', 'CLU Lab'), card.etag)

      seen.length = 0
      const report = await call<SyncReport>(core, 'sync.run', {})
      expect(report.down.updated).toBe(1)
      const stored = (await call<Contact[]>(core, 'contacts.list', {}))[0]!
      expect(stored.organization).toBe('CLU Lab')

      // Nothing changed since: the ctag says so, and no card is listed or fetched.
      seen.length = 0
      const idle = await call<SyncReport>(core, 'sync.run', {})
      expect(idle.down.updated + idle.up.updated).toBe(0)
      expect(seen.filter((request) => request.startsWith('REPORT'))).toEqual([])
      expect(seen).not.toContain('PROPFIND etags')
    } finally {
      await core.close()
    }
  })

  it('merges and retries when the phone writes between Rapport’s read and write (412)', async () => {
    const phone = phoneFor(server)
    let raced = false
    let addressBook = ''
    // The phone edits the card just before Rapport's conditional PUT reaches the server.
    const racingFetch: typeof fetch = async (input, init) => {
      const url = String(input)
      const headers = (init?.headers ?? {}) as Record<string, string>
      if (
        !raced &&
        init?.method === 'PUT' &&
        headers['If-Match'] &&
        url.includes('rapport-contacts')
      ) {
        raced = true
        const card = await phone.find(addressBook, /Hedy Lamarr/)
        await phone.put(card.href, editLine(card.data, 'ORG', 'Frequency Hopping Inc'), card.etag)
      }
      return fetch(input, init)
    }
    const core = await quietCore({
      syncPassword: () => server.password,
      syncTransport: { ...quickTransport, fetch: racingFetch },
    })
    try {
      addressBook = await connectAddressBook(core, server)
      for (const card of await phone.list(addressBook)) await phone.remove(card.href)
      const hedy = await call<Contact>(core, 'contacts.create', {
        name: 'Hedy Lamarr',
        role: 'Actress',
      })
      await call(core, 'sync.run', {})
      await call(core, 'contacts.update', { id: hedy.id, patch: { role: 'Inventor' } })
      await call(core, 'sync.run', {})
      expect(raced).toBe(true)
      const card = (await phone.find(addressBook, /Hedy Lamarr/)).data
      expect(card).toMatch(/^TITLE:Inventor/m)
      expect(card).toMatch(/^ORG:Frequency Hopping Inc/m)
      const stored = (await call<Contact[]>(core, 'contacts.list', {})).find(
        (c) => c.id === hedy.id,
      )!
      expect(stored).toMatchObject({ role: 'Inventor', organization: 'Frequency Hopping Inc' })
    } finally {
      await core.close()
    }
  }, 30_000)
})

describe.skipIf(!hasRadicale)('capture on the phone during an event', () => {
  let server: Radicale
  beforeAll(async () => {
    server = await startRadicale()
  }, 30_000)
  afterAll(async () => server?.stop())

  it('turns a card made during an event into a person met there with the 24-hour follow-up', async () => {
    const core = await quietCore({
      syncPassword: () => server.password,
      syncTransport: quickTransport,
    })
    const phone = phoneFor(server)
    try {
      const addressBookUrl = await connectAddressBook(core, server)
      const now = Date.now()
      const event = await call<{ id: string }>(core, 'events.create', {
        name: 'DevConf',
        startsAt: new Date(now - 3 * 3600_000).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        timeZone: 'Europe/Berlin',
      })
      const madeAt = new Date(now - 40 * 60_000)
      const rev = madeAt
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '')
      await phone.put(
        `${addressBookUrl}captured.vcf`,
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'UID:7C1B2F34-PHONE-CAPTURE',
          'FN:Linus Example',
          'N:Example;Linus;;;',
          'ORG:Kernel Folks',
          'NOTE:Wants help hiring Rust people; met at the coffee line',
          `REV:${rev}`,
          'END:VCARD',
          '',
        ].join('\r\n'),
      )
      // A card without REV counts from when sync first saw it.
      await phone.put(
        `${addressBookUrl}no-rev.vcf`,
        'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:NO-REV-1\r\nFN:Grace Example\r\nEND:VCARD\r\n',
      )
      const report = await call<SyncReport>(core, 'sync.run', {})
      expect(report.down.captured).toBe(2)
      const view2 = await call<EventView>(core, 'events.get', { id: event.id })
      const grace = view2.met.find((m) => m.name === 'Grace Example')!
      expect(Math.abs(Date.parse(grace.encounter.at) - Date.now())).toBeLessThan(60_000)
      const linus = (await call<Contact[]>(core, 'contacts.list', {})).find(
        (c) => c.name === 'Linus Example',
      )!
      expect(linus.organization).toBe('Kernel Folks')
      // The event's after view lists them as met there, captured on the phone.
      const view = await call<EventView>(core, 'events.get', { id: event.id })
      const met = view.met.find((m) => m.contactId === linus.id)!
      expect(met.encounter).toMatchObject({
        eventId: event.id,
        notes: 'Wants help hiring Rust people; met at the coffee line',
        capturedOn: 'phone',
      })
      expect(Date.parse(met.encounter.at)).toBe(Math.floor(madeAt.getTime() / 1000) * 1000)
      // Due 24 hours after the card was made, not after the sync.
      expect(Date.parse(met.followUp!.dueAt)).toBe(Date.parse(met.encounter.at) + 24 * 3600_000)
    } finally {
      await core.close()
    }
  })
})

describe.skipIf(!hasRadicale)('lunar dates on the phone', () => {
  let server: Radicale
  beforeAll(async () => {
    server = await startRadicale()
  }, 30_000)
  afterAll(async () => server?.stop())

  it('puts a lunar birthday on its Gregorian day and moves it on once it has passed', async () => {
    let now = new Date(2027, 2, 1, 12)
    const core = await quietCore({
      clock: { now: () => now },
      syncPassword: () => server.password,
      syncTransport: quickTransport,
    })
    const phone = phoneFor(server)
    try {
      const addressBookUrl = await connectAddressBook(core, server)
      await call(core, 'contacts.create', {
        name: '陈静',
        // 农历八月十五: 3 Oct 1990, 15 Sep 2027, 3 Oct 2028.
        importantDates: [
          { label: '生日', date: '1990-10-03', calendar: 'lunar', lunar: { month: 8, day: 15 } },
        ],
      })
      const sync = () => call<SyncReport>(core, 'sync.run', {})
      const birthday = async () => {
        const card = unfold((await phone.find(addressBookUrl, /陈静/)).data)
        const group = /^(item\d+)\.X-RAPPORT-LUNAR;VALUE=text:1990-10-03\/08-15$/m.exec(card)?.[1]
        expect(group).toBeDefined()
        // Radicale writes property names in capitals.
        expect(card).toMatch(new RegExp(`^${group}\\.X-ABLabel:生日$`, 'mi'))
        expect(card).not.toMatch(/^BDAY/m)
        return new RegExp(`^${group}\\.X-ABDATE:(.*)$`, 'm').exec(card)?.[1]
      }

      expect((await sync()).up.created).toBe(1)
      expect(await birthday()).toBe('2027-09-15')
      // Nothing changed: nothing is written again.
      now = new Date(2027, 8, 15, 12)
      expect((await sync()).up.updated).toBe(0)
      // The day has passed: the phone gets next year's day without any edit in Rapport.
      now = new Date(2027, 8, 16, 12)
      expect((await sync()).up.updated).toBe(1)
      expect(await birthday()).toBe('2028-10-03')
      expect((await sync()).up.updated).toBe(0)
    } finally {
      await core.close()
    }
  })
})
