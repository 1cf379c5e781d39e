/**
 * What the runtime's tz database says, read through Intl alone (not through the code under
 * test): offsets, and the offset changes in a span found by scanning and bisecting to the minute.
 */

/** Zones the tests use, and two with half-hour offsets or half-hour changes. */
export const TEST_ZONES = [
  'Asia/Shanghai',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Mexico_City',
  'Australia/Sydney',
  'America/St_Johns',
  'Australia/Lord_Howe',
] as const

const formats = new Map<string, Intl.DateTimeFormat>()

/** The offset Intl gives `zone` at `instant`, in milliseconds east of UTC. */
export function intlOffset(zone: string, instant: number): number {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    formats.set(zone, format)
  }
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name) // "GMT" alone for +00:00
  if (!match) return 0
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000
}

export interface Change {
  at: number
  from: number
  to: number
}

const MINUTE = 60_000
const STEP = 6 * 60 * MINUTE

/** Offset changes in [from, to), to the minute (every change in these zones is on a minute). */
export function intlChanges(zone: string, from: number, to: number): Change[] {
  const changes: Change[] = []
  let before = intlOffset(zone, from)
  for (let t = from + STEP; t < to + STEP; t += STEP) {
    const after = intlOffset(zone, Math.min(t, to - MINUTE))
    if (after === before) continue
    let low = t - STEP // offset `before`
    let high = Math.min(t, to - MINUTE) // offset `after`
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE
      if (intlOffset(zone, middle) === before) low = middle
      else high = middle
    }
    changes.push({ at: high, from: before, to: after })
    before = after
  }
  return changes
}

export const SPAN = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2029, 0, 1) }
