import { describe, expect, it } from 'vitest'
import {
  contactSchema,
  emptyStoreData,
  encounterSchema,
  eventSchema,
  followUpSchema,
  gatheringSchema,
  helpSchema,
  type StoreData,
} from '../../src/shared/model'
import {
  cadenceOf,
  CIRCLE_TARGETS,
  circleCounts,
  completeness,
  DEFAULT_CADENCE_DAYS,
  giveAskBalance,
  lastContactAt,
  overdueContacts,
  quarterlyReview,
  timeline,
  trust,
} from '../../src/main/core/contacts/cardInsights'

const NOW = new Date('2026-06-15T12:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000
/** An ISO time `days` before NOW. */
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString()

const base = (id: string, createdAt = ago(400)) => ({ id, createdAt, updatedAt: createdAt })
const contact = (id: string, fields: object = {}) =>
  contactSchema.parse({ name: `Person ${id}`, ...base(id), ...fields })
const encounter = (id: string, contactId: string, at: string, fields: object = {}) =>
  encounterSchema.parse({ ...base(id, at), contactId, at, ...fields })
const followUp = (id: string, contactId: string, dueAt: string, doneAt?: string) =>
  followUpSchema.parse({ ...base(id, dueAt), contactId, title: `Follow up ${id}`, dueAt, doneAt })
const help = (id: string, contactId: string, at: string, direction: 'given' | 'asked') =>
  helpSchema.parse({ ...base(id, at), contactId, at, direction, what: `Help ${id}` })

function store(parts: Partial<StoreData>): StoreData {
  return { ...emptyStoreData(), ...parts }
}

describe('cadence', () => {
  it('follows the tier unless the contact has its own', () => {
    expect(DEFAULT_CADENCE_DAYS).toEqual({ life: 14, close: 7, good: 30, outside: null })
    expect(cadenceOf(contact('a', { tier: 'close' }))).toBe(7)
    expect(cadenceOf(contact('a', { tier: 'good', cadenceDays: 90 }))).toBe(90)
    expect(cadenceOf(contact('a'))).toBeNull()
    expect(cadenceOf(contact('a', { cadenceDays: 60 }))).toBe(60)
  })
})

describe('completeness', () => {
  it('lists every missing essential of a bare card', () => {
    expect(completeness(contact('a'))).toEqual({
      score: 0,
      missing: [
        'photo',
        'organization',
        'role',
        'whatTheyDo',
        'challenges',
        'canOffer',
        'seed',
        'reach',
        'firstMet',
        'tier',
      ],
    })
  })

  it('counts a full card as complete, and any one way to reach them as enough', () => {
    const full = contact('a', {
      photo: 'abc123',
      organization: 'Acme',
      role: 'CTO',
      whatTheyDo: 'Builds engines',
      challenges: 'Hiring',
      canOffer: 'Introductions',
      seed: 'Send the paper on looms',
      bestWayToReach: 'WeChat',
      firstMet: { place: 'Summit' },
      influence: 'strong',
    })
    expect(completeness(full)).toEqual({ score: 1, missing: [] })
    const partial = { ...full, bestWayToReach: '', photo: undefined, tier: 'outside' as const }
    expect(completeness(partial).missing).toEqual(['photo', 'reach'])
    expect(completeness(partial).score).toBeCloseTo(0.8)
  })
})

describe('trust', () => {
  it('is deep after a year of monthly contact with real exchanges', () => {
    const encounters = Array.from({ length: 12 }, (_, i) =>
      encounter(`e${i}`, 'a', ago(10 + i * 30), { deep: i < 2 }),
    )
    const data = store({
      contacts: [contact('a', { firstMet: { date: '2024-06-15' } })],
      encounters,
      followUps: [followUp('f1', 'a', ago(40), ago(39)), followUp('f2', 'a', ago(5))],
      helps: [help('h1', 'a', ago(100), 'given')],
    })
    expect(trust(data, 'a', NOW)).toEqual({
      lengthDays: 730,
      interactions: 14,
      perMonth: 14 / 12,
      deep: 3,
      level: 'deep',
    })
  })

  it('is new for someone met last week, judged on the time known', () => {
    const data = store({
      contacts: [contact('a', base('a', ago(7)))],
      encounters: [encounter('e1', 'a', ago(7))],
    })
    const result = trust(data, 'a', NOW)
    // One meeting is judged over at least a quarter: not yet a monthly habit.
    expect(result).toMatchObject({ lengthDays: 7, interactions: 1, perMonth: 1 / 3, level: 'new' })
    const often = store({
      contacts: [contact('a', base('a', ago(20)))],
      encounters: [1, 5, 10, 15].map((d) => encounter(`e${d}`, 'a', ago(d), { deep: d < 15 })),
    })
    expect(trust(often, 'a', NOW)).toMatchObject({ perMonth: 4 / 3, deep: 3, level: 'solid' })
    const none = store({ contacts: [contact('b', base('b', ago(3)))] })
    expect(trust(none, 'b', NOW)).toEqual({
      lengthDays: 3,
      interactions: 0,
      perMonth: 0,
      deep: 0,
      level: 'new',
    })
  })

  it('starts at the earliest known meeting, and has no length before we meet', () => {
    const data = store({
      contacts: [
        contact('a', { firstMet: { date: '2026-01-01' } }),
        contact('b', { firstMet: { date: '2026-07-01' } }),
      ],
      encounters: [encounter('e1', 'a', '2025-12-01T00:00:00.000Z')],
    })
    expect(trust(data, 'a', NOW).lengthDays).toBe(196)
    expect(trust(data, 'b', NOW).lengthDays).toBeNull()
    expect(() => trust(data, 'nobody', NOW)).toThrow(/nobody/)
  })
})

describe('last contact and overdue contacts', () => {
  const data = store({
    contacts: [
      contact('close', { tier: 'close' }),
      contact('good', { tier: 'good' }),
      contact('life', { tier: 'life', ...base('life', ago(20)) }),
      contact('outside'),
      contact('own', { cadenceDays: 10 }),
      contact('archived', { tier: 'close', archived: true }),
      contact('helped', { tier: 'close' }),
    ],
    encounters: [
      encounter('e1', 'close', ago(30)),
      encounter('e2', 'close', ago(10)),
      encounter('e3', 'good', ago(20)),
      encounter('e4', 'own', ago(15)),
    ],
    followUps: [
      followUp('f1', 'good', ago(2)),
      followUp('f2', 'helped', ago(9), ago(8)),
      followUp('f3', 'close', ago(1)),
    ],
    helps: [help('h1', 'helped', ago(3), 'given')],
  })

  it('takes the latest encounter, done follow-up or help', () => {
    expect(lastContactAt(data, 'close')).toBe(ago(10))
    // An open follow-up is not contact yet.
    expect(lastContactAt(data, 'good')).toBe(ago(20))
    expect(lastContactAt(data, 'helped')).toBe(ago(3))
    expect(lastContactAt(data, 'outside')).toBeNull()
  })

  it('lists people past their cadence, longest overdue first', () => {
    expect(overdueContacts(data, NOW)).toEqual([
      // Never contacted: counted from when the card was made.
      { contactId: 'life', dueSince: ago(6), cadenceDays: 14 },
      { contactId: 'own', dueSince: ago(5), cadenceDays: 10 },
      { contactId: 'close', dueSince: ago(3), cadenceDays: 7 },
    ])
  })
})

describe('circle and balance', () => {
  it('counts active contacts per tier', () => {
    const contacts = [
      contact('a', { tier: 'life' }),
      contact('b', { tier: 'close' }),
      contact('c', { tier: 'close' }),
      contact('d', { tier: 'close', archived: true }),
      contact('e'),
    ]
    expect(circleCounts(contacts)).toEqual({ life: 1, close: 2, good: 0, outside: 1 })
    expect(CIRCLE_TARGETS).toEqual({ life: 5, close: 50, good: 100 })
  })

  it('balances help given against help asked', () => {
    const data = store({
      helps: [
        help('h1', 'a', ago(1), 'given'),
        help('h2', 'a', ago(2), 'given'),
        help('h3', 'a', ago(3), 'given'),
        help('h4', 'a', ago(4), 'asked'),
        help('h5', 'a', ago(5), 'asked'),
        help('h6', 'b', ago(6), 'given'),
      ],
    })
    expect(giveAskBalance(data, 'a')).toEqual({ given: 3, asked: 2, ratio: 1.5 })
    expect(giveAskBalance(data, 'b')).toEqual({ given: 1, asked: 0, ratio: null })
    expect(giveAskBalance(data)).toEqual({ given: 4, asked: 2, ratio: 2 })
  })
})

describe('timeline', () => {
  it('lists everything with the contact, newest first', () => {
    const data = store({
      contacts: [contact('a', base('a', '2026-01-01T00:00:00.000Z')), contact('b')],
      events: [
        eventSchema.parse({
          ...base('ev1'),
          name: 'Summit',
          startsAt: '2026-02-01T09:00:00.000+08:00',
          timeZone: 'Asia/Shanghai',
          targets: [{ contactId: 'a', rank: 1 }],
        }),
        eventSchema.parse({
          ...base('ev2'),
          name: 'Other',
          startsAt: '2026-02-02T09:00:00.000Z',
          timeZone: 'UTC',
        }),
      ],
      encounters: [
        encounter('e1', 'a', '2026-02-01T03:00:00.000Z', {
          eventId: 'ev1',
          deep: true,
          seed: 'A job lead',
        }),
        encounter('e2', 'b', '2026-02-01T04:00:00.000Z'),
      ],
      followUps: [followUp('f1', 'a', '2026-02-02T03:00:00.000Z', '2026-02-01T20:00:00.000Z')],
      gatherings: [
        gatheringSchema.parse({
          ...base('g1'),
          title: 'Dinner',
          startsAt: '2026-03-01T19:00:00.000Z',
          timeZone: 'UTC',
          attendees: [{ contactId: 'a' }, { contactId: 'b' }],
        }),
      ],
      helps: [help('h1', 'a', '2026-04-01T00:00:00.000Z', 'given')],
    })
    expect(timeline(data, 'a')).toEqual([
      {
        kind: 'help',
        at: '2026-04-01T00:00:00.000Z',
        id: 'h1',
        direction: 'given',
        what: 'Help h1',
      },
      { kind: 'gathering', at: '2026-03-01T19:00:00.000Z', id: 'g1', title: 'Dinner' },
      {
        kind: 'followUp',
        at: '2026-02-01T20:00:00.000Z',
        id: 'f1',
        title: 'Follow up f1',
        dueAt: '2026-02-02T03:00:00.000Z',
        doneAt: '2026-02-01T20:00:00.000Z',
        promise: false,
      },
      {
        kind: 'encounter',
        at: '2026-02-01T03:00:00.000Z',
        id: 'e1',
        eventId: 'ev1',
        deep: true,
        seed: 'A job lead',
        answers: {
          howCanIHelp: '',
          theirAdvice: '',
          whomShouldTheyMeet: '',
          whomShouldIMeet: '',
          seed: 'A job lead',
        },
      },
      // 09:00 in Shanghai is 01:00 UTC, before the conversation.
      {
        kind: 'event',
        at: '2026-02-01T09:00:00.000+08:00',
        id: 'ev1',
        name: 'Summit',
        roles: ['target', 'metAt'],
      },
      { kind: 'created', at: '2026-01-01T00:00:00.000Z', id: 'a' },
    ])
  })
})

describe('quarterlyReview', () => {
  it('finds slipping people, tiers off target, thin ecosystems and who to move', () => {
    const life = Array.from({ length: 7 }, (_, i) =>
      contact(`life${i}`, { tier: 'life', ecosystem: 'work', closeness: 'close' }),
    )
    const data = store({
      contacts: [
        ...life,
        contact('close1', {
          tier: 'close',
          ecosystem: 'work',
          influence: 'weak',
          closeness: 'distant',
        }),
        contact('close2', { tier: 'close', ecosystem: 'media' }),
        contact('good1', { tier: 'good', ecosystem: 'work' }),
        contact('strong', { influence: 'strong' }),
        contact('busy'),
        contact('quiet'),
        contact('archivedStrong', { influence: 'strong', archived: true }),
      ],
      // The life friends and close1 were all seen yesterday; the rest never.
      encounters: [
        ...life.map((c, i) => encounter(`le${i}`, c.id, ago(1))),
        encounter('c1', 'close1', ago(1)),
        encounter('b1', 'busy', ago(10)),
        encounter('b2', 'busy', ago(40)),
        encounter('b3', 'busy', ago(80)),
        encounter('b4', 'quiet', ago(10)),
        encounter('b5', 'quiet', ago(200)),
      ],
    })
    const review = quarterlyReview(data, NOW)
    expect(review.slipping.map((s) => s.contactId)).toEqual(['close2', 'good1'])
    expect(review.circle).toEqual([
      { tier: 'life', count: 7, target: 5, status: 'over' },
      { tier: 'close', count: 2, target: 50, status: 'under' },
      { tier: 'good', count: 1, target: 100, status: 'under' },
    ])
    expect(review.ecosystems).toEqual([
      { ecosystem: 'interests', count: 0, thin: true },
      { ecosystem: 'work', count: 9, thin: false },
      { ecosystem: 'media', count: 1, thin: true },
      { ecosystem: 'finance', count: 0, thin: true },
      { ecosystem: 'community', count: 0, thin: true },
      { ecosystem: 'government', count: 0, thin: true },
    ])
    expect(review.moveIn).toEqual(['busy', 'strong'])
    // close1 is rated weak and distant; close2 and good1 have been silent for over twice their
    // cadence (counted from when their cards were made).
    expect(review.moveOut).toEqual(['close2', 'good1', 'close1'])
  })
})
