/**
 * The follow-up rules, as pure functions over the store's data: an encounter creates a
 * follow-up due 24 hours later; a promise captured in the seed becomes its own follow-up; a
 * contact's keep-in-touch cadence (their tier's, or their own) creates the next follow-up when
 * the last interaction gets old (a done follow-up counts as an interaction, so finishing one
 * moves the next); birthdays and other important dates show up a week ahead, once a year.
 *
 * Rule-made follow-ups get ids derived from what made them, so running a rule twice (on two
 * devices, after a crash, on every start) never creates a second copy.
 */
import { createHash } from 'node:crypto'
import type { FollowUpQueue, FollowUpView, HabitRate } from '../../../shared/contract'
import type { Contact, Encounter, FollowUp, StoreData } from '../../../shared/model'
import { followUpWords } from '../../../shared/followUps/followUpWords'
import { nextLunarOccurrence } from '../../../shared/lunar/lunarDate'
import type { Clock } from '../clock'
import { cadenceOf, overdueContacts } from '../contacts/cardInsights'
import type { StoreTransaction } from '../store/dataStore'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** The 24-hour rule. */
export const AFTER_MEETING_MS = DAY_MS
/**
 * A promise is due three days after the conversation: the 24-hour message can announce it, and
 * a promise kept within the week is what builds trust; later than that it reads as forgotten.
 */
export const PROMISE_MS = 3 * DAY_MS
/** A cadence follow-up appears this long before the touch is due, so it can be planned. */
export const CADENCE_LEAD_MS = DAY_MS
/** Birthdays and other important dates show up this many days ahead. */
export const IMPORTANT_DATE_LEAD_DAYS = 7
/** Important-date follow-ups are due at this local hour on the day itself. */
const IMPORTANT_DATE_HOUR = 9

/** Generated titles are stored as their kind; `title` keeps the English words for older readers. */
const TITLES = followUpWords.en.generatedTitle

const TITLE_MAX = 200
const ID_MAX = 64

/** Collapses whitespace (titles are one line) and cuts on a code point at 200 UTF-16 units. */
function titleOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= TITLE_MAX) return line
  let cut = ''
  for (const char of line) {
    if (cut.length + char.length > TITLE_MAX - 1) break
    cut += char
  }
  return `${cut.trimEnd()}…`
}

/** An id from its parts; when too long for the id schema, the parts are hashed instead. */
function derivedId(prefix: string, ...parts: string[]): string {
  const id = [prefix, ...parts].join('-')
  if (id.length <= ID_MAX) return id
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)
  return `${prefix}-${hash}`
}

/** A follow-up with every defaulted field present, as the schema would fill it. */
function followUp(
  fields: Pick<FollowUp, 'id' | 'contactId' | 'title' | 'dueAt' | 'reason'> & Partial<FollowUp>,
  createdAt: string,
): FollowUp {
  return {
    createdAt,
    updatedAt: createdAt,
    promise: false,
    notes: '',
    status: 'open',
    channel: '',
    doneNote: '',
    ...fields,
  }
}

const iso = (ms: number): string => new Date(ms).toISOString()

// ---------------------------------------------------------------------------------------------
// After a conversation

/**
 * The follow-ups a new encounter creates: "thank and follow up" due 24 hours after it, and, when
 * a seed was captured, the promise as its own follow-up due three days after it. Neither is
 * moved to `now` when the encounter is logged late: a missed 24 hours is shown as missed.
 * Ids derive from the encounter's, so saving the same encounter twice creates nothing new.
 */
export function followUpsForEncounter(
  encounter: Encounter,
  contact: Contact,
  now: string,
): FollowUp[] {
  if (encounter.contactId !== contact.id) {
    throw new Error(`Encounter ${encounter.id} is not with contact ${contact.id}`)
  }
  const at = Date.parse(encounter.at)
  const links = {
    contactId: contact.id,
    encounterId: encounter.id,
    ...(encounter.eventId ? { eventId: encounter.eventId } : {}),
  }
  const made = [
    followUp(
      {
        id: derivedId('after', encounter.id),
        ...links,
        title: TITLES.afterMeeting,
        titleKind: 'afterMeeting',
        dueAt: iso(at + AFTER_MEETING_MS),
        reason: 'afterMeeting',
      },
      now,
    ),
  ]
  const seed = encounter.seed.trim()
  if (seed !== '') {
    const title = titleOf(seed)
    made.push(
      followUp(
        {
          id: derivedId('promise', encounter.id),
          ...links,
          title,
          dueAt: iso(at + PROMISE_MS),
          reason: 'promise',
          promise: true,
          // The title may be cut; the notes keep the whole promise.
          notes: title === seed ? '' : seed,
        },
        now,
      ),
    )
  }
  return made
}

// ---------------------------------------------------------------------------------------------
// Cadence and important dates

/**
 * Who the cadence rules apply to: not archived, with a cadence. That is everyone in the circle,
 * plus someone outside it whose own cadence was set (as in `overdueContacts`: setting one is
 * asking to be reminded). Important dates follow the same line, so that thousands of imported
 * cards with a birthday do not each become a reminder.
 */
const followsCadence = (contact: Contact): boolean =>
  !contact.archived && cadenceOf(contact) !== null

/** Local midnight of the day that contains `at`. */
function startOfLocalDay(at: Date): Date {
  const day = new Date(at)
  day.setHours(0, 0, 0, 0)
  return day
}

/** The local day month/day in `year`; 29 February falls on the 28th in common years. */
function localDay(year: number, month: number, day: number): Date {
  const at = new Date(year, month, day)
  return at.getMonth() === month ? at : new Date(year, month + 1, 0)
}

/**
 * The next local day (today included) on which an important date recurs, or null. A date that
 * lies in the future (an announced wedding) has no anniversary before it happens.
 */
export function nextOccurrence(
  { date, calendar, lunar }: Contact['importantDates'][number],
  now: Date,
): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return null
  const [since, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  if (calendar === 'lunar' && lunar) {
    // A lunar date moves in the Gregorian calendar; it recurs from the day it began.
    return nextLunarOccurrence(lunar, new Date(since, month, day), now)
  }
  const today = startOfLocalDay(now).getTime()
  for (const year of [now.getFullYear(), now.getFullYear() + 1]) {
    if (year < since) continue
    const at = localDay(year, month, day)
    if (at.getTime() >= today) return at
  }
  return null
}

function importantDateFollowUps(contact: Contact, now: Date, createdAt: string): FollowUp[] {
  const horizon = startOfLocalDay(now).getTime() + IMPORTANT_DATE_LEAD_DAYS * DAY_MS
  // Two dates on one day (a birthday that is also an anniversary) make one follow-up.
  const byId = new Map<string, { day: Date; labels: string[] }>()
  for (const important of contact.importantDates) {
    const { label, date, lunar } = important
    const day = nextOccurrence(important, now)
    if (!day || day.getTime() > horizon) continue
    // A lunar date is named by its lunar day: its Gregorian day changes every year.
    const key =
      important.calendar === 'lunar' && lunar
        ? `lunar-${lunar.leap ? 'leap' : ''}${lunar.month}-${lunar.day}`
        : date.slice(5)
    const id = derivedId('date', contact.id, key, String(day.getFullYear()))
    const entry = byId.get(id) ?? { day, labels: [] }
    if (label.trim() !== '' && !entry.labels.includes(label.trim())) entry.labels.push(label.trim())
    byId.set(id, entry)
  }
  return [...byId].map(([id, { day, labels }]) => {
    const dueAt = new Date(day)
    dueAt.setHours(IMPORTANT_DATE_HOUR, 0, 0, 0)
    return followUp(
      {
        id,
        contactId: contact.id,
        // The user's own labels ("Birthday", "生日") are their words; only the fallback is ours.
        ...(labels.length > 0
          ? { title: titleOf(labels.join(', ')) }
          : { title: TITLES.importantDate, titleKind: 'importantDate' as const }),
        dueAt: dueAt.toISOString(),
        reason: 'importantDate',
      },
      createdAt,
    )
  })
}

const isOpen = (f: FollowUp): boolean => f.status === 'open' || f.status === 'snoozed'

/**
 * The cadence and important-date follow-ups that should exist now and do not yet.
 *
 * - Important dates: one follow-up per date and year for dates in the next 7 days (today
 *   included), due 09:00 local on the day; id `date-<contactId>-<MM-DD>-<yyyy>`.
 * - Cadence: for a contact whose next touch (last interaction, or the card's creation, plus the
 *   cadence) is due within a day and who has no open or snoozed follow-up of any kind (one
 *   already planned is the next touch, a new important-date one included), a follow-up due at
 *   max(now, next touch); id `cadence-<contactId>-<UTC day of the next touch>`. The id names the
 *   touch, not the day the rule ran, so a dropped one stays dropped until the next interaction.
 */
export function cadenceFollowUps(data: Readonly<StoreData>, now: Date): FollowUp[] {
  const nowMs = now.getTime()
  const createdAt = now.toISOString()
  const existing = new Set(data.followUps.map((f) => f.id))
  const planned = new Set(data.followUps.filter(isOpen).map((f) => f.contactId))
  const byId = new Map(data.contacts.map((c) => [c.id, c]))
  const made: FollowUp[] = []

  for (const contact of data.contacts) {
    if (!followsCadence(contact) || contact.importantDates.length === 0) continue
    for (const f of importantDateFollowUps(contact, now, createdAt)) {
      if (existing.has(f.id)) continue
      made.push(f)
      planned.add(contact.id)
    }
  }

  // `overdueContacts` is one linear pass over the history; asking it a day ahead gives the lead.
  for (const { contactId, dueSince } of overdueContacts(data, new Date(nowMs + CADENCE_LEAD_MS))) {
    const contact = byId.get(contactId)
    if (!contact || !followsCadence(contact) || planned.has(contactId)) continue
    const id = derivedId('cadence', contactId, dueSince.slice(0, 10))
    if (existing.has(id)) continue
    made.push(
      followUp(
        {
          id,
          contactId,
          title: TITLES.cadence,
          titleKind: 'cadence',
          dueAt: iso(Math.max(nowMs, Date.parse(dueSince))),
          reason: 'cadence',
        },
        createdAt,
      ),
    )
  }
  return made
}

/**
 * Puts the cadence and important-date follow-ups that are missing; returns how many. `tx.data`
 * is the state before the transaction, so call this before other puts of follow-ups in it.
 */
export function applyFollowUpRules(tx: StoreTransaction, now: Date, clock: Clock): number {
  const existing = new Set(tx.data.followUps.map((f) => f.id))
  const stamp = clock.now().toISOString()
  let created = 0
  for (const f of cadenceFollowUps(tx.data, now)) {
    if (existing.has(f.id)) continue
    existing.add(f.id)
    tx.put('followUps', { ...f, createdAt: stamp, updatedAt: stamp })
    created += 1
  }
  return created
}

// ---------------------------------------------------------------------------------------------
// The queue

/** When an open follow-up is next due: a snooze only ever pushes it later. */
export function effectiveDue(f: Pick<FollowUp, 'dueAt' | 'snoozedUntil'>): number {
  const due = Date.parse(f.dueAt)
  return f.snoozedUntil ? Math.max(due, Date.parse(f.snoozedUntil)) : due
}

/**
 * `overdue`: due now or earlier (what the tray counts); `next24h`: due within the next 24 hours;
 * `upcoming`: later.
 */
export type QueueBuckets = Omit<FollowUpQueue, 'habits'>

/**
 * Open and snoozed follow-ups by their effective due time (a snooze pushes it later), earliest
 * first, ties by id. Views keep `dueAt` and `snoozedUntil` as stored.
 */
export function queueOf(data: Readonly<StoreData>, now: Date): QueueBuckets {
  const nowMs = now.getTime()
  const names = new Map(data.contacts.map((c) => [c.id, c.name]))
  const open = data.followUps
    .filter(isOpen)
    .map((f) => ({ f, due: effectiveDue(f) }))
    .filter(({ due }) => !Number.isNaN(due))
    .sort((a, b) => a.due - b.due || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))
  const queue: QueueBuckets = { overdue: [], next24h: [], upcoming: [] }
  for (const { f, due } of open) {
    const view: FollowUpView = { ...f, contactName: names.get(f.contactId) ?? '' }
    if (due <= nowMs) queue.overdue.push(view)
    else if (due < nowMs + DAY_MS) queue.next24h.push(view)
    else queue.upcoming.push(view)
  }
  return queue
}

// ---------------------------------------------------------------------------------------------
// The habit

/**
 * `done`: after-meeting follow-ups done (with a time); `within24h`: of those, done within 24
 * hours of the conversation; `share`: within24h / done, as the overview's rate, null before
 * anything was done.
 */
export type Rate = HabitRate

/** `byEvent` is all time, per event the conversations happened at, newest event first. */
export type HabitFigures = FollowUpQueue['habits']

class RateCounter {
  done = 0
  within24h = 0
  add(doneInTime: boolean): void {
    this.done += 1
    if (doneInTime) this.within24h += 1
  }
  rate(): Rate {
    const { done, within24h } = this
    return { done, within24h, share: done === 0 ? null : within24h / done }
  }
}

/**
 * The headline habit: of the after-meeting follow-ups created in the last 30 and 90 days, how
 * many were done within 24 hours of the conversation (of `createdAt` when there is no encounter).
 * The share is over those done, like the overview's `within24hRate`; open and dropped ones are
 * not counted.
 */
export function habitFigures(data: Readonly<StoreData>, now: Date): HabitFigures {
  const nowMs = now.getTime()
  const encounters = new Map(data.encounters.map((e) => [e.id, e]))
  const last30 = new RateCounter()
  const last90 = new RateCounter()
  const byEvent = new Map<string, RateCounter>()
  for (const f of data.followUps) {
    if (f.reason !== 'afterMeeting' || f.doneAt === undefined) continue
    const encounter = f.encounterId ? encounters.get(f.encounterId) : undefined
    const start = Date.parse(encounter?.at ?? f.createdAt)
    const inTime = Date.parse(f.doneAt) - start <= AFTER_MEETING_MS
    const age = nowMs - Date.parse(f.createdAt)
    if (age >= 0 && age <= 30 * DAY_MS) last30.add(inTime)
    if (age >= 0 && age <= 90 * DAY_MS) last90.add(inTime)
    const eventId = f.eventId ?? encounter?.eventId
    if (eventId === undefined) continue
    const counter = byEvent.get(eventId) ?? new RateCounter()
    counter.add(inTime)
    byEvent.set(eventId, counter)
  }
  const events = new Map(data.events.map((e) => [e.id, e]))
  return {
    last30: last30.rate(),
    last90: last90.rate(),
    byEvent: [...byEvent]
      .map(([eventId, counter]) => ({
        eventId,
        name: events.get(eventId)?.name ?? '',
        rate: counter.rate(),
        starts: Date.parse(events.get(eventId)?.startsAt ?? '') || 0,
      }))
      .sort((a, b) => b.starts - a.starts || (a.eventId < b.eventId ? -1 : 1))
      .map(({ eventId, name, rate }) => ({ eventId, name, rate })),
  }
}

// ---------------------------------------------------------------------------------------------
// Snooze

export type SnoozeChoice = '1h' | 'tonight' | 'tomorrow9' | 'nextWeek'

/** "Tonight" is 20:00; from 19:00 on it means an hour from now. */
const TONIGHT_HOUR = 20
/** Before 05:00 "tomorrow" still means the coming morning: the user has not slept yet. */
const NIGHT_ENDS_HOUR = 5
const MORNING_HOUR = 9

/**
 * When a snooze ends, in local wall time:
 * - '1h': an hour from now.
 * - 'tonight': 20:00 today; from 19:00 on, an hour from now (so late evening snoozes still
 *   give an hour, possibly past midnight).
 * - 'tomorrow9': 09:00 tomorrow; between midnight and 05:00, 09:00 today.
 * - 'nextWeek': 09:00 next Monday; on a Monday, the Monday a week later.
 *
 * Local is the process's time zone (Date's local methods, so daylight-saving days keep 09:00
 * at 09:00), unless `timeZoneOffsetMinutes` is given: a fixed offset east of UTC (480 for
 * +08:00), for callers that know the user's zone better than the process does.
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZoneOffsetMinutes?: number): Date {
  if (choice === '1h') return new Date(now.getTime() + HOUR_MS)
  const wall = wallClock(now, timeZoneOffsetMinutes)
  const { hour } = wall.get()
  switch (choice) {
    case 'tonight':
      return hour >= TONIGHT_HOUR - 1 ? new Date(now.getTime() + HOUR_MS) : wall.at(0, TONIGHT_HOUR)
    case 'tomorrow9':
      return wall.at(hour < NIGHT_ENDS_HOUR ? 0 : 1, MORNING_HOUR)
    case 'nextWeek': {
      const { weekday } = wall.get()
      // Days to the next Monday (weekday 1), never 0.
      return wall.at((8 - weekday) % 7 || 7, MORNING_HOUR)
    }
  }
}

/** Reads and builds wall times either in the process zone or at a fixed offset. */
function wallClock(now: Date, offsetMinutes?: number) {
  if (offsetMinutes === undefined) {
    return {
      get: () => ({ hour: now.getHours(), weekday: now.getDay() }),
      at: (days: number, hour: number) =>
        new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour),
    }
  }
  const shift = offsetMinutes * 60 * 1000
  const shifted = new Date(now.getTime() + shift)
  return {
    get: () => ({ hour: shifted.getUTCHours(), weekday: shifted.getUTCDay() }),
    at: (days: number, hour: number) =>
      new Date(
        Date.UTC(
          shifted.getUTCFullYear(),
          shifted.getUTCMonth(),
          shifted.getUTCDate() + days,
          hour,
        ) - shift,
      ),
  }
}
