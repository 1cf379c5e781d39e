import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ICAL from 'ical.js'
import { MAX_CALENDAR_OCCURRENCES } from '../../../../shared/calendar/calendarImport'
import { RapportError } from '../../../../shared/errors'

/** Someone at a meeting who did not decline it. */
export interface Participant {
  email: string
  name: string
}

/** One past occurrence of a meeting, as the calendar file has it. */
export interface MeetingOccurrence {
  /** UID plus the occurrence's original start: stable across exports and re-imports. */
  key: string
  title: string
  place: string
  at: string
  allDay: boolean
  participants: Participant[]
}

export interface ReadMeetings {
  meetings: MeetingOccurrence[]
  skipped: { declined: number; cancelled: number; future: number }
}

const emailOf = (value: unknown): string =>
  String(value ?? '')
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase()

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)

/**
 * Makes every zone the file names known to ical.js while `read` runs: the file's own
 * VTIMEZONEs (Outlook names them "W. Europe Standard Time"), else the IANA zone of that name.
 * Zones registered here are removed afterwards, so one file's definitions never reach the next.
 */
function withZones<T>(calendar: ICAL.Component, read: () => T): T {
  const added: string[] = []
  const register = (zone: ICAL.Component) => {
    const tzid = String(zone.getFirstPropertyValue('tzid') ?? '')
    if (!tzid || ICAL.TimezoneService.has(tzid)) return
    ICAL.TimezoneService.register(zone)
    added.push(tzid)
  }
  try {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) register(zone)
    for (const event of calendar.getAllSubcomponents('vevent')) {
      for (const name of ['dtstart', 'dtend', 'recurrence-id', 'exdate']) {
        for (const property of event.getAllProperties(name)) {
          const tzid = property.getParameter('tzid')
          if (typeof tzid !== 'string' || ICAL.TimezoneService.has(tzid)) continue
          const text = getVtimezoneComponent(tzid)
          if (text) register(new ICAL.Component(ICAL.parse(text) as unknown[]))
        }
      }
    }
    return read()
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid)
  }
}

/** The calendar in a file's text, or a clear reason why it is not one. */
function parseCalendar(fileName: string, text: string): ICAL.Component {
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096))) {
    throw new RapportError(
      'VALIDATION',
      `${fileName} is not a calendar file: no calendar (BEGIN:VCALENDAR) was found in it.`,
      { reason: 'calendarImport.notIcs', file: fileName },
    )
  }
  try {
    const parsed = ICAL.parse(text)
    // A file may hold several calendars; ical.js gives an array of them then.
    const first = Array.isArray(parsed[0]) ? (parsed[0] as unknown[]) : (parsed as unknown[])
    return new ICAL.Component(first)
  } catch (caught) {
    throw new RapportError(
      'VALIDATION',
      `${fileName} could not be read as a calendar: ${(caught as Error).message}`,
      { reason: 'calendarImport.notIcs', file: fileName },
    )
  }
}

/**
 * Every past meeting occurrence in an .ics file with the people at it. Recurring meetings are
 * expanded (RRULE, RDATE, EXDATE, moved occurrences); cancelled meetings and those `myEmails`
 * declined are left out, and so is anyone who declined.
 */
export function readMeetings(
  fileName: string,
  text: string,
  options: { now: Date; myEmails: string[] },
): ReadMeetings {
  const calendar = parseCalendar(fileName, text)
  const mine = new Set(options.myEmails.map(emailOf).filter(looksLikeEmail))
  // Google names an exported calendar by its owner's address.
  const owner = emailOf(calendar.getFirstPropertyValue('x-wr-calname'))
  if (looksLikeEmail(owner)) mine.add(owner)
  const now = ICAL.Time.fromJSDate(options.now, true)
  const skipped = { declined: 0, cancelled: 0, future: 0 }
  const meetings: MeetingOccurrence[] = []
  // An RDATE that repeats an RRULE day is one meeting, not two.
  const seen = new Set<string>()

  return withZones(calendar, () => {
    const masters = new Map<string, ICAL.Event>()
    const exceptions: ICAL.Component[] = []
    for (const component of calendar.getAllSubcomponents('vevent')) {
      if (component.hasProperty('recurrence-id')) exceptions.push(component)
      else
        masters.set(String(component.getFirstPropertyValue('uid') ?? ''), new ICAL.Event(component))
    }
    const orphans: ICAL.Event[] = []
    for (const exception of exceptions) {
      const master = masters.get(String(exception.getFirstPropertyValue('uid') ?? ''))
      if (master?.isRecurring()) master.relateException(exception)
      else orphans.push(new ICAL.Event(exception))
    }

    const add = (event: ICAL.Event, start: ICAL.Time, recurrenceId: ICAL.Time | null) => {
      if (meetings.length + skipped.future >= MAX_CALENDAR_OCCURRENCES) {
        throw new RapportError(
          'VALIDATION',
          `${fileName} holds more than ${MAX_CALENDAR_OCCURRENCES} meetings; export a shorter period and try again.`,
          {
            reason: 'calendarImport.tooManyMeetings',
            file: fileName,
            limit: MAX_CALENDAR_OCCURRENCES,
          },
        )
      }
      if (start.compare(now) >= 0) {
        skipped.future++
        return
      }
      const component = event.component
      if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
        skipped.cancelled++
        return
      }
      const people = new Map<string, Participant & { declined: boolean }>()
      const organizer = component.getFirstProperty('organizer')
      if (organizer) {
        const email = emailOf(organizer.getFirstValue())
        const name = String(organizer.getParameter('cn') ?? '')
        if (looksLikeEmail(email)) people.set(email, { email, name, declined: false })
      }
      for (const attendee of event.attendees) {
        const email = emailOf(attendee.getFirstValue())
        if (!looksLikeEmail(email)) continue
        const name = String(attendee.getParameter('cn') ?? '')
        const declined =
          String(attendee.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED'
        people.set(email, { email, name: name || people.get(email)?.name || '', declined })
      }
      if ([...mine].some((email) => people.get(email)?.declined)) {
        skipped.declined++
        return
      }
      const uid = String(component.getFirstPropertyValue('uid') ?? '')
      const occurrence = (recurrenceId ?? start).toJSDate().toISOString()
      const key = `${uid}\u0000${event.isRecurring() || recurrenceId ? occurrence : ''}`
      if (seen.has(key)) return
      seen.add(key)
      meetings.push({
        key,
        title: event.summary ?? '',
        place: (event.location ?? '').replace(/\s*\n\s*/g, ', '),
        at: start.toJSDate().toISOString(),
        allDay: start.isDate,
        participants: [...people.values()]
          .filter(
            (p) =>
              !p.declined &&
              !mine.has(p.email) &&
              !(p.name && looksLikeEmail(p.name) && mine.has(p.name)),
          )
          .map(({ email, name }) => ({ email, name: looksLikeEmail(name) ? '' : name })),
      })
    }

    for (const event of [...masters.values(), ...orphans]) {
      if (!event.startDate) continue
      if (!event.isRecurring()) {
        add(event, event.startDate, event.isRecurrenceException() ? event.recurrenceId : null)
        continue
      }
      const iterator = event.iterator()
      for (let next = iterator.next(); next; next = iterator.next()) {
        const details = event.getOccurrenceDetails(next)
        if (next.compare(now) >= 0 && details.startDate.compare(now) >= 0) {
          skipped.future++
          break
        }
        add(details.item, details.startDate, details.recurrenceId)
      }
    }
    meetings.sort((a, b) => a.at.localeCompare(b.at))
    return { meetings, skipped }
  })
}
