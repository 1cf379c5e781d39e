import ICAL from 'ical.js'
import { followUpTitle } from '../../../shared/followUps/followUpWords'
import type { Contact, FollowUp, Language, StoreData } from '../../../shared/model'
import { exportIcs } from '../calendar/icsExport'

/**
 * Follow-ups, events and gatherings as calendar objects on a CalDAV server. UIDs are the .ics
 * export's (`followup-<id>@rapport.local`, …), so an entry imported from a file and the synced
 * one are the same. Events and gatherings are the export's VEVENTs (VTIMEZONE, VALARM); a
 * follow-up is a VTODO with DUE, STATUS and an alarm at the due time, or a short VEVENT on a
 * calendar that takes no tasks.
 */

export type CalendarKind = 'followUp' | 'event' | 'gathering'
const uidPrefix: Record<CalendarKind, string> = {
  followUp: 'followup',
  event: 'event',
  gathering: 'gathering',
}

export function uidFor(kind: CalendarKind, id: string): string {
  return `${uidPrefix[kind]}-${id}@rapport.local`
}

export function hrefName(kind: CalendarKind, id: string): string {
  return `${uidPrefix[kind]}-${encodeURIComponent(id)}.ics`
}

/** What a phone can change on a follow-up: the merge compares these. */
export const followUpPhoneFields = ['due', 'status'] as const
export type FollowUpPhoneValues = Record<(typeof followUpPhoneFields)[number], string>

/** The time a follow-up is due, snooze included, and whether it is finished. */
export function followUpValues(followUp: FollowUp): FollowUpPhoneValues {
  const due = Math.max(
    Date.parse(followUp.dueAt),
    followUp.snoozedUntil ? Date.parse(followUp.snoozedUntil) : 0,
  )
  return {
    due: new Date(Math.floor(due / 1000) * 1000).toISOString(),
    status: followUp.status === 'done' ? 'completed' : 'open',
  }
}

function icsFor(
  data: Readonly<StoreData>,
  include: { followUps: boolean; events: boolean; gatherings: boolean },
  subset: Partial<Pick<StoreData, 'followUps' | 'events' | 'gatherings'>>,
  language: Language,
  now: Date,
): string {
  const text = exportIcs(
    { ...data, followUps: [], events: [], gatherings: [], ...subset },
    { include, now, calendarName: 'Rapport', language },
  )
  // A CalDAV resource must not carry METHOD (RFC 4791 §4.1).
  return text.replace(/^METHOD:[^\r\n]*\r\n/m, '')
}

export function eventObject(
  data: Readonly<StoreData>,
  kind: 'event' | 'gathering',
  id: string,
  language: Language,
  now: Date,
): string | null {
  const subset =
    kind === 'event'
      ? { events: data.events.filter((e) => e.id === id) }
      : { gatherings: data.gatherings.filter((g) => g.id === id) }
  const text = icsFor(
    data,
    { followUps: false, events: kind === 'event', gatherings: kind === 'gathering' },
    subset,
    language,
    now,
  )
  return /BEGIN:VEVENT/.test(text) ? text : null
}

const summaryWords: Record<Language, (name: string, title: string) => string> = {
  en: (name, title) => (name ? `${title} — ${name}` : title),
  'zh-CN': (name, title) => (name ? `${title}——${name}` : title),
}

/** A follow-up as a VTODO (or, for a calendar without tasks, the export's short VEVENT). */
export function followUpObject(
  data: Readonly<StoreData>,
  followUp: FollowUp,
  contact: Contact | undefined,
  options: { language: Language; now: Date; asTodo: boolean },
): string | null {
  if (!options.asTodo) {
    if (followUp.status === 'done' || followUp.status === 'dropped') return null
    const text = icsFor(
      data,
      { followUps: true, events: false, gatherings: false },
      { followUps: [followUp] },
      options.language,
      options.now,
    )
    return /BEGIN:VEVENT/.test(text) ? text : null
  }
  const values = followUpValues(followUp)
  const calendar = new ICAL.Component('vcalendar')
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('prodid', '-//Rapport//Rapport//EN')
  const todo = new ICAL.Component('vtodo')
  const utc = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true)
  todo.addPropertyWithValue('uid', uidFor('followUp', followUp.id))
  todo.addPropertyWithValue('dtstamp', utc(options.now.toISOString()))
  todo.addPropertyWithValue('created', utc(followUp.createdAt))
  todo.addPropertyWithValue('last-modified', utc(followUp.updatedAt))
  todo.addPropertyWithValue(
    'summary',
    summaryWords[options.language](contact?.name ?? '', followUpTitle(followUp, options.language)),
  )
  if (followUp.notes.trim()) todo.addPropertyWithValue('description', followUp.notes.trim())
  todo.addPropertyWithValue('due', utc(values.due))
  todo.addPropertyWithValue('status', values.status === 'completed' ? 'COMPLETED' : 'NEEDS-ACTION')
  if (values.status === 'completed') {
    todo.addPropertyWithValue('completed', utc(followUp.doneAt ?? followUp.updatedAt))
    todo.addPropertyWithValue('percent-complete', 100)
  }
  const alarm = new ICAL.Component('valarm')
  alarm.addPropertyWithValue('action', 'DISPLAY')
  alarm.addPropertyWithValue('description', followUpTitle(followUp, options.language))
  const trigger = alarm.addPropertyWithValue('trigger', utc(values.due))
  trigger.setParameter('value', 'DATE-TIME')
  todo.addSubcomponent(alarm)
  calendar.addSubcomponent(todo)
  return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n'
}

export interface ReadObject {
  uid: string
  /** For follow-ups: the phone's due time and status; absent for events. */
  followUp: FollowUpPhoneValues | null
}

/** A calendar object from the server, or why it cannot be read. */
export function readCalendarObject(text: string): ReadObject | { error: string } {
  try {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown as unknown[])
    const item = calendar.getFirstSubcomponent('vtodo') ?? calendar.getFirstSubcomponent('vevent')
    if (!item) return { error: 'no VTODO or VEVENT' }
    const uid = String(item.getFirstPropertyValue('uid') ?? '').trim()
    if (!uid) return { error: 'no UID' }
    if (item.name !== 'vtodo') {
      const start = item.getFirstPropertyValue('dtstart') as ICAL.Time | null
      return {
        uid,
        followUp: start
          ? {
              due: new Date(Math.floor(start.toJSDate().getTime() / 1000) * 1000).toISOString(),
              status: 'open',
            }
          : null,
      }
    }
    const due = (item.getFirstPropertyValue('due') ??
      item.getFirstPropertyValue('dtstart')) as ICAL.Time | null
    const status = String(item.getFirstPropertyValue('status') ?? '').toUpperCase()
    const completed = status === 'COMPLETED' || !!item.getFirstPropertyValue('completed')
    return {
      uid,
      followUp: {
        due: due ? new Date(Math.floor(due.toJSDate().getTime() / 1000) * 1000).toISOString() : '',
        status: completed ? 'completed' : 'open',
      },
    }
  } catch (error) {
    return { error: `unreadable calendar object (${(error as Error).message.slice(0, 200)})` }
  }
}

/** Which Rapport record a UID from the .ics export or sync names, if any. */
export function recordOfUid(uid: string): { kind: CalendarKind; id: string } | null {
  const match = /^(followup|event|gathering)-(.+)@rapport\.local$/.exec(uid)
  if (!match) return null
  const kind = match[1] === 'followup' ? 'followUp' : (match[1] as 'event' | 'gathering')
  return { kind, id: match[2]! }
}
