/**
 * The one reading of LinkedIn addresses in Rapport (import, duplicates, merge, event lists).
 *
 * "/in/<slug>" for a personal profile in any of its spellings: protocol or none, www, a country
 * subdomain or linkedin.cn (LinkedIn China, also under /incareer/), query, fragment, trailing
 * slash, letter case, percent-encoding. A bare slug counts only when the caller knows the value
 * is a LinkedIn profile. Null for anything else, such as a company or school page, which many
 * people share and which therefore never identifies a person.
 */
export function linkedInProfileKey(
  value: string,
  options: { bareSlug?: boolean } = {},
): string | null {
  let text = value.trim()
  if (!text) return null
  if (!text.includes('/') && !text.includes('.') && !/\s/.test(text)) {
    return options.bareSlug ? `/in/${decodeSlug(text)}` : null
  }
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[?#].*$/, '')
  const slash = text.indexOf('/')
  const host = (slash < 0 ? text : text.slice(0, slash)).toLowerCase()
  if (!/(^|\.)linkedin\.(com|cn)$/.test(host)) return null
  const path = slash < 0 ? '' : text.slice(slash)
  const match = /^(?:\/(?:incareer|injobs|mwlite))?\/in\/([^/]+)\/?$/i.exec(path)
  return match?.[1] ? `/in/${decodeSlug(match[1])}` : null
}

/** True when the text names LinkedIn at all (a profile or not). */
export function mentionsLinkedIn(value: string): boolean {
  return /(^|[/.])linkedin\.(com|cn)\b/i.test(value.trim())
}

function decodeSlug(slug: string): string {
  let text = slug
  try {
    text = decodeURIComponent(slug)
  } catch {
    // A stray "%" is part of what the user typed; compare it as it is.
  }
  return text.normalize('NFKC').toLowerCase()
}
