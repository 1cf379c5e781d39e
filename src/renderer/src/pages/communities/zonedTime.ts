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

/** "2026-12-10T19:00" as shown in the gathering's own time zone (for a datetime-local input). */
export function toZonedInput(iso: string, timeZone: string): string {
  return new Date(wallClockAsUtc(Date.parse(iso), timeZone)).toISOString().slice(0, 16)
}

/**
 * The instant a wall-clock time in `timeZone` stands for: guests read times as on site, so the
 * host types them that way too. Two passes settle the offset around a daylight-saving change.
 */
export function fromZonedInput(local: string, timeZone: string): string | null {
  // Only what a datetime-local input gives; Date.parse would take "" or ":00Z" for a date.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
  const asUtc = Date.parse(`${local}:00Z`)
  if (Number.isNaN(asUtc)) return null
  let guess = asUtc
  for (let i = 0; i < 2; i++) guess = asUtc - (wallClockAsUtc(guess, timeZone) - guess)
  return new Date(guess).toISOString()
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone
