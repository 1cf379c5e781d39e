/**
 * One VEVENT per record: open follow-ups, events and gatherings, as `icsExport` assembles them.
 *
 * - UID `<kind>-<id>@rapport.local` (kind: followup, event, gathering). Record ids never change,
 *   so importing a later export updates the same entries instead of adding copies.
 * - SEQUENCE: whole seconds from the record's createdAt to its updatedAt, rounded up. The core
 *   stamps updatedAt on every change and never moves it back, so SEQUENCE grows with each edit and
 *   never decreases (two edits inside the same second share a value; DTSTAMP still orders them).
 *   It is 0 for a record never edited and fits a 32-bit INTEGER for 68 years.
 * - CREATED and LAST-MODIFIED carry the record's own times; DTSTAMP (the export time) is written
 *   by the assembler, so a cached VEVENT stays valid across exports.
 * - Follow-ups (status open or snoozed) sit at max(dueAt, snoozedUntil) as 30-minute events in
 *   the user's zone. They become all-day items (DTSTART;VALUE=DATE, DTEND the next day:
 *   exclusive) when due at exactly local midnight, which is how a "some time that day" item is
 *   stored, and for important dates (birthdays) unless snoozed to a later time: the day is the
 *   point, not 09:00. TRANSP:TRANSPARENT, so a follow-up never blocks free/busy time.
 * - Events get a VALARM (ACTION:DISPLAY, TRIGGER:-PT10M): the method's "arrive 10 minutes
 *   early". Events and gatherings are always timed, in their own zone. Nothing writes ATTENDEE:
 *   METHOD:PUBLISH with attendees would make clients send invitations.
 */
import { followUpTitle, followUpWords } from '../../../shared/followUps/followUpWords'
import type { Contact, FollowUp, Gathering, Language, RapportEvent } from '../../../shared/model'
import {
  DAY_MS,
  compactDay,
  isoDay,
  localTimes,
  utcStamp,
  wallTime,
  wholeSeconds,
} from './icsDates'
import { foldLine, optionalText, textLine } from './icsText'

/** One record's VEVENT without its first two lines (BEGIN:VEVENT and DTSTAMP, the export time). */
export interface Rendered {
  body: string
  /** `body` in UTF-8, made when first written by the auto-exporter. */
  bytes?: Buffer
  tzid: string | null
  /** Local days the item spans (YYYY-MM-DD, inclusive), for the date range. */
  firstDay: string
  lastDay: string
}

/** What a VEVENT's text depends on besides its record. */
export interface RenderOptions {
  language: Language
  /** IANA zone that follow-ups are shown in. */
  zone: string
}

const MINUTE_MS = 60_000
const FOLLOW_UP_MINUTES = 30

const TEXTS = {
  en: {
    followUp: (name: string | undefined, title: string) =>
      name ? `Follow up: ${name} — ${title}` : `Follow up: ${title}`,
    alarm: (name: string) => `${name} starts in 10 minutes`,
    whyItMatters: (text: string) => `Why it matters: ${text}`,
    // A custom reason adds nothing to the title in a calendar.
    reason: { ...followUpWords.en.reason, custom: '' },
    care: followUpWords.en.care,
  },
  'zh-CN': {
    followUp: (name: string | undefined, title: string) =>
      name ? `跟进：${name} — ${title}` : `跟进：${title}`,
    alarm: (name: string) => `${name} 10 分钟后开始`,
    whyItMatters: (text: string) => `为什么重要：${text}`,
    reason: { ...followUpWords['zh-CN'].reason, custom: '' },
    care: followUpWords['zh-CN'].care,
  },
} as const

export function renderFollowUp(
  followUp: FollowUp,
  contact: Contact | undefined,
  options: RenderOptions,
): Rendered | null {
  const due = Date.parse(followUp.dueAt)
  const snoozed = followUp.snoozedUntil ? Date.parse(followUp.snoozedUntil) : Number.NaN
  const movedLater = snoozed > due
  const at = wholeSeconds(movedLater ? snoozed : due)
  if (!Number.isFinite(at)) return null
  const texts = TEXTS[options.language]
  const zone = options.zone

  let lines = opening('followup', followUp)
  let firstDay: string
  let lastDay: string
  let tzid: string | null = null
  const wall = wallTime(zone, at)
  if ((followUp.reason === 'importantDate' && !movedLater) || wall % DAY_MS === 0) {
    const day = Math.floor(wall / DAY_MS) * DAY_MS
    firstDay = lastDay = isoDay(day)
    lines +=
      `DTSTART;VALUE=DATE:${compactDay(day)}\r\n` +
      `DTEND;VALUE=DATE:${compactDay(day + DAY_MS)}\r\n`
  } else {
    const times = localTimes(zone, [at, at + FOLLOW_UP_MINUTES * MINUTE_MS])
    tzid = times.tzid
    firstDay = times.days[0]!
    lastDay = times.days[1]!
    lines += `DTSTART${times.values[0]}\r\nDTEND${times.values[1]}\r\n`
  }

  const about = [texts.reason[followUp.reason], followUp.careKind && texts.care[followUp.careKind]]
  const description = [about.filter(Boolean).join(' · '), followUp.notes.trim()]
  lines +=
    textLine('SUMMARY', texts.followUp(contact?.name, followUpTitle(followUp, options.language))) +
    optionalText('DESCRIPTION', description.filter(Boolean).join('\n\n')) +
    'TRANSP:TRANSPARENT\r\n' +
    footer(followUp)
  return { body: lines, tzid, firstDay, lastDay }
}

export function renderEvent(event: RapportEvent, language: Language): Rendered | null {
  const start = wholeSeconds(Date.parse(event.startsAt))
  if (!Number.isFinite(start)) return null
  const end = event.endsAt ? wholeSeconds(Date.parse(event.endsAt)) : Number.NaN
  // DTEND must come after DTSTART; an event without a usable end lasts no time (RFC 5545).
  const times = localTimes(event.timeZone, end > start ? [start, end] : [start])
  const texts = TEXTS[language]
  const description = [
    event.whyItMatters.trim() && texts.whyItMatters(event.whyItMatters.trim()),
    event.notes.trim(),
  ]
  const body =
    opening('event', event) +
    `DTSTART${times.values[0]}\r\n` +
    (times.values[1] ? `DTEND${times.values[1]}\r\n` : '') +
    textLine('SUMMARY', event.name) +
    optionalText('LOCATION', [event.venue.trim(), event.city.trim()].filter(Boolean).join(', ')) +
    optionalText('DESCRIPTION', description.filter(Boolean).join('\n\n')) +
    urlLine(event.url) +
    footer(event, false) +
    'BEGIN:VALARM\r\nACTION:DISPLAY\r\n' +
    textLine('DESCRIPTION', texts.alarm(event.name)) +
    'TRIGGER:-PT10M\r\nEND:VALARM\r\nEND:VEVENT\r\n'
  return { body, tzid: times.tzid, firstDay: times.days[0]!, lastDay: times.days.at(-1)! }
}

/** A gathering has an end (its duration) and the same alarm as an event, 10 minutes before. */
export function renderGathering(gathering: Gathering, options: RenderOptions): Rendered | null {
  const start = wholeSeconds(Date.parse(gathering.startsAt))
  if (!Number.isFinite(start)) return null
  const end = start + gathering.durationMinutes * MINUTE_MS
  const times = localTimes(gathering.timeZone, [start, end])
  const body =
    opening('gathering', gathering) +
    `DTSTART${times.values[0]}\r\n` +
    `DTEND${times.values[1]}\r\n` +
    textLine('SUMMARY', gathering.title) +
    optionalText('LOCATION', gathering.venue.trim()) +
    optionalText('DESCRIPTION', gathering.notes.trim()) +
    footer(gathering, false) +
    'BEGIN:VALARM\r\nACTION:DISPLAY\r\n' +
    textLine('DESCRIPTION', TEXTS[options.language].alarm(gathering.title)) +
    'TRIGGER:-PT10M\r\nEND:VALARM\r\nEND:VEVENT\r\n'
  return { body, tzid: times.tzid, firstDay: times.days[0]!, lastDay: times.days.at(-1)! }
}

interface Stamped {
  id: string
  createdAt: string
  updatedAt: string
}

function opening(kind: 'followup' | 'event' | 'gathering', record: Stamped): string {
  return (
    textLine('UID', `${kind}-${record.id}@rapport.local`) + `SEQUENCE:${sequenceOf(record)}\r\n`
  )
}

function footer(record: Stamped, end = true): string {
  const created = wholeSeconds(Date.parse(record.createdAt))
  const modified = wholeSeconds(Date.parse(record.updatedAt))
  return (
    (Number.isFinite(created) ? `CREATED:${utcStamp(created)}\r\n` : '') +
    (Number.isFinite(modified) ? `LAST-MODIFIED:${utcStamp(modified)}\r\n` : '') +
    (end ? 'END:VEVENT\r\n' : '')
  )
}

/** Whole seconds from creation to the last change, rounded up: grows with every later edit. */
export function sequenceOf(record: { createdAt: string; updatedAt: string }): number {
  const elapsed = Date.parse(record.updatedAt) - Date.parse(record.createdAt)
  return Number.isFinite(elapsed) && elapsed > 0 ? Math.ceil(elapsed / 1000) : 0
}

function urlLine(url: string): string {
  let href: string
  try {
    const parsed = new URL(url.trim())
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return ''
    href = parsed.href // percent-encoded ASCII: safe as a URI value without escaping
  } catch {
    return ''
  }
  return foldLine(`URL:${href}`) + '\r\n'
}
