import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import type { Language } from '../../../../shared/model'

/**
 * A phone number in E.164 ("+8613812345678") when libphonenumber can read it: with its own "+"
 * or "00" prefix, or as a national number of `region`. Null when it cannot be read as a possible
 * number of any country (too short, letters, no region to read a national number by).
 */
export function toE164(value: string, region?: CountryCode): string | null {
  const text = value.trim().replace(/^00(?=\d)/, '+')
  if (!/\d/.test(text)) return null
  const parsed = parsePhoneNumberFromString(text, region)
  return parsed?.isPossible() ? parsed.number : null
}

/**
 * A number as people read it, in the international form ("+86 138 1234 5678") when it can be
 * read; otherwise as it was typed.
 */
export function displayPhone(value: string, region?: CountryCode): string {
  const text = value.trim().replace(/^00(?=\d)/, '+')
  const parsed = /\d/.test(text) ? parsePhoneNumberFromString(text, region) : undefined
  return parsed?.isPossible() ? parsed.formatInternational() : value
}

/** Fewer digits than this, unreadable as E.164, is an extension or a fragment: no identifier. */
const MIN_UNREADABLE_DIGITS = 8

/**
 * The key two numbers are compared by: E.164 when it can be read, otherwise the bare digits
 * behind a "#" (so an unreadable number only ever equals the same digits, never the tail of
 * another country's number). Empty for a value that identifies nothing (such as "123456").
 */
export function phoneKey(value: string, region?: CountryCode): string {
  const e164 = toE164(value, region)
  if (e164) return e164
  const digits = value.replace(/\D/g, '')
  return digits.length >= MIN_UNREADABLE_DIGITS ? `#${digits}` : ''
}

/** Only a number read as E.164 is sure enough to tell two people apart. */
export const isE164Key = (key: string) => key.startsWith('+')

/** ISO 3166 two-letter region codes libphonenumber knows; '' means "from the language". */
export function isPhoneRegion(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value)
}

/**
 * The region a number without "+" is read in: the user's setting, else China for the Chinese
 * interface. The English interface has no one country, so there only numbers with a country
 * code become E.164 until the user picks a region.
 */
export function phoneRegionFor(setting: string, language: Language): CountryCode | undefined {
  if (isPhoneRegion(setting)) return setting
  return language === 'zh-CN' ? 'CN' : undefined
}
