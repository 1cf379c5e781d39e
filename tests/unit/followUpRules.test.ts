import { describe, expect, it } from 'vitest'
import {
  contactSchema,
  emptyStoreData,
  encounterSchema,
  eventSchema,
  followUpSchema,
  type StoreData,
} from '../../src/shared/model'
import {
  applyFollowUpRules,
  cadenceFollowUps,
  followUpsForEncounter,
  habitFigures,
  queueOf,
  snoozeUntil,
} from '../../src/main/core/followUps/followUpRules'
import { tempDir } from './helpers'
import { open } from './storeTestKit'

// Local times throughout (the rules and snoozes work in the process's zone): a Monday noon.
const NOW = new Date(2026, 5, 15, 12, 0)
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const at = (ms: number) => new Date(ms).toISOString()
/** An ISO time `days` before NOW (negative: after). */
const ago = (days: number) => at(NOW.getTime() - days * DAY)
/** A local calendar date 'YYYY-MM-DD', `days` from NOW. */
const localDate = (days: number, base = NOW) => {
  const d = new Date(base.getFullYear(), base.getMonth(), base.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const base = (id: string, createdAt = ago(400)) => ({ id, createdAt, updatedAt: createdAt })
const contact = (id: string, fields: object = {}) =>
  contactSchema.parse({ name: `Person ${id}`, ...base(id), ...fields })
const encounter = (id: string, contactId: string, when: string, fields: object = {}) =>
  encounterSchema.parse({ ...base(id, when), contactId, at: when, ...fields })
const followUp = (id: string, contactId: string, dueAt: string, fields: object = {}) =>
  followUpSchema.parse({
    ...base(id, dueAt),
    contactId,
    title: `Follow up ${id}`,
    dueAt,
    ...fields,
  })
const event = (id: string, name: string, startsAt: string) =>
  eventSchema.parse({ ...base(id, startsAt), name, startsAt, timeZone: 'Asia/Shanghai' })

const store = (parts: Partial<StoreData>): StoreData => ({ ...emptyStoreData(), ...parts })
const ids = (list: { id: string }[]) => list.map((f) => f.id)

describe('followUpsForEncounter', () => {
  const ada = contact('ada')

  it('creates the after-meeting follow-up due 24 hours later', () => {
    const met = encounter('e1', 'ada', ago(0.5), { eventId: 'ev1', seed: '   ' })
    const made = followUpsForEncounter(met, ada, NOW.toISOString())
    expect(made).toHaveLength(1)
    const [after] = made
    expect(after).toEqual(followUpSchema.parse(after))
    expect(after).toMatchObject({
      id: 'after-e1',
      contactId: 'ada',
      encounterId: 'e1',
      eventId: 'ev1',
      reason: 'afterMeeting',
      status: 'open',
      title: 'Thank and follow up',
      titleKind: 'afterMeeting',
      dueAt: at(Date.parse(met.at) + DAY),
      createdAt: NOW.toISOString(),
      promise: false,
    })
  })

  it('makes the seed its own promise follow-up, due three days after the conversation', () => {
    const met = encounter('e1', 'ada', ago(0.5), { seed: '  Send her the hiring deck \n' })
    const [after, promise] = followUpsForEncounter(met, ada, NOW.toISOString())
    expect(after!.reason).toBe('afterMeeting')
    expect(promise).toEqual(followUpSchema.parse(promise))
    expect(promise).toMatchObject({
      id: 'promise-e1',
      reason: 'promise',
      promise: true,
      title: 'Send her the hiring deck',
      notes: '',
      dueAt: at(Date.parse(met.at) + 3 * DAY),
    })
    expect(promise).not.toHaveProperty('eventId')
  })

  it('cuts a long seed to a one-line title of 200 and keeps all of it in the notes', () => {
    const seed = `${'很长的承诺 '.repeat(30)}\n${'x'.repeat(100)}`
    const met = encounter('e1', 'ada', ago(1), { seed })
    const promise = followUpsForEncounter(met, ada, NOW.toISOString())[1]!
    expect(promise.title.length).toBeLessThanOrEqual(200)
    expect(promise.title).not.toContain('\n')
    expect(promise.title.endsWith('…')).toBe(true)
    expect(promise.notes).toBe(seed.trim())
    expect(() => followUpSchema.parse(promise)).not.toThrow()
  })

  it('derives stable ids that stay valid for long encounter ids', () => {
    const long = 'e'.repeat(64)
    const met = encounter(long, 'ada', ago(1), { seed: 'Intro to Ben' })
    const first = followUpsForEncounter(met, ada, NOW.toISOString())
    const again = followUpsForEncounter(met, ada, ago(-1))
    expect(ids(first)).toEqual(ids(again))
    for (const f of first) expect(f.id.length).toBeLessThanOrEqual(64)
    expect(new Set(ids(first)).size).toBe(2)
  })

  it('refuses a contact the encounter is not with', () => {
    const met = encounter('e1', 'ben', ago(1))
    expect(() => followUpsForEncounter(met, ada, NOW.toISOString())).toThrow(/not with contact/)
  })
})

describe('cadenceFollowUps', () => {
  const close = (id: string, fields: object = {}) => contact(id, { tier: 'close', ...fields })

  it('creates the next touch when the last interaction is older than the cadence', () => {
    const data = store({
      contacts: [close('a')],
      encounters: [encounter('e1', 'a', ago(8))],
    })
    const [made, ...rest] = cadenceFollowUps(data, NOW)
    expect(rest).toEqual([])
    expect(made).toEqual(followUpSchema.parse(made))
    expect(made).toMatchObject({
      id: `cadence-a-${ago(1).slice(0, 10)}`,
      contactId: 'a',
      reason: 'cadence',
      status: 'open',
      title: 'Keep in touch',
      titleKind: 'cadence',
      // Overdue since yesterday: due now, not in the past.
      dueAt: NOW.toISOString(),
    })
  })

  it('creates it a day ahead, due when the cadence runs out, and not earlier', () => {
    const soon = store({ contacts: [close('a')], encounters: [encounter('e1', 'a', ago(6.5))] })
    expect(cadenceFollowUps(soon, NOW)[0]!.dueAt).toBe(ago(-0.5))
    const later = store({ contacts: [close('a')], encounters: [encounter('e1', 'a', ago(5))] })
    expect(cadenceFollowUps(later, NOW)).toEqual([])
  })

  it('uses the tier or the contact’s own cadence, and the card’s creation if never in touch', () => {
    const data = store({
      contacts: [
        contact('good', { tier: 'good' }),
        contact('own', { tier: 'good', cadenceDays: 90 }),
        contact('new', { tier: 'life', ...base('new', ago(15)) }),
        contact('outside'),
        contact('outsideOwn', { cadenceDays: 30 }),
        close('archived', { archived: true }),
      ],
      encounters: ['good', 'own', 'outside', 'outsideOwn', 'archived'].map((id) =>
        encounter(`e-${id}`, id, ago(40)),
      ),
    })
    // Longest overdue first.
    expect(cadenceFollowUps(data, NOW).map((f) => f.contactId)).toEqual([
      'good',
      'outsideOwn',
      'new',
    ])
  })

  it('leaves alone a contact who already has an open or snoozed follow-up', () => {
    const data = store({
      contacts: [close('open'), close('snoozed'), close('done')],
      encounters: ['open', 'snoozed', 'done'].map((id) => encounter(`e-${id}`, id, ago(30))),
      followUps: [
        followUp('f1', 'open', ago(-2), { reason: 'afterMeeting' }),
        followUp('f2', 'snoozed', ago(1), { status: 'snoozed', snoozedUntil: ago(-1) }),
        followUp('f3', 'done', ago(20), { status: 'done', doneAt: ago(20) }),
      ],
    })
    expect(cadenceFollowUps(data, NOW).map((f) => f.contactId)).toEqual(['done'])
  })

  it('counts a done follow-up as the last touch, so finishing one moves the next', () => {
    const data = store({
      contacts: [close('a')],
      encounters: [encounter('e1', 'a', ago(30))],
      followUps: [followUp('f1', 'a', ago(3), { status: 'done', doneAt: ago(3) })],
    })
    expect(cadenceFollowUps(data, NOW)).toEqual([])
    expect(cadenceFollowUps(data, new Date(NOW.getTime() + 4 * DAY))[0]!.dueAt).toBe(ago(-4))
  })

  it('creates nothing new when run again, and a dropped one stays dropped', () => {
    const data = store({ contacts: [close('a')], encounters: [encounter('e1', 'a', ago(10))] })
    const [made] = cadenceFollowUps(data, NOW)
    const dropped = { ...made!, status: 'dropped' as const }
    const after = store({ ...data, followUps: [dropped] })
    expect(cadenceFollowUps(after, NOW)).toEqual([])
    expect(cadenceFollowUps(after, new Date(NOW.getTime() + 5 * DAY))).toEqual([])
  })

  describe('important dates', () => {
    const withDates = (dates: { label: string; date: string }[], fields: object = {}) =>
      store({
        contacts: [contact('a', { tier: 'good', importantDates: dates, ...fields })],
        // Recently in touch, so only the dates speak.
        encounters: [encounter('e1', 'a', ago(1))],
      })

    it('creates one follow-up for a date in the next 7 days, due 09:00 on the day', () => {
      const birthday = `1990-${localDate(3).slice(5)}`
      const [made, ...rest] = cadenceFollowUps(
        withDates([{ label: 'Birthday', date: birthday }]),
        NOW,
      )
      expect(rest).toEqual([])
      expect(made).toEqual(followUpSchema.parse(made))
      const due = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 3, 9)
      expect(made).toMatchObject({
        id: `date-a-${birthday.slice(5)}-${NOW.getFullYear()}`,
        reason: 'importantDate',
        title: 'Birthday',
        dueAt: due.toISOString(),
      })
    })

    it('covers today and day 7, but not yesterday or day 8', () => {
      const dates = [-1, 0, 7, 8].map((days) => ({
        label: `Day ${days}`,
        date: `2000-${localDate(days).slice(5)}`,
      }))
      expect(cadenceFollowUps(withDates(dates), NOW).map((f) => f.title)).toEqual([
        'Day 0',
        'Day 7',
      ])
    })

    it('crosses the new year with the next year in the id', () => {
      const newYearsEve = new Date(2026, 11, 28, 12)
      const data = withDates([{ label: 'Name day', date: '1985-01-02' }])
      const [made] = cadenceFollowUps(data, newYearsEve)
      expect(made!.id).toBe('date-a-01-02-2027')
      expect(made!.dueAt).toBe(new Date(2027, 0, 2, 9).toISOString())
    })

    it('puts 29 February on the 28th in a common year', () => {
      const data = withDates([{ label: 'Birthday', date: '2000-02-29' }])
      const [made] = cadenceFollowUps(data, new Date(2027, 1, 25, 12))
      expect(made!.dueAt).toBe(new Date(2027, 1, 28, 9).toISOString())
      expect(made!.id).toBe('date-a-02-29-2027')
    })

    it('skips anniversaries before the date itself, people outside the cadence, the archived', () => {
      const nextYear = [
        { label: 'Wedding', date: `${NOW.getFullYear() + 1}${localDate(2).slice(4)}` },
      ]
      expect(cadenceFollowUps(withDates(nextYear), NOW)).toEqual([])
      // The big day itself, this year, is a date like any other.
      const thisYear = [{ label: 'Wedding', date: localDate(2) }]
      expect(cadenceFollowUps(withDates(thisYear), NOW).map((f) => f.title)).toEqual(['Wedding'])
      const soon = [{ label: 'Birthday', date: `1990-${localDate(2).slice(5)}` }]
      expect(cadenceFollowUps(withDates(soon, { tier: 'outside' }), NOW)).toEqual([])
      expect(cadenceFollowUps(withDates(soon, { archived: true }), NOW)).toEqual([])
    })

    it('makes one follow-up for two dates on the same day', () => {
      const day = localDate(2).slice(5)
      const data = withDates([
        { label: 'Birthday', date: `1990-${day}` },
        { label: 'Wedding anniversary', date: `2015-${day}` },
      ])
      expect(cadenceFollowUps(data, NOW).map((f) => f.title)).toEqual([
        'Birthday, Wedding anniversary',
      ])
    })

    it('counts as the planned touch, so the cadence does not add another', () => {
      const data = store({
        contacts: [
          contact('a', {
            tier: 'close',
            importantDates: [{ label: 'Birthday', date: `1990-${localDate(2).slice(5)}` }],
          }),
        ],
        encounters: [encounter('e1', 'a', ago(30))],
      })
      expect(cadenceFollowUps(data, NOW).map((f) => f.reason)).toEqual(['importantDate'])
    })
  })
})

describe('applyFollowUpRules', () => {
  it('puts the missing follow-ups through the store once', async () => {
    const data = store({
      contacts: [
        contact('a', { tier: 'close' }),
        contact('b', {
          tier: 'good',
          importantDates: [{ label: 'Birthday', date: `1990-${localDate(1).slice(5)}` }],
        }),
      ],
      encounters: [encounter('e1', 'a', ago(9)), encounter('e2', 'b', ago(2))],
    })
    const db = await open(await tempDir(), { initialData: () => data })
    const clock = { now: () => new Date(NOW.getTime() + 1000) }
    expect(await db.update((tx) => applyFollowUpRules(tx, NOW, clock))).toBe(2)
    expect(await db.update((tx) => applyFollowUpRules(tx, NOW, clock))).toBe(0)
    const made = db.read().followUps
    expect(made.map((f) => f.reason).sort()).toEqual(['cadence', 'importantDate'])
    for (const f of made) expect(f.createdAt).toBe(clock.now().toISOString())
    await db.close()
  })
})

describe('queueOf', () => {
  it('buckets open and snoozed follow-ups by their effective due time, soonest first', () => {
    const nowMs = NOW.getTime()
    const data = store({
      contacts: [contact('a', { name: 'Ada' })],
      followUps: [
        followUp('later', 'a', at(nowMs + 3 * DAY)),
        followUp('done', 'a', at(nowMs - DAY), { status: 'done', doneAt: at(nowMs) }),
        followUp('dropped', 'a', at(nowMs - DAY), { status: 'dropped' }),
        followUp('late', 'a', at(nowMs - HOUR)),
        followUp('now', 'a', at(nowMs)),
        followUp('snoozed', 'a', at(nowMs - 2 * HOUR), {
          status: 'snoozed',
          snoozedUntil: at(nowMs + 2 * HOUR),
        }),
        followUp('soon', 'a', at(nowMs + HOUR)),
        followUp('edge', 'a', at(nowMs + DAY)),
        followUp('orphan', 'gone', at(nowMs - 3 * HOUR)),
      ],
    })
    const queue = queueOf(data, NOW)
    expect(ids(queue.overdue)).toEqual(['orphan', 'late', 'now'])
    expect(ids(queue.next24h)).toEqual(['soon', 'snoozed'])
    expect(ids(queue.upcoming)).toEqual(['edge', 'later'])
    expect(queue.overdue.map((f) => f.contactName)).toEqual(['', 'Ada', 'Ada'])
    // The view keeps the stored times.
    expect(queue.next24h[1]!.dueAt).toBe(at(nowMs - 2 * HOUR))
  })
})

describe('habitFigures', () => {
  it('measures after-meeting follow-ups done within 24 hours, over 30 and 90 days and by event', () => {
    const done = (id: string, enc: string | undefined, created: string, doneAt: string) =>
      followUp(id, 'a', created, {
        reason: 'afterMeeting',
        status: 'done',
        doneAt,
        createdAt: created,
        ...(enc ? { encounterId: enc } : {}),
      })
    const data = store({
      contacts: [contact('a')],
      events: [event('old', 'Old summit', ago(60)), event('new', 'New meetup', ago(5))],
      encounters: [
        encounter('e1', 'a', ago(5), { eventId: 'new' }),
        encounter('e2', 'a', ago(5), { eventId: 'new' }),
        encounter('e3', 'a', ago(60), { eventId: 'old' }),
      ],
      followUps: [
        // Logged an hour after the conversation; done 23 hours after it: in time.
        done('f1', 'e1', ago(5 - 1 / 24), ago(5 - 23 / 24)),
        done('f2', 'e2', ago(5), ago(3)),
        done('f3', 'e3', ago(60), ago(59.5)),
        // No encounter: counted from its creation.
        done('f4', undefined, ago(40), ago(39.9)),
        followUp('open', 'a', ago(1), { reason: 'afterMeeting', encounterId: 'e1' }),
        followUp('promise', 'a', ago(5), { reason: 'promise', status: 'done', doneAt: ago(5) }),
        done('ancient', undefined, ago(200), ago(199)),
      ],
    })
    const figures = habitFigures(data, NOW)
    expect(figures.last30).toEqual({ done: 2, within24h: 1, share: 0.5 })
    expect(figures.last90).toEqual({ done: 4, within24h: 3, share: 0.75 })
    expect(figures.byEvent).toEqual([
      { eventId: 'new', name: 'New meetup', rate: { done: 2, within24h: 1, share: 0.5 } },
      { eventId: 'old', name: 'Old summit', rate: { done: 1, within24h: 1, share: 1 } },
    ])
    expect(habitFigures(store({}), NOW)).toEqual({
      last30: { done: 0, within24h: 0, share: null },
      last90: { done: 0, within24h: 0, share: null },
      byEvent: [],
    })
  })
})

describe('snoozeUntil', () => {
  const local = (day: number, hour: number, minute = 0) => new Date(2026, 5, day, hour, minute)

  it('snoozes an hour', () => {
    expect(snoozeUntil('1h', NOW)).toEqual(new Date(NOW.getTime() + HOUR))
  })

  it('tonight is 20:00, or an hour from now from 19:00 on', () => {
    expect(snoozeUntil('tonight', local(15, 10))).toEqual(local(15, 20))
    expect(snoozeUntil('tonight', local(15, 18, 59))).toEqual(local(15, 20))
    expect(snoozeUntil('tonight', local(15, 19, 30))).toEqual(local(15, 20, 30))
    expect(snoozeUntil('tonight', local(15, 23, 30))).toEqual(local(16, 0, 30))
  })

  it('tomorrow is 09:00 the next day, or this morning in the small hours', () => {
    expect(snoozeUntil('tomorrow9', local(15, 10))).toEqual(local(16, 9))
    expect(snoozeUntil('tomorrow9', local(15, 23, 59))).toEqual(local(16, 9))
    expect(snoozeUntil('tomorrow9', local(16, 2))).toEqual(local(16, 9))
    expect(snoozeUntil('tomorrow9', local(16, 5))).toEqual(local(17, 9))
    expect(snoozeUntil('tomorrow9', local(30, 10))).toEqual(new Date(2026, 6, 1, 9))
  })

  it('next week is 09:00 on the next Monday, a full week on a Monday', () => {
    // 15 June 2026 is a Monday.
    expect(snoozeUntil('nextWeek', local(15, 8))).toEqual(local(22, 9))
    expect(snoozeUntil('nextWeek', local(20, 10))).toEqual(local(22, 9))
    expect(snoozeUntil('nextWeek', local(21, 23))).toEqual(local(22, 9))
    expect(snoozeUntil('nextWeek', local(17, 12))).toEqual(local(22, 9))
  })

  it('keeps 09:00 local across a daylight-saving change', () => {
    // The night of 28–29 March 2026 changes the clocks in Europe; any zone keeps 09:00 here.
    const morning = snoozeUntil('tomorrow9', new Date(2026, 2, 28, 12))
    expect([morning.getDate(), morning.getHours(), morning.getMinutes()]).toEqual([29, 9, 0])
  })

  it('can use a given zone instead of the process zone', () => {
    // 01:00 UTC is Monday 09:00 in Shanghai (+08:00) and Sunday 21:00 in New York (−04:00).
    const now = new Date('2026-06-15T01:00:00.000Z')
    expect(snoozeUntil('tonight', now, 'Asia/Shanghai').toISOString()).toBe(
      '2026-06-15T12:00:00.000Z',
    )
    expect(snoozeUntil('tomorrow9', now, 'Asia/Shanghai').toISOString()).toBe(
      '2026-06-16T01:00:00.000Z',
    )
    expect(snoozeUntil('nextWeek', now, 'Asia/Shanghai').toISOString()).toBe(
      '2026-06-22T01:00:00.000Z',
    )
    expect(snoozeUntil('tonight', now, 'America/New_York').toISOString()).toBe(
      '2026-06-15T02:00:00.000Z',
    )
    expect(snoozeUntil('tomorrow9', now, 'America/New_York').toISOString()).toBe(
      '2026-06-15T13:00:00.000Z',
    )
    expect(snoozeUntil('nextWeek', now, 'America/New_York').toISOString()).toBe(
      '2026-06-15T13:00:00.000Z',
    )
  })

  it('keeps 09:00 in a given zone across its daylight-saving change', () => {
    // Saturday noon in New York (−05:00); the clocks go forward that night (−04:00).
    const saturday = new Date('2026-03-07T17:00:00.000Z')
    expect(snoozeUntil('tomorrow9', saturday, 'America/New_York').toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    )
    // Sydney goes back an hour on 5 April 2026 (+11:00 to +10:00).
    const sydney = new Date('2026-04-04T02:00:00.000Z')
    expect(snoozeUntil('tomorrow9', sydney, 'Australia/Sydney').toISOString()).toBe(
      '2026-04-04T23:00:00.000Z',
    )
  })
})
