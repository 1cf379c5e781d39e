import { describe, expect, it } from 'vitest'
import { formatCents, parseCents } from '../../src/renderer/src/communities/money'
import { fromZonedInput, isTimeZone, toZonedInput } from '../../src/renderer/src/format/zonedTime'

describe('event and gathering times typed in the venue’s time zone', () => {
  it('reads 19:00 in Shanghai as 11:00 UTC and shows it back as 19:00', () => {
    expect(fromZonedInput('2026-12-20T19:00', 'Asia/Shanghai')).toBe('2026-12-20T11:00:00.000Z')
    expect(toZonedInput('2026-12-20T11:00:00.000Z', 'Asia/Shanghai')).toBe('2026-12-20T19:00')
  })

  it('follows daylight saving time in Berlin', () => {
    expect(fromZonedInput('2026-07-01T19:00', 'Europe/Berlin')).toBe('2026-07-01T17:00:00.000Z')
    expect(fromZonedInput('2026-01-15T19:00', 'Europe/Berlin')).toBe('2026-01-15T18:00:00.000Z')
  })

  it('refuses what is not a time or a zone', () => {
    expect(fromZonedInput('', 'UTC')).toBeNull()
    expect(fromZonedInput('2026-13-40T25:00', 'UTC')).toBeNull()
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    // An unknown zone (typed into an event) neither throws nor guesses.
    expect(fromZonedInput('2026-12-20T19:00', 'Mars/Olympus')).toBeNull()
    expect(toZonedInput('2026-12-20T11:00:00.000Z', 'Mars/Olympus')).toBe('2026-12-20T11:00')
  })
})

describe('bill amounts typed in the currency', () => {
  it('turns plain amounts into cents and refuses anything else', () => {
    expect(parseCents('1280')).toBe(128_000)
    expect(parseCents('12.5')).toBe(1250)
    expect(parseCents(' 0.07 ')).toBe(7)
    expect(parseCents('12.345')).toBeNull()
    expect(parseCents('-3')).toBeNull()
    expect(parseCents('1,280')).toBeNull()
  })

  it('shows cents in the currency', () => {
    expect(formatCents(3334, 'CNY', 'zh-CN')).toBe('¥33.34')
    expect(formatCents(3334, undefined, 'en')).toBe('33.34')
  })
})
