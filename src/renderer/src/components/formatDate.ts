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
