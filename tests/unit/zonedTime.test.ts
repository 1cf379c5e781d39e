import { describe, expect, it } from 'vitest'
import {
  instantOf,
  isTimeZone,
  isUtcZone,
  offsetAt,
  offsetTransitions,
  wallClock,
  wallIsUnique,
} from '../../src/shared/timeZones/zonedTime'
import { SPAN, TEST_ZONES, intlChanges, intlOffset } from './zoneOracle'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const wall = (text: string) => Date.parse(`${text}Z`)
const iso = (time: number) => new Date(time).toISOString()

describe.each(TEST_ZONES)('zonedTime in %s, 2026–2028', (zone) => {
  const changes = intlChanges(zone, SPAN.from, SPAN.to)

  it('finds the same offset changes as Intl, to the minute', () => {
    expect(offsetTransitions(zone, SPAN.from, SPAN.to)).toEqual(changes)
    // Every zone here but Shanghai and Mexico City changes its clocks twice a year.
    const none = zone === 'Asia/Shanghai' || zone === 'America/Mexico_City'
    expect(changes).toHaveLength(none ? 0 : 6)
  })

  it('gives the offset and wall clock Intl gives, either side of each change and mid-month', () => {
    const instants = changes.flatMap((c) => [c.at - MINUTE, c.at, c.at + MINUTE])
    for (let month = 0; month < 36; month++) instants.push(Date.UTC(2026, month, 15, 12))
    for (const t of instants) {
      expect(offsetAt(zone, t)).toBe(intlOffset(zone, t))
      expect(wallClock(zone, t)).toBe(t + intlOffset(zone, t))
    }
  })

  it('reads every wall time back to its instant, except in a repeated hour', () => {
    for (const { at, from, to } of changes) {
      const repeat = Math.max(0, from - to)
      for (let t = at - 3 * HOUR; t <= at + 3 * HOUR; t += 5 * MINUTE) {
        // When the clocks go back by `repeat`, the walls of [at - repeat, at + repeat) occur twice.
        const repeated = t >= at - repeat && t < at + repeat
        expect(wallIsUnique(zone, t), iso(t)).toBe(!repeated)
        if (repeated) continue
        expect(iso(instantOf(zone, wallClock(zone, t)))).toBe(iso(t))
      }
    }
  })

  it('reads a skipped wall time with the offset before the jump, a repeated one as its first run', () => {
    for (const { at, from, to } of changes) {
      // The walls between the two readings of the change's instant: skipped or repeated.
      const [low, high] = [at + Math.min(from, to), at + Math.max(from, to)]
      for (let w = low; w < high; w += 15 * MINUTE) {
        expect(iso(instantOf(zone, w))).toBe(iso(w - from))
      }
    }
  })
})

describe('zonedTime: the stated rule on known nights', () => {
  it.each([
    // Spring forward: the wall time is read in the offset before, landing after the jump.
    ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00.000Z'], // 03:30 EDT
    ['Europe/Paris', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'], // 03:30 CEST
    ['Europe/London', '2026-03-29T01:30:00', '2026-03-29T01:30:00.000Z'], // 02:30 BST
    ['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:30:00.000Z'], // 03:30 AEDT
    // Fall back: the first of the two runs, still on daylight time.
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z'], // EDT
    ['Europe/Paris', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'], // CEST
    ['Europe/London', '2026-10-25T01:30:00', '2026-10-25T00:30:00.000Z'], // BST
    ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T15:30:00.000Z'], // AEDT
    // No change: Shanghai is +08:00 all year.
    ['Asia/Shanghai', '2026-07-01T09:00:00', '2026-07-01T01:00:00.000Z'],
  ])('%s %s is %s', (zone, local, expected) => {
    expect(iso(instantOf(zone, wall(local)))).toBe(expected)
  })

  it('keeps seconds and milliseconds', () => {
    expect(iso(instantOf('Europe/Paris', wall('2026-07-01T09:00:01.250')))).toBe(
      '2026-07-01T07:00:01.250Z',
    )
  })

  it('gives NaN or false for a zone the runtime does not know, and tells UTC by any name', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(offsetAt('Mars/Olympus_Mons', 0)).toBeNaN()
    expect(instantOf('Mars/Olympus_Mons', 0)).toBeNaN()
    expect(wallIsUnique('Mars/Olympus_Mons', 0)).toBe(false)
    expect(offsetTransitions('Mars/Olympus_Mons', SPAN.from, SPAN.to)).toEqual([])
    expect(['UTC', 'Etc/UTC', 'GMT'].map(isUtcZone)).toEqual([true, true, true])
    expect(['Europe/London', 'Africa/Abidjan'].map(isUtcZone)).toEqual([false, false])
  })
})
