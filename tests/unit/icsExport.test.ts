import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import {
  IcsAutoExporter,
  escapeText,
  exportIcs,
  foldLine,
  sequenceOf,
  writeIcsFile,
  type IcsOptions,
} from '../../src/main/core/calendar/icsExport'
import { emptyStoreData } from '../../src/shared/model'
import type { Contact, FollowUp, Gathering, RapportEvent, StoreData } from '../../src/shared/model'
import { tempDir } from './helpers'

const NOW = new Date('2025-02-01T12:00:00.000Z')
const CREATED = '2025-01-01T00:00:00.000Z'

const OPTIONS: IcsOptions = {
  include: { followUps: true, events: true, gatherings: true },
  now: NOW,
  calendarName: 'Rapport',
  language: 'en',
  timeZone: 'Asia/Shanghai',
}

function contact(id: string, name: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    createdAt: CREATED,
    updatedAt: CREATED,
    name,
    organization: '',
    role: '',
    whatTheyDo: '',
    challenges: '',
    canOffer: '',
    theirAdvice: '',
    goals: '',
    seed: '',
    bestWayToReach: '',
    assistantName: '',
    phones: [],
    emails: [],
    links: [],
    mutualIds: [],
    importantDates: [],
    family: '',
    interests: [],
    ecosystem: 'work',
    tags: [],
    notes: '',
    influence: 'medium',
    closeness: 'medium',
    tier: 'outside',
    archived: false,
    ...fields,
  } as Contact
}

function followUp(id: string, fields: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    createdAt: CREATED,
    updatedAt: CREATED,
    contactId: 'c1',
    title: 'Send the article',
    dueAt: '2025-03-10T01:00:00.000Z', // 09:00 in Shanghai
    promise: false,
    notes: '',
    reason: 'afterMeeting',
    status: 'open',
    channel: '',
    doneNote: '',
    ...fields,
  }
}

function event(id: string, fields: Partial<RapportEvent> = {}): RapportEvent {
  return {
    id,
    createdAt: CREATED,
    updatedAt: CREATED,
    name: 'Open Source Summit',
    startsAt: '2025-03-12T01:30:00.000Z',
    endsAt: '2025-03-12T10:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    venue: 'Convention Centre',
    city: 'Shanghai',
    level: 'city',
    series: '',
    address: '',
    whyItMatters: '',
    keyContactIds: [],
    organiser: { organization: '', contactIds: [] },
    stretchesComfortZone: false,
    targets: [],
    people: [],
    checklist: [],
    url: '',
    notes: '',
    ...fields,
  }
}

function gathering(id: string, fields: Partial<Gathering> = {}): Gathering {
  return {
    id,
    createdAt: CREATED,
    updatedAt: CREATED,
    title: 'Founders dinner',
    startsAt: '2025-10-27T18:00:00.000Z',
    timeZone: 'Europe/Berlin',
    venue: 'Mitte',
    durationMinutes: 180,
    bill: { mode: 'own', items: [], settledIds: [] },
    attendees: [],
    tables: [{ shape: 'long', seatsPerSide: 8 }],
    seating: [],
    constraints: [],
    outcomes: { connectedPairs: [], secondMeetings: [], notes: '' },
    notes: '',
    ...fields,
  }
}

function store(parts: Partial<StoreData>): StoreData {
  return { ...emptyStoreData(), ...parts }
}

/** A store with one of everything, in three zones. */
function sample(): StoreData {
  return store({
    contacts: [contact('c1', 'Ada Chen'), contact('c2', '王小明')],
    followUps: [
      followUp('f1'),
      followUp('f2', { contactId: 'c2', title: '发送我们讨论过的文章', careKind: 'share' }),
    ],
    events: [
      event('e1'),
      event('e2', {
        name: 'NYC Meetup',
        startsAt: '2025-03-10T13:00:00.000Z',
        endsAt: '2025-03-10T15:00:00.000Z',
        timeZone: 'America/New_York',
      }),
    ],
    gatherings: [gathering('g1')],
  })
}

/** Parses with ical.js, registering the file's own VTIMEZONEs first so TZIDs resolve to them. */
function parse(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return calendar
}

const vevents = (calendar: ICAL.Component) => calendar.getAllSubcomponents('vevent')
const byUid = (calendar: ICAL.Component, uid: string) =>
  vevents(calendar).find((v) => v.getFirstPropertyValue('uid') === uid)!
const uids = (calendar: ICAL.Component) =>
  vevents(calendar).map((v) => String(v.getFirstPropertyValue('uid')))
const unix = (time: unknown) => (time as ICAL.Time).toUnixTime()
const seconds = (iso: string) => Date.parse(iso) / 1000

/** The offset Intl (the runtime's tz database) gives `zone` at `instant`, in minutes. */
function intlOffsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    timeZoneName: 'longOffset',
  }).formatToParts(instant)
  const name = parts.find((part) => part.type === 'timeZoneName')!.value // "GMT-04:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

describe('exportIcs: calendar structure', () => {
  const text = exportIcs(sample(), OPTIONS)
  const calendar = parse(text)

  it('writes VERSION, PRODID, METHOD:PUBLISH and X-WR-CALNAME', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Rapport')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rapport')
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/)
  })

  it('ends every line with CRLF', () => {
    expect(text).not.toMatch(/[^\r]\n/)
    expect(text).not.toMatch(/\r[^\n]/)
  })

  it('gives every VEVENT a UID, SEQUENCE, DTSTAMP (the export time) and DTSTART', () => {
    expect(vevents(calendar)).toHaveLength(5)
    for (const vevent of vevents(calendar)) {
      expect(String(vevent.getFirstPropertyValue('uid'))).toMatch(
        /^(followup|event|gathering)-[^@]+@rapport\.local$/,
      )
      expect(vevent.getFirstPropertyValue('sequence')).toBe(0)
      expect(unix(vevent.getFirstPropertyValue('dtstamp'))).toBe(NOW.getTime() / 1000)
      expect(vevent.getFirstProperty('dtstamp')!.toICALString()).toBe('DTSTAMP:20250201T120000Z')
      expect(vevent.getFirstProperty('dtstart')).toBeTruthy()
    }
  })

  it('uses stable UIDs made of kind and id', () => {
    expect(uids(calendar)).toEqual([
      'followup-f1@rapport.local',
      'followup-f2@rapport.local',
      'event-e1@rapport.local',
      'event-e2@rapport.local',
      'gathering-g1@rapport.local',
    ])
  })

  it('writes no ATTENDEE (PUBLISH with attendees would send invitations)', () => {
    expect(text).not.toMatch(/^ATTENDEE/m)
    for (const vevent of vevents(calendar)) expect(vevent.getAllProperties('attendee')).toEqual([])
  })

  it('embeds one VTIMEZONE for each TZID used, and none unused', () => {
    const used = new Set<string>()
    for (const vevent of vevents(calendar)) {
      for (const property of vevent.getAllProperties()) {
        const tzid = property.getParameter('tzid')
        if (typeof tzid === 'string') used.add(tzid)
      }
    }
    const zones = calendar
      .getAllSubcomponents('vtimezone')
      .map((zone) => String(zone.getFirstPropertyValue('tzid')))
    expect(used).toEqual(new Set(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin']))
    expect([...zones].sort()).toEqual([...used].sort())
    expect(new Set(zones).size).toBe(zones.length)
  })

  it('makes follow-ups 30-minute, transparent events in the user zone, worded by language', () => {
    const f1 = byUid(calendar, 'followup-f1@rapport.local')
    expect(f1.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai')
    expect(f1.getFirstProperty('dtstart')!.toICALString()).toBe(
      'DTSTART;TZID=Asia/Shanghai:20250310T090000',
    )
    expect(unix(f1.getFirstPropertyValue('dtstart'))).toBe(seconds('2025-03-10T01:00:00Z'))
    expect(unix(f1.getFirstPropertyValue('dtend'))).toBe(seconds('2025-03-10T01:30:00Z'))
    expect(f1.getFirstPropertyValue('summary')).toBe('Follow up: Ada Chen — Send the article')
    expect(f1.getFirstPropertyValue('transp')).toBe('TRANSPARENT')

    const zh = parse(exportIcs(sample(), { ...OPTIONS, language: 'zh-CN' }))
    const f2 = byUid(zh, 'followup-f2@rapport.local')
    expect(f2.getFirstPropertyValue('summary')).toBe('跟进：王小明 — 发送我们讨论过的文章')
    expect(f2.getFirstPropertyValue('description')).toBe('见面后 · 分享')
  })

  it('words the titles Rapport generated in the calendar’s language, and typed ones as typed', () => {
    const data = store({
      contacts: [contact('c2', '王小明')],
      followUps: [
        followUp('g1', {
          contactId: 'c2',
          title: 'Thank and follow up',
          titleKind: 'afterMeeting',
        }),
        followUp('g2', { contactId: 'c2', title: 'Keep in touch', titleKind: 'cadence' }),
        followUp('t1', { contactId: 'c2', title: 'Keep in touch' }),
      ],
    })
    const zh = parse(exportIcs(data, { ...OPTIONS, language: 'zh-CN' }))
    const summary = (id: string) =>
      byUid(zh, `followup-${id}@rapport.local`).getFirstPropertyValue('summary')
    expect(summary('g1')).toBe('跟进：王小明 — 道谢并跟进')
    expect(summary('g2')).toBe('跟进：王小明 — 保持联系')
    expect(summary('t1')).toBe('跟进：王小明 — Keep in touch')
    const en = parse(exportIcs(data, OPTIONS))
    expect(byUid(en, 'followup-g1@rapport.local').getFirstPropertyValue('summary')).toBe(
      'Follow up: 王小明 — Thank and follow up',
    )
  })

  it('gives events and gatherings a display alarm 10 minutes before the start, and follow-ups none', () => {
    for (const uid of ['event-e1', 'event-e2', 'gathering-g1']) {
      const alarms = byUid(calendar, `${uid}@rapport.local`).getAllSubcomponents('valarm')
      expect(alarms).toHaveLength(1)
      const alarm = alarms[0]!
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
      expect(alarm.getFirstProperty('trigger')!.toICALString()).toBe('TRIGGER:-PT10M')
      expect((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-600)
      expect(String(alarm.getFirstPropertyValue('description'))).not.toBe('')
    }
    expect(byUid(calendar, 'followup-f1@rapport.local').getAllSubcomponents('valarm')).toEqual([])
  })

  it('writes events and gatherings in their own zone', () => {
    const e1 = byUid(calendar, 'event-e1@rapport.local')
    expect(e1.getFirstProperty('dtstart')!.toICALString()).toBe(
      'DTSTART;TZID=Asia/Shanghai:20250312T093000',
    )
    expect(unix(e1.getFirstPropertyValue('dtend'))).toBe(seconds('2025-03-12T10:00:00Z'))
    expect(e1.getFirstPropertyValue('location')).toBe('Convention Centre, Shanghai')
    const g1 = byUid(calendar, 'gathering-g1@rapport.local')
    expect(g1.getFirstProperty('dtstart')!.toICALString()).toBe(
      'DTSTART;TZID=Europe/Berlin:20251027T190000',
    )
    // A dinner lasts its duration (three hours unless changed), so calendars show 19:00–22:00.
    expect(g1.getFirstProperty('dtend')!.toICALString()).toBe(
      'DTEND;TZID=Europe/Berlin:20251027T220000',
    )
  })
})

describe('exportIcs: times across daylight-saving changes', () => {
  // 09:00 local just after each change, and the same wall time just before it.
  const cases = [
    { zone: 'America/New_York', at: '2025-03-10T13:00:00Z', wall: '20250310T090000', offset: -240 },
    { zone: 'America/New_York', at: '2025-03-07T14:00:00Z', wall: '20250307T090000', offset: -300 },
    { zone: 'Europe/Berlin', at: '2025-10-27T08:00:00Z', wall: '20251027T090000', offset: 60 },
    { zone: 'Europe/Berlin', at: '2025-10-24T07:00:00Z', wall: '20251024T090000', offset: 120 },
  ]

  it.each(cases)('09:00 in $zone on $wall is $at', ({ zone, at, wall, offset }) => {
    // The expected instant agrees with the runtime's own tz database.
    expect(intlOffsetMinutes(zone, Date.parse(at))).toBe(offset)
    const data = store({
      events: [event('e', { startsAt: at, endsAt: undefined, timeZone: zone })],
    })
    const text = exportIcs(data, OPTIONS)
    expect(text).toContain(`DTSTART;TZID=${zone}:${wall}\r\n`)
    const calendar = parse(text)
    const start = byUid(calendar, 'event-e@rapport.local').getFirstPropertyValue('dtstart')
    // ical.js resolves the TZID with the VTIMEZONE embedded in the file, as Outlook does.
    expect((start as ICAL.Time).zone!.tzid).toBe(zone)
    expect(unix(start)).toBe(seconds(at))
  })

  it('keeps a 30-minute follow-up 30 minutes long across the spring-forward gap', () => {
    // 01:45 EST on 9 March 2025; 30 minutes later the clocks read 03:15 EDT.
    const data = store({ followUps: [followUp('f', { dueAt: '2025-03-09T06:45:00Z' })] })
    const text = exportIcs(data, { ...OPTIONS, timeZone: 'America/New_York' })
    expect(text).toContain('DTSTART;TZID=America/New_York:20250309T014500\r\n')
    expect(text).toContain('DTEND;TZID=America/New_York:20250309T031500\r\n')
    const vevent = byUid(parse(text), 'followup-f@rapport.local')
    expect(unix(vevent.getFirstPropertyValue('dtstart'))).toBe(seconds('2025-03-09T06:45:00Z'))
    expect(unix(vevent.getFirstPropertyValue('dtend'))).toBe(seconds('2025-03-09T07:15:00Z'))
  })

  it('writes a zone whose rules changed with its current rules', () => {
    // Mexico dropped daylight saving in 2022; rule sets packaged before then (tzdata 2018g,
    // which the export once shipped) still have it, and would put this at 10:00.
    const data = store({
      events: [event('e', { startsAt: '2025-06-10T15:00:00Z', timeZone: 'America/Mexico_City' })],
    })
    const text = exportIcs(data, OPTIONS)
    expect(text).toContain('DTSTART;TZID=America/Mexico_City:20250610T090000\r\n')
    expect(text).toContain('TZID:America/Mexico_City')
    expect(text).not.toContain('TZOFFSETTO:-0500')
    const start = byUid(parse(text), 'event-e@rapport.local').getFirstPropertyValue('dtstart')
    expect((start as ICAL.Time).zone!.tzid).toBe('America/Mexico_City')
    expect(unix(start)).toBe(seconds('2025-06-10T15:00:00Z'))
  })

  it('writes an instant in a repeated hour in UTC, which clients cannot misread', () => {
    // New York falls back at 02:00 EDT on 1 November 2026: 01:30 happens at 05:30Z and 06:30Z.
    // RFC 5545 reads 01:30 as the first, ical.js as the second: either way one would be wrong.
    const data = store({
      events: [
        event('first', { startsAt: '2026-11-01T05:30:00Z', endsAt: '2026-11-01T09:00:00Z' }),
        event('second', { startsAt: '2026-11-01T06:30:00Z', endsAt: '2026-11-01T09:00:00Z' }),
        event('after', { startsAt: '2026-11-01T07:00:00Z', endsAt: '2026-11-01T09:00:00Z' }),
      ].map((e) => ({ ...e, timeZone: 'America/New_York' })),
    })
    const text = exportIcs(data, OPTIONS)
    expect(text).toContain('DTSTART:20261101T053000Z\r\nDTEND:20261101T090000Z\r\n')
    expect(text).toContain('DTSTART:20261101T063000Z\r\nDTEND:20261101T090000Z\r\n')
    // 02:00 EST, the first time after the repeated hour, happens once.
    expect(text).toContain('DTSTART;TZID=America/New_York:20261101T020000\r\n')
    const calendar = parse(text)
    for (const [id, at] of [
      ['first', '2026-11-01T05:30:00Z'],
      ['second', '2026-11-01T06:30:00Z'],
      ['after', '2026-11-01T07:00:00Z'],
    ] as const) {
      const start = byUid(calendar, `event-${id}@rapport.local`).getFirstPropertyValue('dtstart')
      expect(unix(start)).toBe(seconds(at))
    }
  })

  it('writes UTC for a zone it does not know, and for UTC itself', () => {
    const data = store({
      events: [
        event('a', { startsAt: '2025-06-10T15:00:00Z', timeZone: 'Mars/Olympus_Mons' }),
        event('b', { startsAt: '2025-06-10T15:00:00Z', timeZone: 'Etc/UTC' }),
      ],
    })
    const text = exportIcs(data, OPTIONS)
    expect(text.match(/DTSTART:20250610T150000Z\r\n/g)).toHaveLength(2)
    expect(text).not.toContain('TZID')
    expect(() => parse(text)).not.toThrow()
  })
})

describe('exportIcs: all-day follow-ups', () => {
  it('writes a follow-up due at local midnight as VALUE=DATE with the next day as DTEND', () => {
    // Midnight in Shanghai is 16:00 UTC the day before.
    const data = store({ followUps: [followUp('f', { dueAt: '2025-03-09T16:00:00.000Z' })] })
    const text = exportIcs(data, OPTIONS)
    expect(text).toContain('DTSTART;VALUE=DATE:20250310\r\n')
    expect(text).toContain('DTEND;VALUE=DATE:20250311\r\n')
    const vevent = byUid(parse(text), 'followup-f@rapport.local')
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time
    expect(start.isDate).toBe(true)
    expect(end.isDate).toBe(true)
    expect(start.toString()).toBe('2025-03-10')
    expect(end.toString()).toBe('2025-03-11')
  })

  it('makes important dates all-day unless snoozed to a later time', () => {
    const birthday = followUp('b', { reason: 'importantDate', dueAt: '2025-12-31T01:00:00.000Z' })
    const snoozed = followUp('s', {
      reason: 'importantDate',
      dueAt: '2025-03-10T01:00:00.000Z',
      snoozedUntil: '2025-03-10T06:00:00.000Z',
      status: 'snoozed',
    })
    const text = exportIcs(store({ followUps: [birthday, snoozed] }), OPTIONS)
    // The year rolls over in the exclusive end.
    expect(text).toContain('DTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260101\r\n')
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20250310T140000\r\n')
  })
})

describe('exportIcs: which follow-ups, when', () => {
  it('exports open and snoozed follow-ups at max(dueAt, snoozedUntil), never done or dropped', () => {
    const data = store({
      followUps: [
        followUp('open'),
        followUp('snoozed', { status: 'snoozed', snoozedUntil: '2025-03-11T02:00:00.000Z' }),
        followUp('earlier', { status: 'snoozed', snoozedUntil: '2025-03-01T02:00:00.000Z' }),
        followUp('done', { status: 'done', doneAt: '2025-03-10T02:00:00.000Z' }),
        followUp('dropped', { status: 'dropped' }),
      ],
    })
    const calendar = parse(exportIcs(data, OPTIONS))
    expect(uids(calendar)).toEqual([
      'followup-open@rapport.local',
      'followup-snoozed@rapport.local',
      'followup-earlier@rapport.local',
    ])
    const start = (uid: string) => unix(byUid(calendar, uid).getFirstPropertyValue('dtstart'))
    expect(start('followup-snoozed@rapport.local')).toBe(seconds('2025-03-11T02:00:00Z'))
    expect(start('followup-earlier@rapport.local')).toBe(seconds('2025-03-10T01:00:00Z'))
  })

  it('puts follow-ups in the system zone when no zone is given', () => {
    const system = Intl.DateTimeFormat().resolvedOptions().timeZone
    const text = exportIcs(store({ followUps: [followUp('f')] }), {
      ...OPTIONS,
      timeZone: undefined,
    })
    const start = byUid(parse(text), 'followup-f@rapport.local').getFirstProperty('dtstart')!
    const utc = /^(Etc\/)?(UTC|GMT|Unknown)$/.test(system)
    expect(start.getParameter('tzid') ?? 'UTC').toBe(utc ? 'UTC' : system)
    expect(unix(start.getFirstValue())).toBe(seconds('2025-03-10T01:00:00Z'))
  })

  it('titles a follow-up without its contact by its own title', () => {
    const data = store({ followUps: [followUp('f', { contactId: 'gone' })] })
    expect(
      parse(exportIcs(data, OPTIONS))
        .getAllSubcomponents('vevent')[0]!
        .getFirstPropertyValue('summary'),
    ).toBe('Follow up: Send the article')
  })
})

describe('exportIcs: include switches and date range', () => {
  it('leaves out what is switched off, with its VTIMEZONEs', () => {
    const only = (include: IcsOptions['include']) => exportIcs(sample(), { ...OPTIONS, include })
    const none = { followUps: false, events: false, gatherings: false }
    expect(uids(parse(only({ ...none, followUps: true })))).toEqual([
      'followup-f1@rapport.local',
      'followup-f2@rapport.local',
    ])
    expect(uids(parse(only({ ...none, events: true })))).toEqual([
      'event-e1@rapport.local',
      'event-e2@rapport.local',
    ])
    const gatherings = only({ ...none, gatherings: true })
    expect(uids(parse(gatherings))).toEqual(['gathering-g1@rapport.local'])
    expect(gatherings.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1)
    expect(gatherings).toContain('TZID:Europe/Berlin')
    const empty = only(none)
    expect(uids(parse(empty))).toEqual([])
    expect(empty).not.toContain('BEGIN:VTIMEZONE')
  })

  it('keeps items whose local days overlap the range, bounds included', () => {
    const data = store({
      followUps: [
        followUp('before', { dueAt: '2025-03-09T01:00:00.000Z' }),
        followUp('first', { dueAt: '2025-03-10T01:00:00.000Z' }),
        // 23:50 on the 20th in Shanghai (15:50 UTC): inside.
        followUp('last', { dueAt: '2025-03-20T15:50:00.000Z' }),
        // 00:10 on the 21st in Shanghai while still the 20th in UTC: outside.
        followUp('after', { dueAt: '2025-03-20T16:10:00.000Z' }),
      ],
      events: [
        // Starts before the range and ends inside it.
        event('spanning', { startsAt: '2025-03-08T01:00:00Z', endsAt: '2025-03-10T10:00:00Z' }),
      ],
    })
    const text = exportIcs(data, { ...OPTIONS, from: '2025-03-10', to: '2025-03-20' })
    expect(uids(parse(text))).toEqual([
      'followup-first@rapport.local',
      'followup-last@rapport.local',
      'event-spanning@rapport.local',
    ])
    expect(uids(parse(exportIcs(data, { ...OPTIONS, to: '2025-03-09' })))).toEqual([
      'followup-before@rapport.local',
      'event-spanning@rapport.local',
    ])
  })

  it('refuses a range bound that is not a date', () => {
    expect(() => exportIcs(sample(), { ...OPTIONS, from: 'next week' })).toThrow(RangeError)
  })
})

describe('exportIcs: UID and SEQUENCE across exports', () => {
  it('keeps every UID across two exports, whatever else changed', () => {
    const first = parse(exportIcs(sample(), OPTIONS))
    const data = sample()
    data.followUps[0] = {
      ...data.followUps[0]!,
      title: 'Changed',
      updatedAt: '2025-01-05T00:00:00Z',
    }
    data.events[0] = { ...data.events[0]!, startsAt: '2025-03-13T01:30:00.000Z' }
    const second = parse(
      exportIcs(data, { ...OPTIONS, now: new Date('2025-02-02T00:00:00Z'), language: 'zh-CN' }),
    )
    expect(uids(second)).toEqual(uids(first))
  })

  it('raises SEQUENCE when a record is edited and leaves the others alone', () => {
    const before = sample()
    const after = sample()
    after.followUps[1] = {
      ...after.followUps[1]!,
      title: 'Send the article and the slides',
      updatedAt: '2025-01-01T00:10:00.000Z',
    }
    after.events[1] = { ...after.events[1]!, updatedAt: '2025-01-03T00:00:00.000Z' }
    const sequences = (data: StoreData) =>
      Object.fromEntries(
        vevents(parse(exportIcs(data, OPTIONS))).map((v) => [
          v.getFirstPropertyValue('uid'),
          v.getFirstPropertyValue('sequence'),
        ]),
      )
    const [a, b] = [sequences(before), sequences(after)]
    expect(b['followup-f2@rapport.local']).toBe(600)
    expect(b['event-e2@rapport.local']).toBe(2 * 86_400)
    expect(b['followup-f2@rapport.local']).toBeGreaterThan(a['followup-f2@rapport.local'])
    expect(b['followup-f1@rapport.local']).toBe(a['followup-f1@rapport.local'])
    expect(b['gathering-g1@rapport.local']).toBe(a['gathering-g1@rapport.local'])
  })

  it('never lowers SEQUENCE as updatedAt moves on, and raises it a second later', () => {
    const start = Date.parse(CREATED)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 11 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (first, later) => {
          const at = (ms: number) => ({
            createdAt: CREATED,
            updatedAt: new Date(start + ms).toISOString(),
          })
          const a = sequenceOf(at(first))
          const b = sequenceOf(at(first + later))
          expect(b).toBeGreaterThanOrEqual(a)
          if (later >= 1000) expect(b).toBeGreaterThan(a)
          expect(Number.isInteger(a) && a >= 0 && a < 2 ** 31).toBe(true)
        },
      ),
    )
    // The first edit counts even inside the first second.
    expect(sequenceOf({ createdAt: CREATED, updatedAt: '2025-01-01T00:00:00.200Z' })).toBe(1)
  })
})

describe('exportIcs: text', () => {
  it('escapes TEXT values so that they read back exactly', () => {
    const title = 'Lunch; then coffee, maybe\\tea\nsecond line\r\nthird'
    const data = store({
      contacts: [contact('c1', 'Ada, "the" Chen')],
      followUps: [followUp('f', { title, notes: 'Bring: the book;\nand\tthe card\u0007' })],
    })
    const text = exportIcs(data, { ...OPTIONS, calendarName: 'Mine; all, of it' })
    const calendar = parse(text)
    // ical.js reads X- properties raw; clients read X-WR-CALNAME as TEXT, escaped like NAME.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mine\\; all\\, of it')
    expect(text).toContain('\r\nNAME:Mine\\; all\\, of it\r\n')
    const vevent = byUid(calendar, 'followup-f@rapport.local')
    expect(vevent.getFirstPropertyValue('summary')).toBe(
      `Follow up: Ada, "the" Chen — ${title.replace('\r\n', '\n')}`,
    )
    // Control characters other than tab are not allowed in TEXT: dropped.
    expect(vevent.getFirstPropertyValue('description')).toBe(
      'After meeting\n\nBring: the book;\nand\tthe card',
    )
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne')
  })

  it('folds Chinese text at 75 octets without breaking a character', () => {
    const title =
      '发送我们讨论过的那篇关于开源社区治理的文章，并介绍一位做品牌设计的朋友给她认识🙂，顺便问问新公司的搬家进展'
    const data = store({
      contacts: [contact('c1', '欧阳晓明')],
      followUps: [followUp('f', { title, notes: '他提到下个月要去深圳参加论坛。'.repeat(8) })],
    })
    const text = exportIcs(data, { ...OPTIONS, language: 'zh-CN' })
    const strict = new TextDecoder('utf-8', { fatal: true })
    let folded = 0
    for (const line of text.split('\r\n')) {
      const bytes = Buffer.from(line)
      expect(bytes.length).toBeLessThanOrEqual(75)
      // Every physical line is valid UTF-8 on its own: no sequence was cut.
      expect(() => strict.decode(bytes)).not.toThrow()
      if (line.startsWith(' ')) folded += 1
    }
    expect(folded).toBeGreaterThan(5)
    const vevent = byUid(parse(text), 'followup-f@rapport.local')
    expect(vevent.getFirstPropertyValue('summary')).toBe(`跟进：欧阳晓明 — ${title}`)
    expect(vevent.getFirstPropertyValue('description')).toBe(
      `见面后\n\n${'他提到下个月要去深圳参加论坛。'.repeat(8)}`,
    )
  })

  it('folds any text into lines of at most 75 octets that unfold to the original', () => {
    const pieces = ['a', ' ', ';', 'é', 'ß', '中', '文', '😀', '👍🏽', '\u{10348}', 'x'.repeat(30)]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), (parts) => {
        const line = `SUMMARY:${parts.join('')}`
        const folded = foldLine(line)
        expect(folded.replace(/\r\n /g, '')).toBe(line)
        for (const physical of folded.split('\r\n')) {
          expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75)
          const first = physical.charCodeAt(physical.startsWith(' ') ? 1 : 0)
          // No line starts with the second half of a surrogate pair.
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false)
        }
      }),
    )
  })
})

describe('IcsAutoExporter', () => {
  const { now: _now, ...options } = OPTIONS

  it('renders exactly what a full export writes, before and after changes', () => {
    const exporter = new IcsAutoExporter(options)
    let data = sample()
    const check = (now: Date) => {
      const full = exportIcs(data, { ...OPTIONS, now })
      expect(exporter.render(data, now)).toBe(full)
      expect(exporter.renderBytes(data, now).toString('utf8')).toBe(full)
    }
    check(NOW)
    // An edit, a rename (the follow-up shows the contact's name), an addition, a deletion.
    data = {
      ...data,
      followUps: [
        { ...data.followUps[0]!, title: 'Edited', updatedAt: '2025-01-02T00:00:00Z' },
        data.followUps[1]!,
        followUp('f3', { dueAt: '2025-04-01T02:00:00Z' }),
      ],
      contacts: [data.contacts[0]!, { ...data.contacts[1]!, name: '王晓明' }],
      gatherings: [],
    }
    check(new Date('2025-02-02T00:00:00Z'))
    expect(exporter.render(data, NOW)).toContain('SUMMARY:Follow up: 王晓明 — ')
  })

  it('re-renders only records whose object changed', () => {
    const exporter = new IcsAutoExporter(options)
    const data = sample()
    exporter.render(data, NOW)
    // Mutating in place breaks the store's rule (records are immutable): the cache shows it.
    ;(data.followUps[0] as { title: string }).title = 'Mutated in place'
    expect(exporter.render(data, NOW)).not.toContain('Mutated in place')
    expect(exportIcs(data, OPTIONS)).toContain('Mutated in place')
    const replaced = { ...data, followUps: [{ ...data.followUps[0]! }, data.followUps[1]!] }
    expect(exporter.render(replaced, NOW)).toContain('Mutated in place')
  })
})

describe('writeIcsFile', () => {
  const { now: _now, ...options } = OPTIONS

  it('writes the export to the chosen file, replacing what was there', async () => {
    const file = join(await tempDir(), 'rapport.ics')
    const exporter = new IcsAutoExporter(options)
    await writeIcsFile(file, 'old')
    await writeIcsFile(file, exporter.renderBytes(sample(), NOW))
    expect(await readFile(file, 'utf8')).toBe(exportIcs(sample(), OPTIONS))
    await writeIcsFile(file, exportIcs(store({}), OPTIONS))
    expect(uids(parse(await readFile(file, 'utf8')))).toEqual([])
  })
})
