import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import type { Contact, FollowUp } from '../../src/shared/model'
import type { SyncConflict } from '../../src/shared/sync/syncModel'
import type { SyncReport } from '../../src/shared/sync/syncOperations'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { call, quietCore, tempDir } from './helpers'
import { editLine, phoneFor } from './support/davPhone'
import { hasRadicale, radicaleMissing, startRadicale, type Radicale } from './support/radicale'

if (!hasRadicale) console.warn(radicaleMissing)

const quickTransport = { timeoutMs: 5_000, retries: 1, backoffMs: 20 }
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '')
const compactUtc = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')

describe.skipIf(!hasRadicale)('two-way CalDAV sync against Radicale', () => {
  let server: Radicale
  let core: Core
  let calendar: string
  let phone: ReturnType<typeof phoneFor>
  let contact: Contact
  let dataDir: string

  beforeAll(async () => {
    server = await startRadicale()
    phone = phoneFor(server)
  }, 30_000)
  afterAll(async () => server?.stop())

  beforeEach(async () => {
    dataDir = await tempDir()
    core = await open()
    await call(core, 'sync.configure', { serverUrl: server.url, user: server.user })
    calendar = (
      await call<{ calendarUrl: string }>(core, 'sync.createCollections', {
        addressBook: false,
        calendar: true,
      })
    ).calendarUrl
    for (const item of await phone.list(calendar)) await phone.remove(item.href)
    contact = await call<Contact>(core, 'contacts.create', { name: 'Ada Lovelace' })
  })
  afterEach(async () => core?.close())

  const open = () =>
    quietCore({ dataDir, syncPassword: () => server.password, syncTransport: quickTransport })
  const run = () => call<SyncReport>(core, 'sync.run', {})
  const followUp = (title: string, dueAt: string) =>
    call<FollowUp>(core, 'followUps.create', { contactId: contact.id, title, dueAt })
  /** A follow-up as stored, whatever its status (no operation lists done ones). */
  const stored = async (id: string): Promise<FollowUp> => {
    await core.close()
    const store = await openJournaledStore({
      dir: dataDir,
      holder: 'test',
      initialData: () => {
        throw new Error('the store must exist')
      },
      backups: false,
      watchIntervalMs: 0,
    })
    const found = store.read().followUps.find((f) => f.id === id)!
    await store.close()
    core = await open()
    return found
  }

  it('puts follow-ups on the phone as tasks with a due time, an alarm and the export’s UID', async () => {
    const due = '2030-03-01T09:00:00.000Z'
    const f = await followUp('Send the Babbage notes', due)
    const report = await run()
    expect(report.up.created).toBe(1)
    const todo = unfold((await phone.find(calendar, /BEGIN:VTODO/)).data)
    expect(todo).toContain(`UID:followup-${f.id}@rapport.local`)
    expect(todo).toContain(`DUE:${compactUtc(due)}`)
    expect(todo).toContain('STATUS:NEEDS-ACTION')
    expect(todo).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER;VALUE=DATE-TIME:20300301T090000Z/)
    expect(todo).toContain('SUMMARY:Send the Babbage notes — Ada Lovelace')
    const second = await run()
    expect(second.up.created + second.up.updated + second.down.updated).toBe(0)
  })

  it('marks a task completed on the phone done with channel "phone", and reschedules a moved one', async () => {
    const a = await followUp('Call back', '2030-03-01T09:00:00.000Z')
    const b = await followUp('Coffee', '2030-03-02T09:00:00.000Z')
    await run()
    const done = await phone.find(calendar, /Call back/)
    await phone.put(
      done.href,
      editLine(editLine(done.data, 'STATUS', 'COMPLETED'), 'COMPLETED', '20300301T100000Z'),
      done.etag,
      'text/calendar',
    )
    const moved = await phone.find(calendar, /Coffee/)
    await phone.put(
      moved.href,
      editLine(moved.data, 'DUE', '20300305T150000Z'),
      moved.etag,
      'text/calendar',
    )

    const report = await run()
    expect(report.down.completed).toBe(1)
    expect(report.down.rescheduled).toBe(1)
    expect(await stored(a.id)).toMatchObject({ status: 'done', channel: 'phone' })
    expect((await stored(b.id)).dueAt).toBe('2030-03-05T15:00:00.000Z')
    const again = await run()
    expect(again.up.updated + again.down.completed + again.down.rescheduled).toBe(0)
  })

  it('keeps Rapport’s time when both sides moved a follow-up, and takes the phone’s with one click', async () => {
    const f = await followUp('Lunch', '2030-03-01T09:00:00.000Z')
    await run()
    const item = await phone.find(calendar, /Lunch/)
    await phone.put(
      item.href,
      editLine(item.data, 'DUE', '20300310T120000Z'),
      item.etag,
      'text/calendar',
    )
    await call(core, 'followUps.reschedule', { id: f.id, dueAt: '2030-03-08T12:00:00.000Z' })

    const report = await run()
    expect(report.down.conflicts).toBe(1)
    expect((await stored(f.id)).dueAt).toBe('2030-03-08T12:00:00.000Z')
    expect(unfold((await phone.find(calendar, /Lunch/)).data)).toContain('DUE:20300308T120000Z')
    const [conflict] = await call<SyncConflict[]>(core, 'sync.conflicts', {})
    expect(conflict).toMatchObject({ kind: 'followUp', field: 'due' })
    await call(core, 'sync.resolveConflict', { id: conflict!.id, take: 'phone' })
    expect((await stored(f.id)).dueAt).toBe('2030-03-10T12:00:00.000Z')
  })

  it('drops a follow-up deleted on the phone (undoable) and completes on the phone one done in Rapport', async () => {
    const gone = await followUp('Deleted on the phone', '2030-03-01T09:00:00.000Z')
    const doneHere = await followUp('Done in Rapport', '2030-03-02T09:00:00.000Z')
    await run()
    await phone.remove((await phone.find(calendar, /Deleted on the phone/)).href)
    await call(core, 'followUps.complete', { id: doneHere.id, channel: 'WeChat' })

    const report = await run()
    expect(report.down.dropped).toBe(1)
    expect((await stored(gone.id)).status).toBe('dropped')
    expect(unfold((await phone.find(calendar, /Done in Rapport/)).data)).toContain(
      'STATUS:COMPLETED',
    )
    await call(core, 'followUps.reopen', { id: gone.id })
    expect((await stored(gone.id)).status).toBe('open')
  })

  it('puts events on the phone as VEVENTs with their time zone and an alarm', async () => {
    await call(core, 'sync.configure', { followUps: false })
    await call(core, 'events.create', {
      name: 'DevConf',
      startsAt: '2030-05-10T07:00:00.000Z',
      endsAt: '2030-05-10T15:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    })
    await run()
    const event = unfold((await phone.find(calendar, /DevConf/)).data)
    expect(event).toMatch(/BEGIN:VTIMEZONE[\s\S]*TZID:Asia\/Shanghai/)
    expect(event).toContain('DTSTART;TZID=Asia/Shanghai:20300510T150000')
    expect(event).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT10M/)
    expect(event).not.toMatch(/^METHOD:/m)
  })

  it('writes follow-ups as short events to a calendar that takes no tasks', async () => {
    const eventsOnly = `${server.url}${server.user}/events-only/`
    const response = await fetch(eventsOnly, {
      method: 'MKCALENDAR',
      headers: { Authorization: phone.auth, 'Content-Type': 'application/xml' },
      body:
        '<?xml version="1.0"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>' +
        '<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>' +
        '</d:prop></d:set></c:mkcalendar>',
    })
    expect(response.status).toBe(201)
    await call(core, 'sync.configure', { calendarUrl: eventsOnly })
    const f = await followUp('Send the deck', '2030-03-01T09:00:00.000Z')
    await run()
    const items = await phone.list(eventsOnly)
    expect(items).toHaveLength(1)
    const text = unfold(items[0]!.data)
    expect(text).toContain('BEGIN:VEVENT')
    expect(text).not.toContain('VTODO')
    expect(text).toContain(`UID:followup-${f.id}@rapport.local`)
  })
})
