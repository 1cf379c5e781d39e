/** Wall-clock times in an event's own time zone, for datetime-local inputs. */

function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return asUtc - Math.floor(at / 1000) * 1000
}

/** "2026-12-10T09:00" in Asia/Shanghai → "2026-12-10T01:00:00.000Z"; null when not a time. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!)
  try {
    let at = wall - offsetMs(wall, timeZone)
    // Around a DST change the offset at the result may differ from the guess: settle it.
    at = wall - offsetMs(at, timeZone)
    return new Date(at).toISOString()
  } catch {
    return null
  }
}

/** The reverse, for filling the input. */
export function isoToZoned(iso: string, timeZone: string): string {
  try {
    const at = Date.parse(iso)
    return new Date(at + offsetMs(at, timeZone)).toISOString().slice(0, 16)
  } catch {
    return iso.slice(0, 16)
  }
}

export const knownTimeZones: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC']
  }
})()

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone
