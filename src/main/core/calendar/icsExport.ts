/**
 * Calendar export (.ics, RFC 5545) of open follow-ups, events and gatherings, for Google Calendar,
 * Apple Calendar, Outlook and Thunderbird; and the auto-export that keeps one chosen file current
 * for calendar apps subscribed to it. This file assembles and caches; the VEVENTs come from
 * icsEvents, their values from icsDates and icsText, the VTIMEZONEs from vtimezone.
 *
 * - DTSTAMP: the export time. With a METHOD present, RFC 5545 §3.8.7.2 defines DTSTAMP as when
 *   the iCalendar object was created; clients use it to break SEQUENCE ties (RFC 5546), which is
 *   how a renamed contact reaches the follow-up titles that show the name.
 * - Times carry TZID *and* the matching VTIMEZONE, once per zone used, covering the local years
 *   the export's items in that zone fall in, made from the runtime's tz database.
 *
 * Speed: ical-generator folds its whole output through `new TextEncoder().encode` once per
 * character, about 3.2 s for 10,000 events with alarms (the target is 1 s); and given native
 * Dates it writes the process's wall time under an event's TZID. It therefore writes only the
 * calendar header here (VERSION, PRODID, CALSCALE, METHOD, NAME/X-WR-CALNAME); VEVENTs are
 * rendered by icsEvents, and the auto-exporter keeps each record's VEVENT until the record
 * object is replaced.
 */
import ical, { ICalCalendarMethod } from 'ical-generator'
import type { Contact, Language, StoreData } from '../../../shared/model'
import { systemTimeZone } from '../../../shared/timeZones/zonedTime'
import { writeFileDurably } from '../store/durableJsonFile'
import { utcStamp, wholeSeconds } from './icsDates'
import { renderEvent, renderFollowUp, renderGathering, type Rendered } from './icsEvents'
import { escapeText } from './icsText'
import { vtimezone } from './vtimezone'

// Callers and tests know these by this module.
export { sequenceOf } from './icsEvents'
export { escapeText, foldLine } from './icsText'

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
    const zone = this.compiled.requestedZone ?? systemTimeZone()
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
    zone: options.timeZone || systemTimeZone(),
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
  /** Each TZID used, with the local years its items fall in. */
  zones: Map<string, { from: number; to: number }>
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
  const zones = new Map<string, { from: number; to: number }>()
  const add = (rendered: Rendered | null): void => {
    if (!rendered || rendered.lastDay < options.from || rendered.firstDay > options.to) return
    if (rendered.tzid) {
      const first = Number(rendered.firstDay.slice(0, 4))
      const last = Number(rendered.lastDay.slice(0, 4))
      const years = zones.get(rendered.tzid)
      if (!years) zones.set(rendered.tzid, { from: first, to: last })
      else {
        if (first < years.from) years.from = first
        if (last > years.to) years.to = last
      }
    }
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
  return { items, zones, head }
}

const FOOT = 'END:VCALENDAR\r\n'

/** VTIMEZONE texts by zone and years: made once, written by every later export. */
const vtimezones = new Map<string, string>()

function zonesText(zones: Selection['zones']): string {
  let text = ''
  for (const tzid of [...zones.keys()].sort()) {
    const { from, to } = zones.get(tzid)!
    const key = `${tzid} ${from} ${to}`
    let zone = vtimezones.get(key)
    if (zone === undefined) {
      zone = vtimezone(tzid, from, to) ?? ''
      vtimezones.set(key, zone)
    }
    text += zone
  }
  return text
}

function assemble(
  data: Readonly<StoreData>,
  options: CompiledOptions,
  now: Date,
  cache: WeakMap<object, CacheEntry> | null,
): string {
  const { items, zones, head } = collect(data, options, now, cache)
  const parts: string[] = [options.header, zonesText(zones)]
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
  const { items, zones, head } = collect(data, options, now, cache)
  const headBytes = Buffer.from(head)
  const buffers: Buffer[] = [Buffer.from(options.header + zonesText(zones))]
  for (const item of items) buffers.push(headBytes, (item.bytes ??= Buffer.from(item.body)))
  buffers.push(Buffer.from(FOOT))
  return Buffer.concat(buffers)
}
