/**
 * Calendar export (.ics, RFC 5545) of open follow-ups, events and gatherings, for Google Calendar,
 * Apple Calendar, Outlook and Thunderbird; and the auto-export that keeps one chosen file current
 * for calendar apps subscribed to it.
 *
 * What each client-facing property is, and why:
 * - UID `<kind>-<id>@rapport.local` (kind: followup, event, gathering). Record ids never change,
 *   so importing a later export updates the same entries instead of adding copies.
 * - SEQUENCE: whole seconds from the record's createdAt to its updatedAt, rounded up. The core
 *   stamps updatedAt on every change and never moves it back, so SEQUENCE grows with each edit and
 *   never decreases (two edits inside the same second share a value; DTSTAMP still orders them).
 *   It is 0 for a record never edited and fits a 32-bit INTEGER for 68 years.
 * - DTSTAMP: the export time. With a METHOD present, RFC 5545 §3.8.7.2 defines DTSTAMP as when
 *   the iCalendar object was created; clients use it to break SEQUENCE ties (RFC 5546), which is
 *   how a renamed contact reaches the follow-up titles that show the name. CREATED and
 *   LAST-MODIFIED carry the record's own times.
 * - Times carry TZID *and* the matching VTIMEZONE (from @touch4it/ical-timezones, once per zone
 *   used): a TZID without its VTIMEZONE makes Outlook shift events by an hour. Those VTIMEZONEs
 *   date from tzdata 2018g; zones that changed rules since (Mexico City, São Paulo, Tehran…)
 *   would then put an item at the wrong instant. So every instant is checked: the wall time is
 *   read back through the VTIMEZONE's own rules, the way a client does, and an item whose instant
 *   would move is written in UTC instead (still exact, only shown in the viewer's zone). The
 *   package reads its zone files next to itself at run time: it must stay an external dependency
 *   (electron-vite's default for `dependencies`), which electron-builder ships inside app.asar,
 *   where Electron's fs reads them. Were they missing, times would fall back to UTC, never drift.
 * - Follow-ups (status open or snoozed) sit at max(dueAt, snoozedUntil) as 30-minute events in
 *   the user's zone. They become all-day items (DTSTART;VALUE=DATE, DTEND the next day:
 *   exclusive) when due at exactly local midnight, which is how a "some time that day" item is
 *   stored, and for important dates (birthdays) unless snoozed to a later time: the day is the
 *   point, not 09:00. TRANSP:TRANSPARENT, so a follow-up never blocks free/busy time.
 * - Events get a VALARM (ACTION:DISPLAY, TRIGGER:-PT10M): the method's "arrive 10 minutes
 *   early". Events and gatherings are always timed, in their own zone. Nothing writes ATTENDEE:
 *   METHOD:PUBLISH with attendees would make clients send invitations.
 * - Text is escaped (backslash, semicolon, comma, newlines; other control characters dropped) and
 *   lines are folded at 75 octets without splitting a UTF-8 sequence.
 *
 * Speed: ical-generator folds its whole output through `new TextEncoder().encode` once per
 * character, about 3.2 s for 10,000 events with alarms (the target is 1 s); and given native
 * Dates it writes the process's wall time under an event's TZID. It therefore writes only the
 * calendar header here (VERSION, PRODID, CALSCALE, METHOD, NAME/X-WR-CALNAME); VEVENTs are
 * rendered by `renderFollowUp`/`renderEvent`/`renderGathering` with a folder that counts octets
 * from UTF-16 code units, and the auto-exporter keeps each record's VEVENT until the record
 * object is replaced.
 */
import { followUpTitle, followUpWords } from '../../../shared/followUps/followUpWords'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalCalendarMethod } from 'ical-generator'
import type {
  Contact,
  FollowUp,
  Gathering,
  Language,
  RapportEvent,
  StoreData,
} from '../../../shared/model'
import { writeFileDurably } from '../store/durableJsonFile'

export interface IcsOptions {
  include: { followUps: boolean; events: boolean; gatherings: boolean }
  /** First day to include (YYYY-MM-DD, inclusive), compared with each item's local days. */
  from?: string
  /** Last day to include (YYYY-MM-DD, inclusive). */
  to?: string
  /** The export time: DTSTAMP of every item. */
  now: Date
  calendarName: string
  language: 'zh-CN' | 'en'
  /** IANA zone that follow-ups are shown in; defaults to the system's (the user's) zone. */
  timeZone?: string
}

export type IcsExporterOptions = Omit<IcsOptions, 'now'>

/** The whole calendar in one go. Same output as an `IcsAutoExporter` given the same inputs. */
export function exportIcs(data: Readonly<StoreData>, options: IcsOptions): string {
  const { now, ...rest } = options
  return assemble(data, compileOptions(rest), now, null)
}

/**
 * Keeps one .ics file current (the settings' `reminders.autoExportPath`). Records are immutable
 * and a change replaces the object, so each record's VEVENT is cached by object identity (a
 * follow-up's together with its contact, whose name it shows): after one change only that record
 * is rendered again and the rest is joined from the cache. `renderBytes` gives the same text as
 * UTF-8 for `writeIcsFile`, the cheaper route at 10,000 items. Options are fixed for the
 * exporter's life: make a new one when they change.
 */
export class IcsAutoExporter {
  private readonly compiled: CompiledOptions
  private cache = new WeakMap<object, CacheEntry>()

  constructor(options: IcsExporterOptions) {
    this.compiled = compileOptions(options)
  }

  render(data: Readonly<StoreData>, now: Date): string {
    this.checkZone()
    return assemble(data, this.compiled, now, this.cache)
  }

  /**
   * The same text as `render`, as UTF-8 bytes for `writeIcsFile`. Faster at this size: joining
   * 20,000 cached strings and encoding the result costs more than concatenating cached bytes.
   */
  renderBytes(data: Readonly<StoreData>, now: Date): Buffer {
    this.checkZone()
    return assembleBytes(data, this.compiled, now, this.cache)
  }

  private checkZone(): void {
    // Should the runtime report a new system zone (travel), cached follow-ups used the old one.
    const zone = resolveZone(this.compiled.requestedZone)
    if (zone !== this.compiled.zone) {
      this.compiled.zone = zone
      this.cache = new WeakMap()
    }
  }
}

/** Writes the export so that a calendar app never reads half a file, and it survives a crash. */
export async function writeIcsFile(path: string, text: string | Buffer): Promise<void> {
  await writeFileDurably(path, text)
}

// ---------------------------------------------------------------------------------------------
// Assembly

interface CompiledOptions {
  include: IcsOptions['include']
  from: string
  to: string
  language: Language
  requestedZone: string | undefined
  zone: string
  header: string
}

/** One record's VEVENT without its first two lines (BEGIN:VEVENT and DTSTAMP, the export time). */
interface Rendered {
  body: string
  /** `body` in UTF-8, made when first written by the auto-exporter. */
  bytes?: Buffer
  tzid: string | null
  /** Local days the item spans (YYYY-MM-DD, inclusive), for the date range. */
  firstDay: string
  lastDay: string
}

interface CacheEntry {
  rendered: Rendered | null
  /** What else the VEVENT shows: a follow-up's contact. */
  dependency: object | undefined
}

const DATE = /^\d{4}-\d{2}-\d{2}/

function compileOptions(options: IcsExporterOptions): CompiledOptions {
  const day = (value: string | undefined, fallback: string): string => {
    if (value === undefined || value === '') return fallback
    if (!DATE.test(value)) throw new RangeError(`Not a date (YYYY-MM-DD): ${value}`)
    return value.slice(0, 10)
  }
  return {
    include: { ...options.include },
    from: day(options.from, '0000-00-00'),
    to: day(options.to, '9999-99-99'),
    language: options.language,
    requestedZone: options.timeZone,
    zone: resolveZone(options.timeZone),
    header: calendarHeader(options.calendarName),
  }
}

function calendarHeader(name: string): string {
  // ical-generator writes NAME and X-WR-CALNAME unescaped; it folds this short text cheaply.
  const calendar = ical({
    prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'gregorian',
    name: escapeText(name.trim() || 'Rapport'),
  })
  const text = calendar.toString()
  return text.slice(0, text.lastIndexOf('END:VCALENDAR'))
}

interface Selection {
  items: Rendered[]
  tzids: string[]
  /** The first two lines of every VEVENT: BEGIN and DTSTAMP (the export time). */
  head: string
}

function collect(
  data: Readonly<StoreData>,
  options: CompiledOptions,
  now: Date,
  cache: WeakMap<object, CacheEntry> | null,
): Selection {
  const items: Rendered[] = []
  const tzids = new Set<string>()
  const add = (rendered: Rendered | null): void => {
    if (!rendered || rendered.lastDay < options.from || rendered.firstDay > options.to) return
    if (rendered.tzid) tzids.add(rendered.tzid)
    items.push(rendered)
  }
  const cached = (
    record: object,
    dependency: object | undefined,
    render: () => Rendered | null,
  ): Rendered | null => {
    if (!cache) return render()
    const entry = cache.get(record)
    if (entry && entry.dependency === dependency) return entry.rendered
    const rendered = render()
    cache.set(record, { rendered, dependency })
    return rendered
  }

  if (options.include.followUps) {
    const contacts = new Map<string, Contact>()
    for (const contact of data.contacts) contacts.set(contact.id, contact)
    for (const followUp of data.followUps) {
      if (followUp.status !== 'open' && followUp.status !== 'snoozed') continue
      const contact = contacts.get(followUp.contactId)
      add(cached(followUp, contact, () => renderFollowUp(followUp, contact, options)))
    }
  }
  if (options.include.events) {
    for (const event of data.events) {
      add(cached(event, undefined, () => renderEvent(event, options.language)))
    }
  }
  if (options.include.gatherings) {
    for (const gathering of data.gatherings) {
      add(cached(gathering, undefined, () => renderGathering(gathering, options)))
    }
  }
  const head = `BEGIN:VEVENT\r\nDTSTAMP:${utcStamp(wholeSeconds(now.getTime()))}\r\n`
  return { items, tzids: [...tzids].sort(), head }
}

const FOOT = 'END:VCALENDAR\r\n'

function zonesText(tzids: readonly string[]): string {
  let text = ''
  for (const tzid of tzids) text += vtimezones.get(tzid) ?? ''
  return text
}

function assemble(
  data: Readonly<StoreData>,
  options: CompiledOptions,
  now: Date,
  cache: WeakMap<object, CacheEntry> | null,
): string {
  const { items, tzids, head } = collect(data, options, now, cache)
  const parts: string[] = [options.header, zonesText(tzids)]
  for (const item of items) parts.push(head, item.body)
  parts.push(FOOT)
  return parts.join('')
}

/** As `assemble`, in UTF-8, from each record's bytes encoded once: no big string to encode. */
function assembleBytes(
  data: Readonly<StoreData>,
  options: CompiledOptions,
  now: Date,
  cache: WeakMap<object, CacheEntry>,
): Buffer {
  const { items, tzids, head } = collect(data, options, now, cache)
  const headBytes = Buffer.from(head)
  const buffers: Buffer[] = [Buffer.from(options.header + zonesText(tzids))]
  for (const item of items) buffers.push(headBytes, (item.bytes ??= Buffer.from(item.body)))
  buffers.push(Buffer.from(FOOT))
  return Buffer.concat(buffers)
}

// ---------------------------------------------------------------------------------------------
// Records

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

function renderFollowUp(
  followUp: FollowUp,
  contact: Contact | undefined,
  options: CompiledOptions,
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
  if ((followUp.reason === 'importantDate' && !movedLater) || wall % 86_400_000 === 0) {
    const day = Math.floor(wall / 86_400_000) * 86_400_000
    firstDay = lastDay = isoDay(day)
    lines +=
      `DTSTART;VALUE=DATE:${compactDay(day)}\r\n` +
      `DTEND;VALUE=DATE:${compactDay(day + 86_400_000)}\r\n`
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

function renderEvent(event: RapportEvent, language: Language): Rendered | null {
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
function renderGathering(gathering: Gathering, options: CompiledOptions): Rendered | null {
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

// ---------------------------------------------------------------------------------------------
// Text: escaping and folding

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /[\\;,\r\n\x00-\x08\x0b-\x1f\x7f]/
// eslint-disable-next-line no-control-regex -- as above
const ESCAPED = /\r\n|[\\;,\r\n\x00-\x08\x0b-\x1f\x7f]/g

/** A TEXT value (RFC 5545 §3.3.11). Control characters other than tab are not allowed: dropped. */
export function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value
  return value.replace(ESCAPED, (match) => {
    if (match === '\r\n' || match === '\n' || match === '\r') return '\\n'
    if (match === '\\' || match === ';' || match === ',') return `\\${match}`
    return ''
  })
}

function textLine(name: string, value: string): string {
  return foldLine(`${name}:${escapeText(value)}`) + '\r\n'
}

function optionalText(name: string, value: string): string {
  return value === '' ? '' : textLine(name, value)
}

const MAX_OCTETS = 75
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const ASCII = /^[\x00-\x7f]*$/

/**
 * Folds one content line (no CRLF inside) so that no physical line exceeds 75 octets of UTF-8,
 * continuation lines starting with a space (RFC 5545 §3.1). Octets are counted from UTF-16 code
 * units, so nothing is encoded; a surrogate pair (4 octets) is never split.
 */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 octets: 25 units always fit.
  if (line.length <= MAX_OCTETS / 3) return line
  if (ASCII.test(line)) {
    if (line.length <= MAX_OCTETS) return line
    let out = line.slice(0, MAX_OCTETS)
    for (let at = MAX_OCTETS; at < line.length; at += MAX_OCTETS - 1) {
      out += '\r\n ' + line.slice(at, at + MAX_OCTETS - 1)
    }
    return out
  }
  let out = ''
  let start = 0
  let octets = 0
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i)
    let size = code < 0x80 ? 1 : code < 0x800 ? 2 : 3
    let units = 1
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      const next = line.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        size = 4
        units = 2
      }
    }
    // A lone surrogate is written as U+FFFD: 3 octets, as counted.
    if (octets + size > MAX_OCTETS) {
      out += line.slice(start, i) + '\r\n '
      start = i
      octets = 1
    }
    octets += size
    i += units - 1
  }
  return out + line.slice(start)
}

// ---------------------------------------------------------------------------------------------
// Time

/** The system zone when none is asked for. Follow-up rules work in it too (local 09:00 etc.). */
function resolveZone(requested: string | undefined): string {
  if (requested) return requested
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone
  // ICU says Etc/Unknown when it cannot tell (an empty TZ, for one).
  return system && system !== 'Etc/Unknown' ? system : 'UTC'
}

const wholeSeconds = (time: number): number => Math.floor(time / 1000) * 1000

/** `YYYYMMDDTHHMMSSZ` of a UTC instant. */
function utcStamp(time: number): string {
  return compact(new Date(time).toISOString()) + 'Z'
}

/** `YYYYMMDDTHHMMSS` of a wall time held as UTC milliseconds. */
function compactWall(wall: number): string {
  return compact(new Date(wall).toISOString())
}

function compact(iso: string): string {
  return (
    iso.slice(0, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    'T' +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19)
  )
}

const isoDay = (wall: number): string => new Date(wall).toISOString().slice(0, 10)
const compactDay = (wall: number): string => isoDay(wall).replaceAll('-', '')

/** One formatter per zone (creating them is the slow part); null for a zone Intl does not know. */
const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone)
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
    } catch {
      formatter = null
    }
    formatters.set(zone, formatter)
  }
  return formatter
}

const US_WALL = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/

/** The wall clock in `zone` at `time`, as UTC milliseconds; an unknown zone reads as UTC. */
function wallTime(zone: string, time: number): number {
  const formatter = formatterFor(zone)
  if (!formatter) return time
  // format() is about three times faster than formatToParts(); its en-US shape is fixed.
  const match = US_WALL.exec(formatter.format(time))
  if (match) {
    const [, month, day, year, hour, minute, second] = match.map(Number) as number[]
    return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!)
  }
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(time)) parts[part.type] = Number(part.value)
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  )
}

interface LocalTimes {
  /** `;TZID=<zone>:<wall>` or `:<utc>Z`, to follow the property name. */
  values: string[]
  days: string[]
  tzid: string | null
}

/**
 * Instants as local times with TZID when the bundled VTIMEZONE reproduces every one of them;
 * otherwise (unknown zone, UTC itself, stale rules) all in UTC, so start and end stay alike.
 */
function localTimes(zone: string, instants: readonly number[]): LocalTimes {
  const walls = instants.map((time) => wallTime(zone, time))
  const days = walls.map(isoDay)
  const model = zoneModel(zone)
  if (model && instants.every((time, i) => clientInstant(model, walls[i]!) === time)) {
    return {
      values: walls.map((wall) => `;TZID=${model.tzid}:${compactWall(wall)}`),
      days,
      tzid: model.tzid,
    }
  }
  return { values: instants.map((time) => `:${utcStamp(time)}`), days, tzid: null }
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE: the bundled blocks, and reading a wall time back through them as a client would

interface Observance {
  from: number
  to: number
  /** DTSTART as a wall time (UTC milliseconds), in the offset `from`. */
  onset: number
  rule: { month: number; nth: number; weekday: number } | null
}

interface Transition {
  at: number
  from: number
  to: number
}

interface ZoneModel {
  tzid: string
  observances: Observance[]
  offsets: number[]
  byYear: Map<number, Transition[]>
}

/** Keyed by the zone as records spell it; null when there is no usable VTIMEZONE. */
const zoneModels = new Map<string, ZoneModel | null>()
/** The VTIMEZONE text (folded, CRLF) by its TZID. */
const vtimezones = new Map<string, string>()

function zoneModel(zone: string): ZoneModel | null {
  let model = zoneModels.get(zone)
  if (model === undefined) {
    model = loadZoneModel(zone)
    zoneModels.set(zone, model)
  }
  return model
}

function loadZoneModel(zone: string): ZoneModel | null {
  const formatter = formatterFor(zone)
  // UTC needs no VTIMEZONE: `Z` says it to every client.
  if (!formatter || formatter.resolvedOptions().timeZone === 'UTC') return null
  let text: string | null
  try {
    text = getVtimezoneComponent(zone)
  } catch {
    text = null
  }
  if (!text) return null
  const lines = text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
  const tzid = lines.find((line) => line.startsWith('TZID:'))?.slice(5)
  const observances = parseObservances(lines)
  if (!tzid || !observances || observances.length === 0) return null
  if (!vtimezones.has(tzid)) vtimezones.set(tzid, lines.map(foldLine).join('\r\n') + '\r\n')
  const offsets = [...new Set(observances.flatMap((o) => [o.from, o.to]))]
  return { tzid, observances, offsets, byYear: new Map() }
}

const RULE = /^FREQ=YEARLY;BYMONTH=(\d{1,2});BYDAY=(-1|[1-5])(SU|MO|TU|WE|TH|FR|SA)$/
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']
const OFFSET = /^([+-])(\d{2})(\d{2})(\d{2})?$/
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/

/** STANDARD/DAYLIGHT parts; null when they use more than this reader understands. */
function parseObservances(lines: readonly string[]): Observance[] | null {
  const observances: Observance[] = []
  let current: Partial<Observance> | null = null
  for (const line of lines) {
    if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') {
      current = { rule: null }
    } else if (line === 'END:STANDARD' || line === 'END:DAYLIGHT') {
      if (!current || current.from === undefined || current.to === undefined) return null
      if (current.onset === undefined) return null
      observances.push(current as Observance)
      current = null
    } else if (current) {
      const colon = line.indexOf(':')
      const name = line.slice(0, colon)
      const value = line.slice(colon + 1)
      if (name === 'TZOFFSETFROM' || name === 'TZOFFSETTO') {
        const match = OFFSET.exec(value)
        if (!match) return null
        const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)
        current[name === 'TZOFFSETFROM' ? 'from' : 'to'] =
          (match[1] === '-' ? -1 : 1) * seconds * 1000
      } else if (name === 'DTSTART') {
        const match = DATE_TIME.exec(value)
        if (!match) return null
        const [, y, mo, d, h, mi, s] = match.map(Number) as number[]
        current.onset = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)
      } else if (name === 'RRULE') {
        const match = RULE.exec(value)
        if (!match) return null
        const weekday = WEEKDAYS.indexOf(match[3]!)
        current.rule = { month: Number(match[1]), nth: Number(match[2]), weekday }
      } else if (name === 'RDATE' || name.startsWith('RRULE;') || name.startsWith('DTSTART;')) {
        return null
      }
    }
  }
  return observances
}

/** Day of month of the nth (or last, -1) weekday; 0 when that month has no such day. */
function nthWeekday(year: number, month: number, nth: number, weekday: number): number {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (nth < 0) {
    const last = new Date(Date.UTC(year, month - 1, length)).getUTCDay()
    return length - ((last - weekday + 7) % 7)
  }
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7
  return day <= length ? day : 0
}

/** Transitions around `year` (the year before to the year after), by instant. */
function transitionsNear(model: ZoneModel, year: number): Transition[] {
  let list = model.byYear.get(year)
  if (list) return list
  list = []
  for (const o of model.observances) {
    if (!o.rule) {
      list.push({ at: o.onset - o.from, from: o.from, to: o.to })
      continue
    }
    const time = o.onset - Math.floor(o.onset / 86_400_000) * 86_400_000
    for (let y = year - 1; y <= year + 1; y += 1) {
      const day = nthWeekday(y, o.rule.month, o.rule.nth, o.rule.weekday)
      if (day === 0) continue
      const wall = Date.UTC(y, o.rule.month - 1, day) + time
      if (wall >= o.onset) list.push({ at: wall - o.from, from: o.from, to: o.to })
    }
  }
  list.sort((a, b) => a.at - b.at)
  model.byYear.set(year, list)
  return list
}

function offsetAt(model: ZoneModel, time: number): number {
  const list = transitionsNear(model, new Date(time).getUTCFullYear())
  let offset = list[0]?.from ?? Number.NaN
  for (const transition of list) {
    if (transition.at > time) break
    offset = transition.to
  }
  return offset
}

/**
 * The instant a client takes a wall time in this VTIMEZONE to mean: of the offsets that give a
 * consistent reading, the earliest instant (RFC 5545 §3.3.5: a repeated hour means its first
 * occurrence). NaN when the wall time falls into the zone's gap.
 */
function clientInstant(model: ZoneModel, wall: number): number {
  let best = Number.NaN
  for (const offset of model.offsets) {
    const time = wall - offset
    if (offsetAt(model, time) === offset && !(time >= best)) best = time
  }
  return best
}
