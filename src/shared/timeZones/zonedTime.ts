/**
 * Wall clocks and instants in IANA time zones, for the main process (calendar export, snoozes)
 * and the renderer (venue times) alike. Times are epoch milliseconds; a *wall* time is the
 * wall-clock reading held as if it were UTC (Date.UTC of its fields), so days and minutes are
 * plain arithmetic on it.
 *
 * The zone rules come from the runtime's own tz database through temporal-polyfill (Temporal's
 * API over Intl). Its wall → instant conversion takes an explicit disambiguation rule and does
 * not depend on the process's zone, which @date-fns/tz's TZDate did (and it took the later
 * reading of a repeated hour).
 *
 * Unknown zones give NaN (or false): callers decide what to fall back to.
 */
import { Temporal } from 'temporal-polyfill'

/** The system zone; UTC when the runtime cannot tell (ICU says Etc/Unknown for an empty TZ). */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return zone && zone !== 'Etc/Unknown' ? zone : 'UTC'
}

/** Validity per zone name: a RangeError from Temporal is slow to make at 10,000 items. */
const known = new Map<string, boolean>()

export function isTimeZone(zone: string): boolean {
  let ok = known.get(zone)
  if (ok === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone)
      ok = true
    } catch {
      ok = false
    }
    known.set(zone, ok)
  }
  return ok
}

/** Whether the zone is UTC itself under another name (Etc/UTC, GMT…): `Z` says it better. */
export function isUtcZone(zone: string): boolean {
  let utc = utcNames.get(zone)
  if (utc === undefined) {
    utc =
      isTimeZone(zone) &&
      new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone === 'UTC'
    utcNames.set(zone, utc)
  }
  return utc
}

const utcNames = new Map<string, boolean>()

function zoned(zone: string, instant: number): Temporal.ZonedDateTime | null {
  if (!Number.isFinite(instant) || !isTimeZone(zone)) return null
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone)
}

/** A stretch of time with one UTC offset, as the zone's rules give it. */
interface Period {
  start: number
  /** Exclusive. */
  end: number
  offset: number
}

/**
 * Periods looked up so far, per zone, sorted: a Temporal conversion costs about 10 µs, and a
 * calendar export reads 20,000 instants that fall into a handful of periods.
 */
const periods = new Map<string, Period[]>()

function periodAt(zone: string, instant: number): Period | null {
  let list = periods.get(zone)
  if (list) {
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const period = list[middle]!
      if (instant < period.start) high = middle - 1
      else if (instant >= period.end) low = middle + 1
      else return period
    }
  }
  const at = zoned(zone, instant)
  if (!at) return null
  // 'previous' looks strictly before: from a nanosecond later it finds a change at `instant`.
  const previous = at.add({ nanoseconds: 1 }).getTimeZoneTransition('previous')
  const next = at.getTimeZoneTransition('next')
  const period = {
    start: previous ? previous.epochMilliseconds : -Infinity,
    end: next ? next.epochMilliseconds : Infinity,
    offset: at.offsetNanoseconds / 1e6,
  }
  if (!list) periods.set(zone, (list = []))
  list.push(period)
  list.sort((a, b) => a.start - b.start)
  return period
}

/** The zone's offset from UTC at `instant`, in milliseconds east (+08:00 is 28,800,000). */
export function offsetAt(zone: string, instant: number): number {
  if (!Number.isFinite(instant)) return Number.NaN
  return periodAt(zone, instant)?.offset ?? Number.NaN
}

/** The wall clock in `zone` at `instant`, as a wall time (UTC milliseconds of its fields). */
export function wallClock(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant)
}

/**
 * Whether the wall clock at `instant` reads so only once: false in both runs of an hour repeated
 * when clocks fall back (and for an unknown zone). Calendar clients disagree on such a time:
 * RFC 5545 says the first run, ical.js takes the second.
 */
export function wallIsUnique(zone: string, instant: number): boolean {
  const period = periodAt(zone, instant)
  if (!period) return false
  const wall = instant + period.offset
  // A twin reading can only come from the offset just before or just after this period.
  for (const neighbour of [period.start - 1, period.end]) {
    if (!Number.isFinite(neighbour)) continue
    const offset = offsetAt(zone, neighbour)
    const twin = wall - offset
    if (twin !== instant && offsetAt(zone, twin) === offset) return false
  }
  return true
}

/**
 * The instant a wall time in `zone` stands for. Where the clocks jump forward (a wall time that
 * never happens) it is read with the offset before the jump, so 02:30 on a spring-forward night
 * in New York is 03:30 EDT; where they fall back (a wall time that happens twice) it is the
 * first of the two. That is RFC 5545 §3.3.5's rule, so calendar clients read a TZID time the
 * same way, and Temporal's 'compatible' disambiguation. Seconds and milliseconds are kept.
 */
export function instantOf(zone: string, wall: number): number {
  if (!Number.isFinite(wall) || !isTimeZone(zone)) return Number.NaN
  const d = new Date(wall)
  const plain = new Temporal.PlainDateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  )
  return plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds
}

export interface OffsetTransition {
  /** The first instant of the new offset. */
  at: number
  /** Offsets before and after, in milliseconds east of UTC. */
  from: number
  to: number
}

/** Every change of the zone's UTC offset in [from, to), in order; [] for an unknown zone. */
export function offsetTransitions(zone: string, from: number, to: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = []
  let at = zoned(zone, from)
  while (at) {
    const next: Temporal.ZonedDateTime | null = at.getTimeZoneTransition('next')
    if (!next || next.epochMilliseconds >= to) break
    // A change of rules that keeps the offset (a new name, say) is no transition for a clock.
    if (next.offsetNanoseconds !== at.offsetNanoseconds) {
      transitions.push({
        at: next.epochMilliseconds,
        from: at.offsetNanoseconds / 1e6,
        to: next.offsetNanoseconds / 1e6,
      })
    }
    at = next
  }
  return transitions
}
