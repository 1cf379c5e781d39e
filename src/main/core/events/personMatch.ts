import type { Contact } from '../../../shared/model'
import { linkedInProfileKey, mentionsLinkedIn } from '../contacts/identity/linkedin'
import { normalizeName, normalizeOrganization } from '../contacts/identity/names'

/** How a listed speaker or attendee was recognised as an existing contact. */
export type MatchedBy = 'email' | 'linkedin' | 'nameAndOrganization'

export interface PersonKeys {
  name: string
  organization: string
  email: string
  linkedinUrl: string
}

/** Lower case, NFKC (full-width letters from Chinese keyboards), single spaces. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** A person's name and organisation as the duplicate finder compares them (李 娜 / 北京字节跳动 = 李娜 / 字节跳动). */
const nameKey = (name: string, organization: string) =>
  `${normalizeName(name)}\u0000${normalizeOrganization(organization)}`

const profileOf = (link: { kind: string; value: string }) =>
  link.kind === 'linkedin' || mentionsLinkedIn(link.value)
    ? linkedInProfileKey(link.value, { bareSlug: link.kind === 'linkedin' })
    : null

/**
 * A matcher over the contacts, built once per import: email first (the most reliable), then the
 * LinkedIn profile, then name and organisation together. A name alone never matches: two
 * "Li Wei"s at one conference are common.
 */
export function createPersonMatcher(contacts: readonly Contact[]) {
  const byEmail = new Map<string, string>()
  const byLinkedin = new Map<string, string>()
  const byName = new Map<string, Contact[]>()
  const emailsOf = new Map<string, string[]>()
  const profilesOf = new Map<string, string[]>()
  for (const c of contacts) {
    if (c.archived) continue
    const emails = c.emails.map((e) => normaliseText(e.value)).filter(Boolean)
    const profiles = c.links.map(profileOf).filter((p): p is string => !!p)
    emailsOf.set(c.id, emails)
    profilesOf.set(c.id, profiles)
    for (const e of emails) byEmail.set(e, c.id)
    for (const p of profiles) byLinkedin.set(p, c.id)
    if (normalizeOrganization(c.organization)) {
      const key = nameKey(c.name, c.organization)
      byName.set(key, [...(byName.get(key) ?? []), c])
    }
  }
  return (person: PersonKeys): { contactId: string; by: MatchedBy } | null => {
    const email = normaliseText(person.email)
    const viaEmail = email ? byEmail.get(email) : undefined
    if (viaEmail) return { contactId: viaEmail, by: 'email' }
    const profile = person.linkedinUrl.trim()
      ? linkedInProfileKey(person.linkedinUrl, { bareSlug: true })
      : null
    const viaLinkedin = profile ? byLinkedin.get(profile) : undefined
    if (viaLinkedin) return { contactId: viaLinkedin, by: 'linkedin' }
    if (normalizeOrganization(person.organization)) {
      // A namesake whose email or profile differs is someone else (two Li Weis at one company).
      const viaName = (byName.get(nameKey(person.name, person.organization)) ?? []).find(
        (c) =>
          !(email && emailsOf.get(c.id)!.length > 0) &&
          !(profile && profilesOf.get(c.id)!.length > 0),
      )
      if (viaName) return { contactId: viaName.id, by: 'nameAndOrganization' }
    }
    return null
  }
}
