/** Wall-clock times in a venue's own time zone, for datetime-local inputs (events, gatherings). */

/** The wall-clock fields of `ms` in `timeZone`, read back as if they were UTC. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
}

/**
 * "2026-12-10T19:00" as shown in the venue's own time zone (for a datetime-local input); the
 * stored text cut to minutes if the zone is unknown to this runtime.
 */
export function toZonedInput(iso: string, timeZone: string): string {
  try {
    return new Date(wallClockAsUtc(Date.parse(iso), timeZone)).toISOString().slice(0, 16)
  } catch {
    return iso.slice(0, 16)
  }
}

/**
 * The instant a wall-clock time in `timeZone` stands for: guests read times as on site, so the
 * host types them that way too. Two passes settle the offset around a daylight-saving change.
 * Null when the text is not a time or the zone is unknown.
 */
export function fromZonedInput(local: string, timeZone: string): string | null {
  // Only what a datetime-local input gives; Date.parse would take "" or ":00Z" for a date.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
  const asUtc = Date.parse(`${local}:00Z`)
  if (Number.isNaN(asUtc)) return null
  try {
    let guess = asUtc
    for (let i = 0; i < 2; i++) guess = asUtc - (wallClockAsUtc(guess, timeZone) - guess)
    return new Date(guess).toISOString()
  } catch {
    return null
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Every IANA zone the runtime knows, for pickers; a few common ones where it cannot list them. */
export const knownTimeZones: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC']
  }
})()

export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone
