/** Wall-clock times in a venue's own time zone, for datetime-local inputs (events, gatherings). */
import {
  instantOf,
  isTimeZone,
  systemTimeZone,
  wallClock,
} from '../../../shared/timeZones/zonedTime'

export { isTimeZone }

/**
 * "2026-12-10T19:00" as shown in the venue's own time zone (for a datetime-local input); the
 * stored text cut to minutes if the zone is unknown to this runtime.
 */
export function toZonedInput(iso: string, timeZone: string): string {
  const wall = wallClock(timeZone, Date.parse(iso))
  return Number.isNaN(wall) ? iso.slice(0, 16) : new Date(wall).toISOString().slice(0, 16)
}

/**
 * The instant a wall-clock time in `timeZone` stands for: guests read times as on site, so the
 * host types them that way too. A time the clocks skip reads with the offset before the jump
 * (02:30 becomes 03:30 daylight time); a time they repeat is the first of the two (`instantOf`).
 * Null when the text is not a time or the zone is unknown.
 */
export function fromZonedInput(local: string, timeZone: string): string | null {
  // Only what a datetime-local input gives; Date.parse would take "" or ":00Z" for a date.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
  const instant = instantOf(timeZone, Date.parse(`${local}:00Z`))
  return Number.isNaN(instant) ? null : new Date(instant).toISOString()
}

/** Every IANA zone the runtime knows, for pickers; a few common ones where it cannot list them. */
export const knownTimeZones: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC']
  }
})()

export const localTimeZone = (): string => systemTimeZone()
