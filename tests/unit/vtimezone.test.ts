import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { exportIcs } from '../../src/main/core/calendar/icsExport'
import { vtimezone } from '../../src/main/core/calendar/vtimezone'
import { emptyStoreData, type RapportEvent } from '../../src/shared/model'
import { SPAN, TEST_ZONES, intlChanges, intlOffset } from './zoneOracle'

const MINUTE = 60_000

function icalZone(text: string): ICAL.Timezone {
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(text) as unknown[]))
}

/** A wall time (UTC milliseconds of its fields) as an ical.js local time in `zone`. */
function localTime(wall: number, zone: ICAL.Timezone): ICAL.Time {
  const time = ICAL.Time.fromDateTimeString(new Date(wall).toISOString().slice(0, 19))
  time.zone = zone
  return time
}

describe.each(TEST_ZONES)('vtimezone(%s) for 2026–2028, read by ical.js', (zone) => {
  const text = vtimezone(zone, 2026, 2028)!
  const tz = icalZone(text)
  const changes = intlChanges(zone, SPAN.from, SPAN.to)

  it('has one part per offset change after the first', () => {
    expect(text.match(/^BEGIN:(STANDARD|DAYLIGHT)\r$/gm)).toHaveLength(changes.length + 1)
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:[^\r]+\r\n/)
    expect(text).toMatch(/END:VTIMEZONE\r\n$/)
  })

  it('gives the offset Intl gives on both sides of every change', () => {
    for (const { at, from, to } of changes) {
      // The nearest wall times either side that happen once: a repeated hour is ambiguous.
      const repeat = Math.max(0, from - to)
      for (const t of [at - repeat - MINUTE, at + repeat]) {
        const offset = intlOffset(zone, t)
        const local = localTime(t + offset, tz)
        expect(tz.utcOffset(local) * 1000, new Date(t).toISOString()).toBe(offset)
        expect(local.toUnixTime() * 1000).toBe(t)
      }
    }
  })

  it('gives the offset Intl gives in the middle of every month', () => {
    for (let month = 0; month < 36; month++) {
      const t = Date.UTC(2026, month, 15, 12)
      const offset = intlOffset(zone, t)
      expect(tz.utcOffset(localTime(t + offset, tz)) * 1000).toBe(offset)
    }
  })
})

describe('vtimezone', () => {
  it('writes no VTIMEZONE for UTC or for a zone the runtime does not know', () => {
    expect(vtimezone('UTC', 2026, 2028)).toBeNull()
    expect(vtimezone('Etc/UTC', 2026, 2028)).toBeNull()
    expect(vtimezone('Mars/Olympus_Mons', 2026, 2028)).toBeNull()
  })

  it('names the parts by daylight saving and writes half-hour offsets', () => {
    const text = vtimezone('America/St_Johns', 2026, 2026)!
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0330\r\nTZOFFSETTO:-0230\r\n',
    )
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0230\r\nTZOFFSETTO:-0330\r\n',
    )
    expect(vtimezone('Asia/Shanghai', 2026, 2028)).toBe(
      'BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:20260101T000000\r\n' +
        'TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n',
    )
  })
})

describe('exportIcs: 09:00 on every clock-change day of 2026–2028 in every test zone', () => {
  it('is read back by ical.js, through the exported VTIMEZONEs, at the instant Intl gives', () => {
    const events: RapportEvent[] = []
    const expected = new Map<string, number>()
    for (const zone of TEST_ZONES) {
      const days = intlChanges(zone, SPAN.from, SPAN.to).map((c) => c.at)
      // Zones without changes still get a day in each year.
      if (days.length === 0)
        days.push(Date.UTC(2026, 2, 1), Date.UTC(2027, 6, 1), Date.UTC(2028, 11, 1))
      for (const day of days) {
        const morning = Date.UTC(...ymd(day + intlOffset(zone, day)), 9)
        const at = morning - intlOffset(zone, morning)
        const id = `${zone}-${events.length}`
        expected.set(`event-${id}@rapport.local`, at)
        events.push(sampleEvent(id, zone, new Date(at).toISOString()))
      }
    }
    const text = exportIcs(
      { ...emptyStoreData(), events },
      {
        include: { followUps: false, events: true, gatherings: false },
        now: new Date('2026-01-01T00:00:00Z'),
        calendarName: 'Rapport',
        language: 'en',
      },
    )
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[])
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
    try {
      const vevents = calendar.getAllSubcomponents('vevent')
      expect(vevents).toHaveLength(expected.size)
      for (const vevent of vevents) {
        const uid = String(vevent.getFirstPropertyValue('uid'))
        const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time
        expect(start.zone?.tzid, uid).toBe(uid.slice(6, uid.lastIndexOf('-')))
        expect(start.toUnixTime() * 1000, uid).toBe(expected.get(uid))
      }
    } finally {
      for (const zone of TEST_ZONES) ICAL.TimezoneService.remove(zone)
    }
  })
})

function ymd(wall: number): [number, number, number] {
  const d = new Date(wall)
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
}

function sampleEvent(id: string, timeZone: string, startsAt: string): RapportEvent {
  return {
    id,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    name: 'Summit',
    startsAt,
    timeZone,
    venue: '',
    city: '',
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
  }
}
