import { Lunar, LunarMonth, LunarYear, Solar } from 'lunar-javascript'
import type { Language } from '../settings/settings'

/** A day of the Chinese lunar calendar (农历) as people keep a birthday: month, day, leap month. */
export interface LunarMonthDay {
  month: number
  day: number
  leap: boolean
}

/** The lunar month and day of a Gregorian date ("YYYY-MM-DD"), or null for a malformed one. */
export function lunarOf(isoDate: string): LunarMonthDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return null
  const lunar = Solar.fromYmd(Number(match[1]), Number(match[2]), Number(match[3])).getLunar()
  const month = lunar.getMonth()
  return { month: Math.abs(month), day: lunar.getDay(), leap: month < 0 }
}

/**
 * The Gregorian day (local midnight) on which `date` falls in lunar year `lunarYear`.
 * As families keep them: a leap-month date is kept in the ordinary month of that number in
 * years without that leap month, and a 30th in a 29-day month on its last day.
 */
export function gregorianDayOf(date: LunarMonthDay, lunarYear: number): Date {
  const leap = date.leap && LunarYear.fromYear(lunarYear).getLeapMonth() === date.month
  const month = leap ? -date.month : date.month
  const days = LunarMonth.fromYm(lunarYear, month)?.getDayCount() ?? 29
  const solar = Lunar.fromYmd(lunarYear, month, Math.min(date.day, days)).getSolar()
  return new Date(solar.getYear(), solar.getMonth() - 1, solar.getDay())
}

/**
 * The next local day (today included, not before `since`) on which a lunar date recurs.
 * A lunar year begins in late January or February, so the candidates span three lunar years.
 */
export function nextLunarOccurrence(date: LunarMonthDay, since: Date, now: Date): Date {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const from = Math.max(
    today,
    new Date(since.getFullYear(), since.getMonth(), since.getDate()).getTime(),
  )
  const first = new Date(from).getFullYear() - 1
  for (let year = first; ; year++) {
    const at = gregorianDayOf(date, year)
    if (at.getTime() >= from) return at
  }
}

const chineseMonths = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']
const chineseDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十: the way a lunar day is written. */
function chineseDay(day: number): string {
  if (day <= 10) return `初${chineseDigits[day]}`
  if (day < 20) return `十${chineseDigits[day - 10]}`
  if (day === 20) return '二十'
  if (day < 30) return `廿${chineseDigits[day - 20]}`
  return '三十'
}

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/** "农历闰四月初八" / "leap 4th month 8th day (lunar)". */
export function formatLunar(date: LunarMonthDay, language: Language): string {
  if (language === 'zh-CN') {
    return `农历${date.leap ? '闰' : ''}${chineseMonths[date.month - 1]}月${chineseDay(date.day)}`
  }
  return `${date.leap ? 'leap ' : ''}${ordinal(date.month)} month ${ordinal(date.day)} day (lunar)`
}

const englishMonths = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/** "2027年9月15日" / "15 Sep 2027". */
export function formatGregorianDay(day: Date, language: Language): string {
  return language === 'zh-CN'
    ? `${day.getFullYear()}年${day.getMonth() + 1}月${day.getDate()}日`
    : `${day.getDate()} ${englishMonths[day.getMonth()]} ${day.getFullYear()}`
}

/** Both calendars, as the card shows a lunar date: "农历八月十五 · 2027年9月15日". */
export function formatLunarWithGregorian(
  date: LunarMonthDay,
  day: Date,
  language: Language,
): string {
  return `${formatLunar(date, language)} · ${formatGregorianDay(day, language)}`
}
