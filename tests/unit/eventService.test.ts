import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { EventView, PeopleImportResult } from '../../src/shared/events/eventViews'
import type { Contact, Encounter, FollowUp, RapportEvent } from '../../src/shared/model'
import { call, quietCore } from './helpers'

const now = new Date('2026-12-01T10:00:00.000Z')
const core = () => quietCore({ clock: { now: () => now } })

const summit = {
  name: 'AI Product Summit',
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-10T10:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  city: 'Shanghai',
  level: 'national',
}

async function withEvent() {
  const c = await core()
  const event = await call<RapportEvent>(c, 'events.create', summit)
  return { c, event }
}

const header = (
  await readFile('tests/fixtures/real-world/eventbrite-attendees-header-only.csv', 'utf8')
).trim()
const eventbriteRow = (first: string, last: string, email: string) =>
  `1001,2026-11-02,${first},${last},${email},1,,General,1,Free Order,USD,0,0,0,0,Attending,,,,,,,,`

describe('the event record', () => {
  it('refuses an unknown time zone, an end before the start and unknown contacts, changing nothing', async () => {
    const { c, event } = await withEvent()
    await expect(
      call(c, 'events.create', { ...summit, timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await expect(
      call(c, 'events.update', { id: event.id, patch: { endsAt: '2026-12-09T00:00:00.000Z' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'The event ends before it starts' })
    await expect(
      call(c, 'events.update', { id: event.id, patch: { keyContactIds: ['nobody'] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(call(c, 'events.update', { id: 'nope', patch: {} })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const list = await call<RapportEvent[]>(c, 'events.list', {})
    expect(list).toHaveLength(1)
    expect(list[0]?.endsAt).toBe(summit.endsAt)
    expect(list[0]?.keyContactIds).toEqual([])
  })

  it('shows the worth-it score with reasons, and updates it as the record grows', async () => {
    const { c, event } = await withEvent()
    const ada = await call<Contact>(c, 'contacts.create', { name: 'Ada' })
    const before = await call<EventView>(c, 'events.get', { id: event.id })
    await call(c, 'events.update', {
      id: event.id,
      patch: { whyItMatters: 'Three buyers I need are speaking', keyContactIds: [ada.id] },
    })
    const after = await call<EventView>(c, 'events.get', { id: event.id })
    expect(after.worthIt.score).toBeGreaterThan(before.worthIt.score)
    expect(after.worthIt.reasons.map((r) => r.key)).toContain('keyContacts')
  })
})

describe('speakers and attendees', () => {
  it('imports an Eventbrite CSV: matched rows link to contacts, others stay prospects, twice adds nothing', async () => {
    const { c, event } = await withEvent()
    const ada = await call<Contact>(c, 'contacts.create', {
      name: 'Ada Lovelace',
      emails: [{ value: 'ada@example.com' }],
    })
    const csv = [
      header,
      eventbriteRow('Ada', 'Lovelace', 'ADA@example.com'),
      eventbriteRow('Grace', 'Hopper', 'grace@example.com'),
    ].join('\r\n')
    const data = Buffer.from(csv).toString('base64')
    const preview = await call<PeopleImportResult>(c, 'events.importPeople', {
      eventId: event.id,
      role: 'attendee',
      data,
      commit: false,
    })
    expect(preview.rows.map((r) => [r.name, r.match?.contactId ?? null])).toEqual([
      ['Ada Lovelace', ada.id],
      ['Grace Hopper', null],
    ])
    expect((await call<EventView>(c, 'events.get', { id: event.id })).people).toHaveLength(0)

    const done = await call<PeopleImportResult>(c, 'events.importPeople', {
      eventId: event.id,
      role: 'attendee',
      data,
      commit: true,
    })
    expect(done.added).toBe(2)
    const again = await call<PeopleImportResult>(c, 'events.importPeople', {
      eventId: event.id,
      role: 'attendee',
      data,
      commit: true,
    })
    expect(again.added).toBe(0)
    expect(again.rows.every((r) => r.duplicate)).toBe(true)

    const view = await call<EventView>(c, 'events.get', { id: event.id })
    expect(view.people.find((p) => p.name === 'Ada Lovelace')?.contactId).toBe(ada.id)
    const grace = view.people.find((p) => p.name === 'Grace Hopper')!
    expect(grace.contactId).toBeUndefined()

    const promoted = await call<Contact>(c, 'events.promotePerson', {
      eventId: event.id,
      personId: grace.id,
    })
    expect(promoted.emails[0]?.value).toBe('grace@example.com')
    const later = await call<EventView>(c, 'events.get', { id: event.id })
    expect(later.people.find((p) => p.id === grace.id)?.contactId).toBe(promoted.id)
  })

  it('makes someone on the list a target in one step, becoming a contact on the way', async () => {
    const { c, event } = await withEvent()
    await call(c, 'events.importPeople', {
      eventId: event.id,
      role: 'speaker',
      text: '孙强，红杉中国，合伙人\nAda Lovelace, Analytical Engines, Founder',
      commit: true,
    })
    const listed = (await call<EventView>(c, 'events.get', { id: event.id })).people
    for (const person of listed) {
      await call(c, 'events.promotePerson', {
        eventId: event.id,
        personId: person.id,
        asTarget: true,
      })
    }
    // Twice for the same person: still one target.
    await call(c, 'events.promotePerson', {
      eventId: event.id,
      personId: listed[0]!.id,
      asTarget: true,
    })
    const view = await call<EventView>(c, 'events.get', { id: event.id })
    expect(view.targets.map((t) => view.contacts[t.contactId]?.name)).toEqual([
      '孙强',
      'Ada Lovelace',
    ])
    expect(view.targets.map((t) => t.rank)).toEqual([1, 2])
    expect(view.people.every((p) => p.contactId)).toBe(true)
  })

  it('reads a GBK (GB18030) file as contact import does', async () => {
    const { c, event } = await withEvent()
    // "姓名,公司\n王小明,极客会展" in GBK.
    const gbk = Buffer.from('d0d5c3fb2cb9abcbbe0acdf5d0a1c3f72cbcabbfcdbbe1d5b9', 'hex')
    const result = await call<PeopleImportResult>(c, 'events.importPeople', {
      eventId: event.id,
      role: 'speaker',
      data: gbk.toString('base64'),
      commit: true,
    })
    expect(result.encoding).toBe('gb18030')
    expect(result.rows[0]).toMatchObject({ name: '王小明', organization: '极客会展' })
  })

  it('previews a pasted line in its columns and stores the title apart from the link', async () => {
    const { c, event } = await withEvent()
    const text =
      '孙强,红杉中国,合伙人 https://www.linkedin.com/in/sunqiang\n合伙人 sq@sequoia.cn；高瓴资本、李娜'
    const preview = await call<PeopleImportResult>(c, 'events.importPeople', {
      eventId: event.id,
      role: 'speaker',
      text,
      commit: false,
    })
    expect(preview.encoding).toBe('text')
    expect(
      preview.rows.map((r) => [r.name, r.organization, r.title, r.email, r.linkedinUrl]),
    ).toEqual([
      ['孙强', '红杉中国', '合伙人', '', 'https://www.linkedin.com/in/sunqiang'],
      ['李娜', '高瓴资本', '合伙人', 'sq@sequoia.cn', ''],
    ])
    expect((await call<EventView>(c, 'events.get', { id: event.id })).people).toHaveLength(0)
    await call(c, 'events.importPeople', { eventId: event.id, role: 'speaker', text, commit: true })
    const sun = (await call<EventView>(c, 'events.get', { id: event.id })).people[0]!
    expect([sun.title, sun.linkedinUrl]).toEqual(['合伙人', 'https://www.linkedin.com/in/sunqiang'])
  })

  it('asks for text or a file, not both', async () => {
    const { c, event } = await withEvent()
    await expect(
      call(c, 'events.importPeople', { eventId: event.id, role: 'attendee', commit: true }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('targets', () => {
  it('ranks targets in the order given and keeps what was written when re-ordered', async () => {
    const { c, event } = await withEvent()
    const a = await call<Contact>(c, 'contacts.create', { name: 'A' })
    const b = await call<Contact>(c, 'contacts.create', { name: 'B' })
    await call(c, 'events.setTargets', {
      eventId: event.id,
      targets: [
        { contactId: a.id, talkingPoints: 'ask about hiring', mustMeet: true },
        { contactId: b.id, stage: 'paused', pausedReason: 'no answer' },
      ],
    })
    const updated = await call<RapportEvent>(c, 'events.setTargets', {
      eventId: event.id,
      targets: [{ contactId: b.id }, { contactId: a.id }],
    })
    expect(updated.targets).toEqual([
      expect.objectContaining({
        contactId: b.id,
        rank: 1,
        stage: 'paused',
        pausedReason: 'no answer',
      }),
      expect.objectContaining({
        contactId: a.id,
        rank: 2,
        talkingPoints: 'ask about hiring',
        mustMeet: true,
      }),
    ])
    await expect(
      call(c, 'events.setTargets', {
        eventId: event.id,
        targets: [{ contactId: a.id }, { contactId: a.id }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('tells the card where a contact is a target and at which stage', async () => {
    const { c, event } = await withEvent()
    const a = await call<Contact>(c, 'contacts.create', { name: 'A' })
    await call(c, 'events.setTargets', {
      eventId: event.id,
      targets: [{ contactId: a.id, stage: 'paused', pausedReason: 'no answer', mustMeet: true }],
    })
    expect(await call(c, 'events.targetsOf', { contactId: a.id })).toEqual([
      {
        eventId: event.id,
        eventName: 'AI Product Summit',
        startsAt: summit.startsAt,
        rank: 1,
        stage: 'paused',
        mustMeet: true,
        pausedReason: 'no answer',
      },
    ])
  })

  it('keeps checklist ticks per event and refuses unknown items', async () => {
    const { c, event } = await withEvent()
    const ticked = await call<RapportEvent>(c, 'events.checklist', {
      eventId: event.id,
      item: 'during.early',
      done: true,
    })
    expect(ticked.checklist).toEqual(['during.early'])
    await expect(
      call(c, 'events.checklist', { eventId: event.id, item: 'during.nap', done: true }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('capture at the event', () => {
  it('creates the encounter with mentions, its 24-hour follow-up, and moves the target to met', async () => {
    const { c, event } = await withEvent()
    const lin = await call<Contact>(c, 'contacts.create', { name: 'Lin Wei' })
    await call(c, 'events.setTargets', { eventId: event.id, targets: [{ contactId: lin.id }] })
    const at = '2026-12-10T02:00:00.000Z'
    const first = await call<{ encounter: Encounter; followUps: FollowUp[]; contact: Contact }>(
      c,
      'events.capture',
      {
        eventId: event.id,
        newContact: { name: 'Zhou Min', organization: 'Yangtze Ventures' },
        at,
        whomShouldIMeet: 'Lin Wei, Dana Scott',
        whomShouldTheyMeet: 'Ada',
        seed: 'Send the pilot-school list',
        bestWayToReach: 'WeChat',
        assistantName: 'Xiao Li',
        cardReceived: true,
      },
    )
    expect(first.contact).toMatchObject({
      name: 'Zhou Min',
      bestWayToReach: 'WeChat',
      assistantName: 'Xiao Li',
    })
    expect(first.encounter.cardReceived).toBe(true)
    expect(first.encounter.mentions).toEqual([
      { name: 'Lin Wei', contactId: lin.id, direction: 'iShouldMeet' },
      expect.objectContaining({
        name: 'Dana Scott',
        direction: 'iShouldMeet',
        personId: expect.any(String),
      }),
      expect.objectContaining({ name: 'Ada', direction: 'theyShouldMeet' }),
    ])
    const after = first.followUps.find((f) => f.reason === 'afterMeeting')!
    expect(after.dueAt).toBe('2026-12-11T02:00:00.000Z')
    expect(after.eventId).toBe(event.id)

    // A second person names Lin Wei too; Dana, now a prospect, is matched by name.
    await call(c, 'events.capture', {
      eventId: event.id,
      newContact: { name: 'Kai' },
      at,
      whomShouldIMeet: 'Lin Wei; Dana Scott',
    })
    await call(c, 'events.capture', {
      eventId: event.id,
      contactId: lin.id,
      at,
      whomShouldIMeet: '',
    })

    const view = await call<EventView>(c, 'events.get', { id: event.id })
    expect(view.radar.slice(0, 2).map((r) => [r.name, r.mentionedBy])).toEqual([
      ['Lin Wei', 2],
      ['Dana Scott', 2],
    ])
    expect(view.radar[0]).toMatchObject({ isTarget: true, met: true })
    expect(view.people.filter((p) => p.name === 'Dana Scott')).toHaveLength(1)
    expect(view.targets[0]?.stage).toBe('met')
    expect(view.met.map((m) => m.name)).toEqual(['Zhou Min', 'Kai', 'Lin Wei'])
    expect(view.met.every((m) => m.followUp?.status === 'open')).toBe(true)
    expect(view.followedUpWithin24h).toEqual({ done: 0, total: 3 })

    await call(c, 'followUps.complete', { id: after.id })
    const done = await call<EventView>(c, 'events.get', { id: event.id })
    // The clock says 1 December, before the conversation: done "within" 24 hours.
    expect(done.followedUpWithin24h).toEqual({ done: 1, total: 3 })
  })

  it('matches "红杉的孙强", "Zhang Wei from Meituan" and "孙强（红杉）" to the speakers on the list, then contacts', async () => {
    const { c, event } = await withEvent()
    await call(c, 'events.importPeople', {
      eventId: event.id,
      role: 'speaker',
      text: '孙强，红杉中国，合伙人\n孙强，腾讯，总监\n张伟，美团，副总裁',
      commit: true,
    })
    const li = await call<Contact>(c, 'contacts.create', {
      name: '李娜',
      organization: '北京字节跳动',
    })
    const listed = (await call<EventView>(c, 'events.get', { id: event.id })).people
    const [sequoiaSun, tencentSun, zhang] = listed
    const captured = await call<{ encounter: Encounter }>(c, 'events.capture', {
      eventId: event.id,
      newContact: { name: '周敏' },
      at: '2026-12-10T02:00:00.000Z',
      whomShouldIMeet:
        '红杉的孙强、孙强（红杉）；Zhang Wei from Meituan, 腾讯的孙强, Sun Qiang from Sequoia',
      whomShouldTheyMeet: '字节跳动的李娜, 华为的王五',
    })
    expect(captured.encounter.mentions.map((m) => [m.name, m.personId, m.contactId])).toEqual([
      ['孙强', sequoiaSun!.id, undefined],
      ['孙强', sequoiaSun!.id, undefined],
      ['Zhang Wei', zhang!.id, undefined],
      ['孙强', tencentSun!.id, undefined],
      // Two 孙强 and "Sequoia" cannot be compared with 红杉中国: nobody is guessed, nobody added.
      ['Sun Qiang', undefined, undefined],
      ['李娜', undefined, li.id],
      ['王五', expect.any(String), undefined],
    ])
    const after = (await call<EventView>(c, 'events.get', { id: event.id })).people
    // Only the unknown 王五 is new on the list, with the organisation the mention gave.
    expect(after.map((p) => [p.name, p.organization])).toEqual([
      ['孙强', '红杉中国'],
      ['孙强', '腾讯'],
      ['张伟', '美团'],
      ['王五', '华为'],
    ])
  })

  it('moves a target met to "followed up" when the follow-up is done within 24 hours', async () => {
    const { c, event } = await withEvent()
    const lin = await call<Contact>(c, 'contacts.create', { name: 'Lin Wei' })
    await call(c, 'events.setTargets', { eventId: event.id, targets: [{ contactId: lin.id }] })
    // The clock says 10:00 on 1 December; the conversation was an hour earlier.
    const { followUps } = await call<{ followUps: FollowUp[] }>(c, 'events.capture', {
      eventId: event.id,
      contactId: lin.id,
      at: '2026-12-01T09:00:00.000Z',
    })
    const stage = async () =>
      (await call<EventView>(c, 'events.get', { id: event.id })).targets[0]?.stage
    expect(await stage()).toBe('met')
    await call(c, 'followUps.complete', { id: followUps[0]!.id })
    expect(await stage()).toBe('followedUp')
  })

  it('refuses a capture that names nobody or two people, creating nothing', async () => {
    const { c, event } = await withEvent()
    const lin = await call<Contact>(c, 'contacts.create', { name: 'Lin Wei' })
    await expect(call(c, 'events.capture', { eventId: event.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await expect(
      call(c, 'events.capture', {
        eventId: event.id,
        contactId: lin.id,
        newContact: { name: 'X' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    const view = await call<EventView>(c, 'events.get', { id: event.id })
    expect(view.met).toHaveLength(0)
    expect(await call<Contact[]>(c, 'contacts.list', {})).toHaveLength(1)
  })

  it('drafts the follow-up in the asked language from what was captured and my settings', async () => {
    const { c, event } = await withEvent()
    await call(c, 'settings.update', { me: { name: 'Mei Chen', email: 'mei@example.com' } })
    const { contact } = await call<{ contact: Contact }>(c, 'events.capture', {
      eventId: event.id,
      newContact: { name: 'Zhou Min' },
      howCanIHelp: 'the evaluation checklist',
    })
    await call(c, 'contacts.update', {
      id: contact.id,
      patch: { emails: [{ value: 'zm@example.cn' }] },
    })
    const en = await call<{ subject: string; body: string; email: string }>(c, 'events.draft', {
      eventId: event.id,
      contactId: contact.id,
      language: 'en',
    })
    expect(en.email).toBe('zm@example.cn')
    expect(en.body).toContain('AI Product Summit')
    expect(en.body).toContain('the evaluation checklist')
    expect(en.body).toContain('mei@example.com')
    const zh = await call<{ body: string }>(c, 'events.draft', {
      eventId: event.id,
      contactId: contact.id,
      language: 'zh-CN',
    })
    expect(zh.body).toContain('谢谢你在 AI Product Summit 和我聊了那么多。')
    expect(zh.body).toContain('12月')
  })
})
