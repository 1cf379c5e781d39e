/**
 * RFC 5545 DATE and DATE-TIME values of instants: UTC stamps, all-day dates, and local times
 * with TZID. Zone rules come from the shared zonedTime module (the runtime's tz database).
 */
import { isTimeZone, isUtcZone, wallClock, wallIsUnique } from '../../../shared/timeZones/zonedTime'

export const DAY_MS = 86_400_000

export const wholeSeconds = (time: number): number => Math.floor(time / 1000) * 1000

/** `YYYYMMDDTHHMMSSZ` of a UTC instant. */
export function utcStamp(time: number): string {
  return compact(new Date(time).toISOString()) + 'Z'
}

/** `YYYYMMDDTHHMMSS` of a wall time held as UTC milliseconds. */
export function compactWall(wall: number): string {
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

/** `YYYY-MM-DD` of a wall time. */
export const isoDay = (wall: number): string => new Date(wall).toISOString().slice(0, 10)
/** `YYYYMMDD` of a wall time (a DATE value). */
export const compactDay = (wall: number): string => isoDay(wall).replaceAll('-', '')

/** The wall clock in `zone`; a zone this runtime does not know reads as UTC. */
export function wallTime(zone: string, time: number): number {
  const wall = wallClock(zone, time)
  return Number.isNaN(wall) ? time : wall
}

export interface LocalTimes {
  /** `;TZID=<zone>:<wall>` or `:<utc>Z`, to follow the property name. */
  values: string[]
  /** Local days (YYYY-MM-DD) of the instants. */
  days: string[]
  /** The zone written as TZID, which then needs its VTIMEZONE; null when written in UTC. */
  tzid: string | null
}

/**
 * Instants as local times with TZID, or all in UTC (so start and end stay alike) for UTC itself,
 * a zone the runtime does not know, or an instant in an hour repeated when clocks fall back:
 * clients disagree on which run such a wall time means.
 */
export function localTimes(zone: string, instants: readonly number[]): LocalTimes {
  const walls = instants.map((time) => wallTime(zone, time))
  const days = walls.map(isoDay)
  if (isTimeZone(zone) && !isUtcZone(zone) && instants.every((time) => wallIsUnique(zone, time))) {
    return {
      values: walls.map((wall) => `;TZID=${zone}:${compactWall(wall)}`),
      days,
      tzid: zone,
    }
  }
  return { values: instants.map((time) => `:${utcStamp(time)}`), days, tzid: null }
}
