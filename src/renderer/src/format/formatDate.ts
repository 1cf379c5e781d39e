/** Dates in the interface language; events pass their own time zone so times read as on site. */
export function formatDateTime(
  iso: string,
  language: string,
  timeZone?: string,
  precision: 'minutes' | 'seconds' = 'minutes',
): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: precision === 'seconds' ? 'medium' : 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}

export function formatDate(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}

/**
 * A time zone as people say it, with its offset at that moment: "中国标准时间（UTC+8）",
 * "Central European Summer Time (UTC+2)". An unknown zone is shown as stored.
 */
export function formatTimeZone(timeZone: string, language: string, at: string | Date): string {
  const when = typeof at === 'string' ? new Date(at) : at
  const part = (style: 'long' | 'shortOffset') => {
    try {
      return new Intl.DateTimeFormat(language, { timeZone, timeZoneName: style })
        .formatToParts(when)
        .find((p) => p.type === 'timeZoneName')?.value
    } catch {
      return undefined
    }
  }
  const name = part('long')
  if (!name) return timeZone
  const offset = (part('shortOffset') ?? '').replace(/^GMT/, 'UTC')
  const utc = offset === 'UTC' || offset === '' ? 'UTC+0' : offset
  return language.startsWith('zh') ? `${name}（${utc}）` : `${name} (${utc})`
}

const zoneOptionsCache = new Map<string, { value: string; label: string }[]>()

/**
 * Picker options for time zones: the spoken name with its offset and the zone's city, so
 * "上海" or "China" find it and nobody reads "Asia/Shanghai". Computed once per language.
 */
export function timeZoneOptions(
  zones: readonly string[],
  language: string,
): { value: string; label: string }[] {
  const cached = zoneOptionsCache.get(language)
  if (cached) return cached
  const now = new Date()
  const options = zones.map((zone) => {
    const city = zone.split('/').at(-1)!.replace(/_/g, ' ')
    const name = formatTimeZone(zone, language, now)
    return { value: zone, label: name === zone ? zone : `${name} · ${city}` }
  })
  zoneOptionsCache.set(language, options)
  return options
}
