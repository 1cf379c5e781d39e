import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Lunar, LunarYear, Solar } from 'lunar-javascript'
import { describe, expect, it } from 'vitest'
import { exportIcs } from '../../src/main/core/calendar/icsExport'
import { cadenceFollowUps } from '../../src/main/core/followUps/followUpRules'
import {
  contactSchema,
  CURRENT_SCHEMA_VERSION,
  emptyStoreData,
  encounterSchema,
  type StoreData,
} from '../../src/shared/model'
import {
  formatLunar,
  formatLunarWithGregorian,
  gregorianDayOf,
  lunarOf,
  nextLunarOccurrence,
} from '../../src/shared/lunar/lunarDate'
import { tempDir } from './helpers'
import { open } from './storeTestKit'

const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const DAY = 86_400_000

describe('lunar dates against the library tables, 2026–2030', () => {
  it('finds every day of 2026–2030 again from its lunar month and day', () => {
    let days = 0
    for (let at = new Date(2026, 0, 1); at.getFullYear() <= 2030; at.setDate(at.getDate() + 1)) {
      const lunar = Solar.fromYmd(at.getFullYear(), at.getMonth() + 1, at.getDate()).getLunar()
      const date = lunarOf(ymd(at))!
      expect(date).toEqual({
        month: Math.abs(lunar.getMonth()),
        day: lunar.getDay(),
        leap: lunar.getMonth() < 0,
      })
      expect(ymd(gregorianDayOf(date, lunar.getYear()))).toBe(ymd(at))
      days++
    }
    expect(days).toBe(1826)
  })

  it('puts the Mid-Autumn day and the Spring Festival on their Gregorian days', () => {
    const midAutumn = { month: 8, day: 15, leap: false }
    const springFestival = { month: 1, day: 1, leap: false }
    expect([2026, 2027, 2028, 2029, 2030].map((y) => ymd(gregorianDayOf(midAutumn, y)))).toEqual([
      '2026-09-25',
      '2027-09-15',
      '2028-10-03',
      '2029-09-22',
      '2030-09-12',
    ])
    expect(
      [2026, 2027, 2028, 2029, 2030].map((y) => ymd(gregorianDayOf(springFestival, y))),
    ).toEqual(['2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'])
  })

  it('keeps a leap-month date in the leap month when the year has it, else in the ordinary month', () => {
    // 2025 has a leap sixth month, 2028 a leap fifth; 2026, 2027, 2029 and 2030 have none.
    expect(LunarYear.fromYear(2025).getLeapMonth()).toBe(6)
    expect(LunarYear.fromYear(2028).getLeapMonth()).toBe(5)
    const bornLeapSixth = lunarOf('2025-07-25')!
    expect(bornLeapSixth).toEqual({ month: 6, day: 1, leap: true })
    for (const year of [2026, 2027, 2029, 2030]) {
      expect(ymd(gregorianDayOf(bornLeapSixth, year))).toBe(
        Lunar.fromYmd(year, 6, 1).getSolar().toYmd(),
      )
    }
    const leapFifth = { month: 5, day: 10, leap: true }
    expect(ymd(gregorianDayOf(leapFifth, 2028))).toBe(
      Lunar.fromYmd(2028, -5, 10).getSolar().toYmd(),
    )
    expect(ymd(gregorianDayOf(leapFifth, 2028))).not.toBe(
      Lunar.fromYmd(2028, 5, 10).getSolar().toYmd(),
    )
    expect(ymd(gregorianDayOf(leapFifth, 2029))).toBe(Lunar.fromYmd(2029, 5, 10).getSolar().toYmd())
  })

  it('keeps a 30th on the last day of a 29-day month', () => {
    // The twelfth month of lunar 2026 has 29 days; its last day is the eve of the 2027 Spring Festival.
    expect(ymd(gregorianDayOf({ month: 12, day: 30, leap: false }, 2026))).toBe('2027-02-05')
  })

  it('finds the next occurrence across the Gregorian new year and not before the date began', () => {
    const lastMonth = { month: 12, day: 8, leap: false } // 腊八
    expect(ymd(nextLunarOccurrence(lastMonth, new Date(1990, 0, 1), new Date(2026, 11, 6)))).toBe(
      Lunar.fromYmd(2026, 12, 8).getSolar().toYmd(),
    )
    expect(ymd(nextLunarOccurrence(lastMonth, new Date(1990, 0, 1), new Date(2026, 11, 6)))).toBe(
      '2027-01-15',
    )
    // A date that begins in 2029 has no occurrence before it.
    expect(
      ymd(
        nextLunarOccurrence(
          { month: 8, day: 15, leap: false },
          new Date(2029, 8, 22),
          new Date(2026, 0, 1),
        ),
      ),
    ).toBe('2029-09-22')
  })

  it('writes both calendars as the card shows them', () => {
    const date = { month: 8, day: 15, leap: false }
    expect(formatLunarWithGregorian(date, new Date(2027, 8, 15), 'zh-CN')).toBe(
      '农历八月十五 · 2027年9月15日',
    )
    expect(formatLunarWithGregorian(date, new Date(2027, 8, 15), 'en')).toBe(
      '8th month 15th day (lunar) · 15 Sep 2027',
    )
    expect(formatLunar({ month: 1, day: 1, leap: false }, 'zh-CN')).toBe('农历正月初一')
    expect(formatLunar({ month: 4, day: 23, leap: true }, 'zh-CN')).toBe('农历闰四月廿三')
    expect(formatLunar({ month: 12, day: 30, leap: false }, 'zh-CN')).toBe('农历腊月三十')
    expect(formatLunar({ month: 4, day: 22, leap: true }, 'en')).toBe(
      'leap 4th month 22nd day (lunar)',
    )
  })
})

describe('lunar important dates in the follow-ups and the calendar export', () => {
  const birthday = {
    label: '妈妈生日',
    date: '1960-10-05', // 1960 (庚子年) 八月十五
    calendar: 'lunar' as const,
    lunar: { month: 8, day: 15, leap: false },
  }
  const dataWith = (now: Date): StoreData => {
    const createdAt = new Date(now.getTime() - 400 * DAY).toISOString()
    const recent = new Date(now.getTime() - DAY).toISOString()
    return {
      ...emptyStoreData(),
      contacts: [
        contactSchema.parse({
          id: 'mum',
          name: '妈妈',
          tier: 'life',
          createdAt,
          updatedAt: createdAt,
          importantDates: [birthday],
        }),
      ],
      encounters: [
        encounterSchema.parse({
          id: 'e1',
          contactId: 'mum',
          at: recent,
          createdAt: recent,
          updatedAt: recent,
        }),
      ],
    }
  }

  it('schedules a lunar birthday on its Gregorian day each year from 2026 to 2030', () => {
    const expected = ['2026-09-25', '2027-09-15', '2028-10-03', '2029-09-22', '2030-09-12']
    for (const day of expected) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number]
      const now = new Date(y, m - 1, d - 3, 12)
      const made = cadenceFollowUps(dataWith(now), now)
      expect(made.map((f) => f.reason)).toEqual(['importantDate'])
      expect(made[0]!.dueAt).toBe(new Date(y, m - 1, d, 9).toISOString())
      expect(made[0]!.id).toBe(`date-mum-lunar-8-15-${y}`)
      // The Gregorian anniversary of the birth date (5 October) is not the day.
      const onGregorianDay = new Date(y, 9, 2, 12)
      if (Math.abs(onGregorianDay.getTime() - now.getTime()) > 8 * DAY) {
        expect(cadenceFollowUps(dataWith(onGregorianDay), onGregorianDay)).toEqual([])
      }
    }
  })

  it('exports the lunar birthday on the day it falls in the calendar file', () => {
    const now = new Date(2027, 8, 12, 12)
    const data = dataWith(now)
    const withFollowUps = { ...data, followUps: cadenceFollowUps(data, now) }
    const text = exportIcs(withFollowUps, {
      include: { followUps: true, events: false, gatherings: false },
      now,
      calendarName: 'Rapport',
      language: 'zh-CN',
    })
    expect(text).toMatch(/DTSTART;VALUE=DATE:20270915/)
  })
})

describe('the important-date schema and its migration to v9', () => {
  it('refuses a lunar date without its lunar month and day, and accepts an old record', () => {
    const base = {
      id: 'x',
      name: 'X',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    const bad = contactSchema.safeParse({
      ...base,
      importantDates: [{ label: '生日', date: '1990-01-01', calendar: 'lunar' }],
    })
    expect(bad.success).toBe(false)
    expect(JSON.stringify(bad.error?.issues)).toMatch(/lunar month and day/)
    const leap13 = contactSchema.safeParse({
      ...base,
      importantDates: [
        { label: '生日', date: '1990-01-01', calendar: 'lunar', lunar: { month: 13, day: 1 } },
      ],
    })
    expect(leap13.success).toBe(false)
    expect(
      contactSchema.parse({ ...base, importantDates: [{ label: '生日', date: '1990-01-01' }] })
        .importantDates,
    ).toEqual([{ label: '生日', date: '1990-01-01' }])
  })

  it('migrates the v7 fixture: every important date is kept and named Gregorian', async () => {
    const dir = await tempDir()
    const fixture = await readFile(
      join(__dirname, '../fixtures/store-v7-important-dates.json'),
      'utf8',
    )
    const old = JSON.parse(fixture)
    expect(old.schemaVersion).toBe(7)
    await writeFile(join(dir, 'rapport.json'), fixture)
    const store = await open(dir)
    const contacts = store.read().contacts
    expect(contacts).toHaveLength(old.contacts.length)
    contacts.forEach((contact, i) => {
      expect(contact.importantDates).toEqual(
        old.contacts[i].importantDates.map((d: object) => ({ ...d, calendar: 'gregorian' })),
      )
    })
    expect(contacts[0]!.importantDates.map((d) => d.date)).toEqual(['1988-09-25', '2015-05-20'])
    await store.close()
    const written = JSON.parse(await readFile(join(dir, 'rapport.json'), 'utf8'))
    expect(written.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  })
})
