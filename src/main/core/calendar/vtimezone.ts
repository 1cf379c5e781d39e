/**
 * VTIMEZONE components (RFC 5545 §3.6.5) made from the runtime's own tz database, for the zones
 * an export names in TZIDs: a TZID without its VTIMEZONE makes Outlook shift events by an hour.
 *
 * Each offset change in the exported years is written as its own STANDARD or DAYLIGHT part with
 * a one-off DTSTART and no RRULE, after a first part that fixes the offset on 1 January of the
 * first year. Longer than a yearly rule, but exact for any zone, whatever its rules did (Mexico
 * City dropped daylight saving in 2022; packaged rule sets from before then still have it).
 */
import {
  instantOf,
  isTimeZone,
  isUtcZone,
  offsetAt,
  offsetTransitions,
} from '../../../shared/timeZones/zonedTime'
import { compactWall } from './icsDates'
import { foldLine } from './icsText'

/** `+0800`, `-0330`; seconds only when there are some (RFC 5545 UTC-OFFSET). */
function utcOffset(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const seconds = total % 60
  return (
    (ms < 0 ? '-' : '+') +
    pad(Math.floor(total / 3600)) +
    pad(Math.floor(total / 60) % 60) +
    (seconds ? pad(seconds) : '')
  )
}

/**
 * The zone's VTIMEZONE covering local years `fromYear` to `toYear` (inclusive), folded, CRLF
 * line ends; null for UTC (`Z` says it) and for zones the runtime does not know.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
  if (!isTimeZone(zone) || isUtcZone(zone)) return null
  const start = instantOf(zone, Date.UTC(fromYear, 0, 1))
  const end = instantOf(zone, Date.UTC(toYear + 1, 0, 1))
  // Daylight or standard is only the part's name (clients convert by the offsets): an offset
  // above the lower of January's and July's that year counts as daylight saving.
  const standard = (at: number): number => {
    const year = new Date(at).getUTCFullYear()
    return Math.min(offsetAt(zone, Date.UTC(year, 0, 1)), offsetAt(zone, Date.UTC(year, 6, 1)))
  }
  const part = (at: number, from: number, to: number): string => {
    const kind = to > standard(at) ? 'DAYLIGHT' : 'STANDARD'
    return (
      `BEGIN:${kind}\r\n` +
      // DTSTART is the wall time the change happens at, read in the offset before it.
      `DTSTART:${compactWall(at + from)}\r\n` +
      `TZOFFSETFROM:${utcOffset(from)}\r\n` +
      `TZOFFSETTO:${utcOffset(to)}\r\n` +
      `END:${kind}\r\n`
    )
  }
  const first = offsetAt(zone, start)
  let text = `BEGIN:VTIMEZONE\r\n${foldLine(`TZID:${zone}`)}\r\n` + part(start, first, first)
  for (const change of offsetTransitions(zone, start, end)) {
    text += part(change.at, change.from, change.to)
  }
  return text + 'END:VTIMEZONE\r\n'
}
